/**
 * Fanout and direct exchanges: the producer publishes to an exchange, never to a queue,
 * and the bindings decide which queues get a copy (the AMQ model of AMQP 0-9-1).
 */
import type { ConsumeMessage } from 'amqplib';
import { list, messages, orderNumber } from '../frames.js';
import type { Party } from '../party.js';
import { bookOrder, json } from '../shop.js';
import { consumer, mqStep, producer } from '../step.js';
import type { MqSession } from '../session.js';
import type { Inbox } from '../wait.js';

/** A service with its own queue bound to `exchange` by `keys`; it acks what it gets. */
async function boundService(
  session: MqSession,
  name: string,
  tag: string,
  exchange: string,
  keys: string[],
): Promise<Inbox<ConsumeMessage>> {
  const queue = session.queue(tag);
  const { inbox } = await consumer(session, name, queue, tag, {
    setUp: async (party: Party) => {
      await party.channel.assertQueue(queue, { durable: false });
      for (const key of keys) await party.channel.bindQueue(queue, exchange, key);
    },
    onMessage: (message, party) => party.channel.ack(message),
  });
  return inbox;
}

export const fanout = mqStep('fanout', async ({ session, lesson }) => {
  const exchange = session.exchange('book-events');
  const catalogue = await producer(session, lesson.parties.catalogue);
  await catalogue.channel.assertExchange(exchange, 'fanout', { durable: false });
  const services = [
    [lesson.parties.email, 'email'],
    [lesson.parties.searchIndex, 'search-index'],
    [lesson.parties.audit, 'audit'],
  ] as const;
  const inboxes = [];
  // A fanout exchange ignores routing keys (AMQP 0-9-1, "The Fanout Exchange Type"), so the binding key stays empty.
  for (const [name, tag] of services) inboxes.push(await boundService(session, name, tag, exchange, ['']));
  const { title, isbn } = bookOrder(0, 3);
  catalogue.channel.publish(exchange, '', json({ event: 'book.added', title, isbn }), {
    contentType: 'application/json',
  });
  await session.within(Promise.all(inboxes.map((inbox) => inbox.until(1))), 'Basic.Deliver');

  return (frames) => {
    const delivered = messages(frames, 'Basic.Deliver');
    return [
      lesson.facts.fanout({
        published: messages(frames, 'Basic.Publish').length,
        delivered: delivered.length,
        to: list(delivered.map((m) => m.party)),
      }),
      lesson.facts.fanoutKey,
    ];
  };
});

export const direct = mqStep('direct', async ({ session, lesson }) => {
  const exchange = session.exchange('orders');
  const shop = await producer(session, lesson.parties.shop);
  await shop.channel.assertExchange(exchange, 'direct', { durable: false });
  const standard = await boundService(session, lesson.parties.standardShipping, 'standard', exchange, ['standard']);
  const express = await boundService(session, lesson.parties.expressShipping, 'express', exchange, ['express']);
  const returned = new Promise<void>((resolve) => shop.channel.once('return', () => resolve()));
  const shipping = ['standard', 'express', 'standard', 'freight'];
  shipping.forEach((key, i) =>
    // mandatory: if no binding matches, hand the message back (Basic.Return) instead of dropping it.
    shop.channel.publish(exchange, key, json(bookOrder(i + 1, i, 1, key)), {
      contentType: 'application/json',
      mandatory: true,
    }),
  );
  await session.within(Promise.all([standard.until(2), express.until(1), returned]), 'Basic.Deliver');

  return (frames) => {
    const delivered = messages(frames, 'Basic.Deliver');
    const routed = [lesson.parties.standardShipping, lesson.parties.expressShipping].map((party) => {
      const mine = delivered.filter((m) => m.party === party);
      return lesson.facts.routed({
        party,
        count: mine.length,
        orders: list(mine.map(orderNumber)),
        keys: list([...new Set(mine.map((m) => String(m.fields.routingKey)))]),
      });
    });
    const back = messages(frames, 'Basic.Return')[0];
    return [
      ...routed,
      lesson.facts.returned({
        order: back ? String(orderNumber(back)) : '—',
        key: String(back?.fields.routingKey ?? '—'),
        code: `${back?.fields.replyCode ?? '—'} ${back?.fields.replyText ?? ''}`.trim(),
      }),
    ];
  };
});
