/**
 * The embedded broker in a process of its own, for the benchmark: RabbitMQ runs in its
 * own process too, so neither shares a CPU thread with the amqplib client measuring it.
 * Prints the URL on one line; stops when stdin closes.
 */
import { startBroker } from '../../demos/mq/broker/server.js';

const broker = await startBroker({ port: 0 });
process.stdout.write(`${broker.url}\n`);
process.stdin.resume();
process.stdin.on('end', () => void broker.close().then(() => process.exit(0)));
