/**
 * The price service: answers each quote request on the queue with a quote, sent to the
 * request's reply-to queue with the request's correlation-id.
 */
import { readFileSync } from 'node:fs';
import amqp from 'amqplib';

const url = process.env.AMQP_URL ?? 'amqp://guest:guest@localhost:5672';
const queue = process.env.RPC_QUEUE ?? 'price-quotes';
/** List prices in euro cents by ISBN, as `awt-demo exercise start` wrote them beside package.json. */
const prices = JSON.parse(
  readFileSync(process.env.PRICES_JSON ?? new URL('../prices.json', import.meta.url), 'utf8'),
) as Record<string, number>;

/** One tenth off from ten copies; an unknown book or a bad quantity gets an error. */
function quote(isbn: unknown, quantity: unknown) {
  const cents = typeof isbn === 'string' ? prices[isbn] : undefined;
  if (cents === undefined || !Number.isInteger(quantity) || (quantity as number) < 1) return { error: 'no such book' };
  const total = cents * (quantity as number) * ((quantity as number) >= 10 ? 0.9 : 1);
  return { isbn, quantity, total: `${(Math.round(total) / 100).toFixed(2)} EUR` };
}

const connection = await amqp.connect(url);
const channel = await connection.createChannel();
await channel.assertQueue(queue, { durable: false });
await channel.consume(queue, (message) => {
  if (!message) return;
  let asked: { isbn?: unknown; quantity?: unknown } = {};
  try {
    asked = JSON.parse(message.content.toString('utf8')) as typeof asked;
  } catch {
    // an unreadable request gets the answer for an unknown book
  }
  const { replyTo, correlationId } = message.properties as { replyTo?: string; correlationId?: string };
  if (replyTo) {
    const answer = Buffer.from(JSON.stringify(quote(asked.isbn, asked.quantity)));
    channel.sendToQueue(replyTo, answer, { correlationId, contentType: 'application/json' });
  }
  channel.ack(message);
});
console.log(`responder: waiting for quote requests on ${queue}`);
