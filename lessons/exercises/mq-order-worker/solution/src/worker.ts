/**
 * The worker: packs the orders of the task queue one at a time and acknowledges each one
 * only once it is packed, so an order whose worker dies goes to another worker.
 */
import amqp from 'amqplib';

interface Order {
  order: number;
  isbn: string;
  title: string;
  quantity: number;
}

const url = process.env.AMQP_URL ?? 'amqp://guest:guest@localhost:5672';
const queue = process.env.TASK_QUEUE ?? 'orders';
/** Packing takes 25 ms per copy. */
const msPerCopy = 25;

/** The body as an order, or undefined when it is none (a poison message). */
function parseOrder(content: Buffer): Order | undefined {
  try {
    const value = JSON.parse(content.toString('utf8')) as Partial<Order>;
    const valid = Number.isInteger(value.order) && typeof value.isbn === 'string' && Number.isInteger(value.quantity);
    return valid && value.quantity! > 0 ? (value as Order) : undefined;
  } catch {
    return undefined;
  }
}

const connection = await amqp.connect(url);
const channel = await connection.createChannel();
await channel.assertQueue(queue, { durable: false });
// At most one unacknowledged order at a time: a busy worker gets no second one.
await channel.prefetch(1);
await channel.consume(
  queue,
  (message) => {
    // null: the broker cancelled the consumer (the queue was deleted).
    if (!message) return;
    const order = parseOrder(message.content);
    if (!order) {
      // It can never be packed: not back into the queue, or it comes back forever.
      channel.reject(message, false);
      return;
    }
    setTimeout(() => {
      channel.ack(message);
      console.log(`packed order ${order.order} (${order.quantity} × ${order.title})`);
    }, order.quantity * msPerCopy);
  },
  { noAck: false },
);
console.log(`worker: waiting for orders on ${queue}`);
