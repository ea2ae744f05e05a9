/**
 * The price service: answers quote requests (see README.md). It connects, consumes and
 * answers already; every TODO marks a rule that is yours to write.
 */
import { readFileSync } from 'node:fs';
import amqp from 'amqplib';

const url = process.env.AMQP_URL ?? 'amqp://guest:guest@localhost:5672';
const queue = process.env.RPC_QUEUE ?? 'price-quotes';
/** List prices in euro cents by ISBN, as `awt-demo exercise start` wrote them beside package.json. */
const prices = JSON.parse(
  readFileSync(process.env.PRICES_JSON ?? new URL('../prices.json', import.meta.url), 'utf8'),
) as Record<string, number>;

const connection = await amqp.connect(url);
const channel = await connection.createChannel();
await channel.assertQueue(queue, { durable: false });
await channel.consume(queue, (message) => {
  if (!message) return;
  const { replyTo } = message.properties as { replyTo?: string };
  // TODO: the quote for the request's isbn and quantity, from `prices` (one tenth off from ten copies).
  const answer = { error: `${Object.keys(prices).length} prices known, no quote yet` };
  // TODO: the reply carries the request's correlation-id, so the client knows which question it answers.
  if (replyTo) channel.sendToQueue(replyTo, Buffer.from(JSON.stringify(answer)), { contentType: 'application/json' });
  channel.ack(message);
});
console.log(`responder: waiting for quote requests on ${queue}`);
