/**
 * The worker: packs the orders of the task queue (see README.md). It connects and
 * consumes already; every TODO marks a rule that is yours to write.
 */
import amqp from 'amqplib';

interface Order {
  order: number;
  isbn: string;
  title: string;
  quantity: number;
}

// The check gives both in the environment; without them, RabbitMQ on this machine and the demo's queue.
const url = process.env.AMQP_URL ?? 'amqp://guest:guest@localhost:5672';
const queue = process.env.TASK_QUEUE ?? 'orders';
/** Packing takes 25 ms per copy. */
const msPerCopy = 25;

const connection = await amqp.connect(url);
const channel = await connection.createChannel();
await channel.assertQueue(queue, { durable: false });
// TODO: at most one unacknowledged order per worker (Basic.Qos), before consuming.
await channel.consume(
  queue,
  (message) => {
    if (!message) return;
    // TODO: a message that is not an order (no JSON, or quantity < 1) must be settled too, without requeue.
    const order = JSON.parse(message.content.toString('utf8')) as Order;
    setTimeout(() => {
      // TODO: acknowledge the order here, once it is packed, and only then.
      console.log(`packed order ${order.order} (${order.quantity} × ${order.title})`);
    }, order.quantity * msPerCopy);
  },
  // TODO: manual acknowledgements: with noAck the broker forgets an order the moment it sends it.
  { noAck: true },
);
console.log(`worker: waiting for orders on ${queue}`);
