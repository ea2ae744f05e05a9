/**
 * Publisher confirms (RabbitMQ's Confirm class, an extension of 0-9-1): after
 * Confirm.Select the broker acks every publish on the channel, by sequence number.
 */
import { elapsed, list, messages, methods } from '../frames.js';
import { bookOrder, json } from '../shop.js';
import { mqStep, producer } from '../step.js';

export const confirms = mqStep('confirms', async ({ session, lesson }) => {
  const queue = session.queue('confirmed-orders');
  const shop = await producer(session, lesson.parties.shop, { confirm: true });
  await shop.channel.assertQueue(queue, { durable: true });
  for (const n of [1, 2, 3]) {
    shop.channel.sendToQueue(queue, json(bookOrder(n, n)), { persistent: true, contentType: 'application/json' });
  }
  await session.within(shop.channel.waitForConfirms(), 'Basic.Ack');

  return (frames) => {
    const published = messages(frames, 'Basic.Publish');
    const acks = methods(frames, 'Basic.Ack').filter((f) => f.direction === 'down');
    const lastAck = acks.at(-1);
    return [
      lesson.facts.confirmMode({ published: published.length }),
      lesson.facts.brokerAcks({
        acks: list(
          acks.map((a) => `deliveryTag=${a.fields?.deliveryTag}${a.fields?.multiple ? ' multiple=true' : ''}`),
        ),
        frames: acks.length,
      }),
      lesson.facts.confirmTime({
        ms: lastAck && published.length > 0 ? elapsed(published.at(-1)!.method.at, lastAck.at) : NaN,
      }),
    ];
  };
});
