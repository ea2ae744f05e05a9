/**
 * Message queue: the list as RPC over the AMQP broker (RabbitMQ, or the embedded one), as in the mq demo's rpc step
 * (demos/mq/steps/rpc.ts). A books service on this thread consumes a request queue and
 * answers every request with the JSON list, to the request's reply-to and with its
 * correlation-id (basic.properties in amqp0-9-1.xml). The clients on the load thread
 * share one connection, one channel per loop. No tap: straight to the broker.
 *
 * Replies come by RabbitMQ's direct reply-to (https://www.rabbitmq.com/docs/direct-reply-to):
 * a client consumes the pseudo-queue amq.rabbitmq.reply-to without acks and publishes its
 * requests on the same channel; the broker hands each reply straight to that consumer, with
 * no reply queue to declare, fill and drain. It is made for exactly this many-requests RPC.
 */
import amqp from 'amqplib';
import { randomBytes } from 'node:crypto';
import { BookStore } from '../books/store.js';
import { brokerChoice } from './broker-choice.js';
import { chooseBroker } from './choose-broker.js';
import { connectChosen, probeMs } from './connect-broker.js';
import { within } from './wait.js';
import type { BenchAdapter, BenchWorker } from '../bench/adapter.js';
import { inFlight } from '../bench/in-flight.js';
import { countJsonList } from '../bench/http-adapter.js';

/** As in http-adapter.ts: the check before the load must not hang; under load the generator bounds the wait. */
const directReplyTo = 'amq.rabbitmq.reply-to';
/** basic.properties type, "message type name": what the request asks for. It has no body. */
const requestType = 'listBooks';

const countBooks = countJsonList();

export const benchAdapter: BenchAdapter = {
  id: 'mq',
  name: 'AMQP',
  operation: `RPC: Basic.Publish type=${requestType} reply-to=${directReplyTo} → Basic.Deliver`,
  start: async (options) => {
    const chosen = await chooseBroker(brokerChoice(options.broker, process.env), options.amqpUrl, process.env);
    const broker = chosen.address;
    const connection = await connectChosen(chosen, 'awt-demo: bench books service');
    try {
      const channel = await connection.createChannel();
      // 24 random bits, as the mq demo names its queues: runs and tests side by side never share one.
      const queue = `awt-${randomBytes(3).toString('hex')}.bench-books`;
      // exclusive: should this process die, the broker deletes the queue with the connection.
      await channel.assertQueue(queue, { durable: false, exclusive: true });
      // Each loop has one request out at a time, so this holds none back; it only bounds a runaway client.
      await channel.prefetch(Math.max(1, options.concurrency));
      const store = new BookStore();
      await channel.consume(queue, (message) => {
        if (!message) return;
        const { replyTo, correlationId } = message.properties as { replyTo?: string; correlationId?: string };
        if (replyTo) {
          // Serialised per request, as express's res.json() does for REST.
          const body = Buffer.from(JSON.stringify(store.list()));
          channel.sendToQueue(replyTo, body, { correlationId, contentType: 'application/json' });
        }
        channel.ack(message);
      });
      return {
        address: { url: broker.url.href, queue },
        broker: {
          kind: chosen.kind,
          url: broker.shown,
          ...(chosen.product ? { product: chosen.product } : {}),
          ...(chosen.fallbackFrom ? { fallbackFrom: chosen.fallbackFrom } : {}),
        },
        close: async () => {
          await within(channel.deleteQueue(queue), 2000, () => new Error('delete')).catch(() => undefined);
          await within(connection.close(), 2000, () => new Error('close')).catch(() => undefined);
          await chosen.close();
        },
      };
    } catch (error) {
      await connection.close().catch(() => undefined);
      await chosen.close();
      throw error;
    }
  },
  connect: async (address) => {
    const connection = await amqp.connect(address.url, {
      timeout: probeMs,
      // Without it Nagle's algorithm holds small frames back ~40 ms (as in demos/mq/party.ts).
      noDelay: true,
      clientProperties: { connection_name: 'awt-demo: bench clients' },
    });
    connection.on('error', () => undefined);
    const queue = String(address.queue);
    return {
      worker: async () => rpcWorker(await connection.createChannel(), queue),
      close: async () => {
        await within(connection.close(), 2000, () => new Error('close')).catch(() => undefined);
      },
    };
  },
};

async function rpcWorker(channel: amqp.Channel, queue: string): Promise<BenchWorker> {
  let requests = 0;
  // The key is the request's correlation id, which the answer carries back.
  const waiting = inFlight<string>();
  const fail = (error: Error) => waiting.fail(error);
  channel.on('error', (error: Error) => fail(error));
  channel.on('close', () => fail(new Error('the channel closed')));
  // mandatory: a request no queue takes comes back (Basic.Return) instead of vanishing.
  channel.on('return', () => fail(new Error(`no queue ${queue} on the broker`)));

  // Direct reply-to needs no-ack mode: the broker would refuse acks for these deliveries.
  await channel.consume(
    directReplyTo,
    (message) => {
      if (!message || message.properties.correlationId !== waiting.key) return;
      waiting.answer(message.content, countBooks);
    },
    { noAck: true },
  );

  return {
    run: (check = false) => {
      const correlationId = String(++requests);
      const answer = waiting.wait(correlationId, check);
      channel.sendToQueue(queue, Buffer.alloc(0), {
        replyTo: directReplyTo,
        correlationId,
        type: requestType,
        mandatory: true,
      });
      return answer;
    },
    close: async () => {
      await channel.close().catch(() => undefined);
    },
  };
}
