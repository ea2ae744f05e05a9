/**
 * What goes wrong, and how AMQP says so: a channel-level exception closes the channel
 * with a reply code (404 NOT_FOUND, 406 PRECONDITION_FAILED, 541 INTERNAL_ERROR in
 * amqp0-9-1.xml), and the connection lives on.
 */
import { closeText, errorCloses, messages, methods } from '../frames.js';
import { bookOrder, json } from '../shop.js';
import { consumer, mqStep, producer } from '../step.js';

export const noExchange = mqStep('no-exchange', async ({ session, lesson }) => {
  const missing = session.exchange('no-such-exchange');
  const queue = session.queue('orders-safe');
  const shop = await producer(session, lesson.parties.shop);
  const closed = new Promise<void>((resolve) => shop.channel.once('close', () => resolve()));
  const accepted = shop.channel.publish(missing, 'order', json(bookOrder(1, 0)));
  await session.within(closed, 'Channel.Close');
  // In confirm mode the broker's Basic.Ack proves that this time the order arrived.
  const second = await shop.openChannel({ confirm: true });
  await second.assertQueue(queue, { durable: false });
  second.sendToQueue(queue, json(bookOrder(1, 0)));
  await session.within(second.waitForConfirms(), 'Basic.Ack');

  return (frames) => {
    const close = errorCloses(frames)[0];
    const confirmed = methods(frames, 'Basic.Ack').find((f) => f.direction === 'down');
    return [
      lesson.facts.channelClosedByBroker({
        channel: close?.channel ?? 0,
        close: closeText(close),
        accepted: String(accepted),
      }),
      lesson.facts.connectionLives({ channel: confirmed?.channel ?? 0, acked: String(Boolean(confirmed)) }),
    ];
  };
});

export const conflictingQueue = mqStep('conflicting-queue', async ({ session, lesson }) => {
  const queue = session.queue('stock-updates');
  const orders = await producer(session, lesson.parties.orderService);
  await orders.channel.assertQueue(queue, { durable: false, messageTtl: 60_000 });
  const reports = await producer(session, lesson.parties.reportService);
  const refused = await reports.channel.assertQueue(queue, { durable: false, messageTtl: 30_000 }).then(
    () => false,
    () => true,
  );
  // The channel is gone; a passive declare on a new one only asks whether the queue exists.
  const check = await reports.openChannel();
  await check.checkQueue(queue);

  return (frames) => {
    const close = errorCloses(frames)[0];
    const passive = methods(frames, 'Queue.DeclareOk').at(-1);
    return [
      lesson.facts.declareRefused({
        party: close?.party?.name ?? '—',
        close: closeText(close),
        refused: String(refused),
      }),
      lesson.facts.firstDeclarationWins({ queue: String(passive?.fields?.queue ?? queue) }),
    ];
  };
});

export const throwingConsumer = mqStep('throwing-consumer', async ({ session, lesson }) => {
  const queue = session.queue('orders-fragile');
  const buggy = await consumer(session, lesson.parties.buggyWorker, queue, 'buggy-worker', {
    setUp: (party) => party.channel.assertQueue(queue, { durable: false }),
    onMessage: (message) => {
      // The bug: this shop's orders have no customer object.
      const order = JSON.parse(String(message.content)) as { customer: { name: string } };
      void order.customer.name.toUpperCase();
    },
  });
  const closed = new Promise<void>((resolve) => buggy.party.channel.once('close', () => resolve()));
  const shop = await producer(session, lesson.parties.shop);
  shop.channel.sendToQueue(queue, json(bookOrder(7, 2)), { contentType: 'application/json' });
  await session.within(closed, 'Channel.Close');
  const fixed = await consumer(session, lesson.parties.fixedWorker, queue, 'fixed-worker', {
    onMessage: (message, party) => party.channel.ack(message),
  });
  await session.within(fixed.inbox.until(1), 'Basic.Deliver');

  return (frames) => {
    const close = errorCloses(frames)[0];
    const again = messages(frames, 'Basic.Deliver', lesson.parties.fixedWorker)[0];
    return [
      lesson.facts.consumerThrew({
        error: buggy.party.errors[0]?.message ?? '—',
        close: closeText(close),
        sender: close?.direction === 'up' ? lesson.parties.buggyWorker : lesson.parties.broker,
      }),
      lesson.facts.requeuedAfterThrow({
        worker: lesson.parties.fixedWorker,
        redelivered: String(again?.fields.redelivered ?? '—'),
        published: methods(frames, 'Basic.Publish').length,
        acked: methods(frames, 'Basic.Ack').filter((f) => f.direction === 'up').length,
      }),
    ];
  };
});
