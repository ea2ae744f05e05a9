/**
 * A poison message: rejected without requeue (Basic.Reject requeue=false), the broker
 * republishes it to the queue's dead-letter exchange (RabbitMQ's x-dead-letter-exchange).
 */
import { messages, methods, orderNumber } from '../frames.js';
import { bookOrder, json, parseOrder } from '../shop.js';
import { consumer, mqStep, producer } from '../step.js';

export const deadLetter = mqStep('dead-letter', async ({ session, lesson }) => {
  const exchange = session.exchange('orders-dlx');
  const dead = session.queue('orders-dead');
  const checked = session.queue('orders-checked');
  const reader = await consumer(session, lesson.parties.deadLetters, dead, 'dead-letters', {
    noAck: true,
    setUp: async (party) => {
      await party.channel.assertExchange(exchange, 'fanout', { durable: false });
      await party.channel.assertQueue(dead, { durable: false });
      await party.channel.bindQueue(dead, exchange, '');
    },
  });
  const checker = await consumer(session, lesson.parties.checker, checked, 'checker', {
    setUp: (party) => party.channel.assertQueue(checked, { durable: false, deadLetterExchange: exchange }),
    onMessage: (message, party) => {
      // An order that can never be processed must not go back to the queue: it would come back forever.
      if (parseOrder(message.content)) party.channel.ack(message);
      else party.channel.reject(message, false);
    },
  });
  const shop = await producer(session, lesson.parties.shop);
  shop.channel.sendToQueue(checked, json(bookOrder(12, 4)), { contentType: 'application/json' });
  shop.channel.sendToQueue(checked, json({ ...bookOrder(13, 5), quantity: -3 }), { contentType: 'application/json' });
  await session.within(Promise.all([checker.inbox.until(2), reader.inbox.until(1)]), 'Basic.Deliver');

  return (frames) => {
    const toChecker = messages(frames, 'Basic.Deliver', lesson.parties.checker);
    const byTag = (tag: unknown) => toChecker.find((m) => m.fields.deliveryTag === tag);
    const orderOf = (tag: unknown) => String(orderNumber(byTag(tag)!) ?? '—');
    const acked = methods(frames, 'Basic.Ack', lesson.parties.checker).map((f) => orderOf(f.fields?.deliveryTag));
    const rejected = methods(frames, 'Basic.Reject', lesson.parties.checker);
    const arrived = messages(frames, 'Basic.Deliver', lesson.parties.deadLetters)[0];
    const deaths = (arrived?.properties.headers as Record<string, unknown> | undefined)?.['x-death'];
    const death = (Array.isArray(deaths) ? deaths[0] : undefined) as Record<string, unknown> | undefined;
    return [
      lesson.facts.rejected({
        acked: acked.join(', ') || '—',
        rejected: rejected.map((f) => orderOf(f.fields?.deliveryTag)).join(', ') || '—',
        requeue: String(rejected[0]?.fields?.requeue ?? '—'),
      }),
      lesson.facts.deadLettered({
        order: arrived ? String(orderNumber(arrived)) : '—',
        reason: String(death?.reason ?? '—'),
        queue: String(death?.queue ?? '—'),
        count: Number(death?.count ?? 0),
      }),
      lesson.facts.withoutDlx,
    ];
  };
});
