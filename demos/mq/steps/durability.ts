/**
 * What survives a broker restart is decided by two flags on the wire: Queue.Declare
 * durable (the queue) and the content header's delivery-mode 2 (the message). The demo
 * does not restart a shared broker; it reads both flags back from the frames and says
 * what each message would survive.
 */
import { messages, methods, orderNumber } from '../frames.js';
import { bookOrder, json } from '../shop.js';
import { mqStep, producer } from '../step.js';

export const durability = mqStep('durability', async ({ session, lesson }) => {
  const durableQueue = session.queue('orders-durable');
  const transientQueue = session.queue('orders-transient');
  const shop = await producer(session, lesson.parties.shop);
  await shop.channel.assertQueue(durableQueue, { durable: true });
  await shop.channel.assertQueue(transientQueue, { durable: false });
  shop.channel.sendToQueue(durableQueue, json(bookOrder(1, 0)), { persistent: true });
  shop.channel.sendToQueue(durableQueue, json(bookOrder(2, 1)), { persistent: false });
  shop.channel.sendToQueue(transientQueue, json(bookOrder(3, 2)), { persistent: true });

  return (frames) => {
    const declared = methods(frames, 'Queue.Declare');
    const facts = messages(frames, 'Basic.Publish').map((message) => {
      const queue = String(message.fields.routingKey);
      const durable = declared.find((f) => f.fields?.queue === queue)?.fields?.durable === true;
      const persistent = message.properties.deliveryMode === 2;
      // Only a durable queue comes back after a restart, and it brings back only persistent messages.
      return lesson.facts.survives({
        order: String(orderNumber(message)),
        queue,
        durable: String(durable),
        mode: String(message.properties.deliveryMode ?? 1),
        restart: String(durable && persistent),
        queueGone: String(!durable),
      });
    });
    // The embedded broker has no disk: the facts above describe RabbitMQ, and this says so.
    return session.brokerUsed.kind === 'embedded' ? [...facts, lesson.facts.inMemory] : facts;
  };
});
