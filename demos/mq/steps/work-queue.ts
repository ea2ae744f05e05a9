/**
 * Load distribution and fault tolerance with one queue and two workers: manual acks and
 * prefetch 1 (Basic.Qos) give fair dispatch; an unacked order survives a dying worker.
 */
import type { ConsumeMessage } from 'amqplib';
import { ackedTags, list, maxUnacked, messages, orderNumber, type WireMessage } from '../frames.js';
import type { Party } from '../party.js';
import { bookOrder, json, msPerCopy, orderQueue, parseOrder } from '../shop.js';
import { consumer, mqStep, producer, type MqContext } from '../step.js';
import { Inbox } from '../wait.js';

/** Ten orders of one copy each: all the same work, so only the workers' speed differs. */
const copies = Array.from({ length: 10 }, () => 1);
/** Worker 1 runs on an old machine: it packs three times slower than worker 2. */
const slowdown: Record<number, number> = { 1: 3, 2: 1 };

/** Work that ends in an ack; a timer that fires after the channel closed must not crash the demo. */
function packThenAck(party: Party, message: ConsumeMessage, done: Inbox<number>, slower = 1): void {
  const order = parseOrder(message.content);
  setTimeout(
    () => {
      try {
        party.channel.ack(message);
        done.add(order?.order ?? 0);
      } catch {
        // the channel is gone: the broker requeues the order, which is the point of acks
      }
    },
    (order?.quantity ?? 1) * msPerCopy * slower,
  );
}

async function workers(
  context: MqContext,
  queue: string,
  onMessage: (n: number) => (m: ConsumeMessage, p: Party) => void,
) {
  const { session, lesson } = context;
  for (const n of [1, 2]) {
    await consumer(session, lesson.parties.worker({ n }), queue, `worker-${n}`, {
      prefetch: 1,
      setUp: (party) => party.channel.assertQueue(queue, { durable: false }),
      onMessage: onMessage(n),
    });
  }
}

async function publishOrders(context: MqContext, queue: string, quantities: number[]): Promise<void> {
  const shop = await producer(context.session, context.lesson.parties.shop);
  await shop.channel.assertQueue(queue, { durable: false });
  quantities.forEach((quantity, i) => shop.channel.sendToQueue(queue, json(bookOrder(i + 1, i, quantity))));
}

/** Per worker: the orders delivered to it and the ones it acked, read from the wire. */
function perWorker(frames: Parameters<typeof messages>[0], name: string) {
  const delivered = messages(frames, 'Basic.Deliver', name);
  const tags = ackedTags(
    frames,
    name,
    delivered.map((m) => Number(m.fields.deliveryTag)),
  );
  const acked = delivered.filter((m) => tags.has(Number(m.fields.deliveryTag)));
  return { delivered, acked };
}

const orders = (ms: WireMessage[]) => ms.map(orderNumber);

export const workQueue = mqStep('work-queue', async (context) => {
  const { session, lesson } = context;
  const queue = session.queue(orderQueue);
  const done = new Inbox<number>();
  await workers(context, queue, (n) => (message, party) => packThenAck(party, message, done, slowdown[n]));
  await publishOrders(context, queue, copies);
  await session.within(done.until(copies.length), 'Basic.Ack');

  return (frames) => {
    const names = [1, 2].map((n) => lesson.parties.worker({ n }));
    const facts = names.map((worker) => {
      const { acked } = perWorker(frames, worker);
      return lesson.facts.perWorker({ worker, orders: list(orders(acked)), count: acked.length });
    });
    const most = Math.max(...names.map((worker) => maxUnacked(frames, worker)));
    return [...facts, lesson.facts.fairDispatch({ most }), lesson.facts.strictTurns({ each: copies.length / 2 })];
  };
});

export const faultTolerance = mqStep('fault-tolerance', async (context) => {
  const { session, lesson } = context;
  const queue = session.queue('tasks');
  const done = new Inbox<number>();
  let firstWorkerGot = 0;
  await workers(context, queue, (n) => (message, party) => {
    // Worker 1 dies while packing its second order: after it got it, before it acks it.
    if (n === 1 && ++firstWorkerGot === 2) setTimeout(() => party.crash(), msPerCopy);
    else packThenAck(party, message, done);
  });
  const quantities = [2, 2, 2, 2, 2, 2];
  await publishOrders(context, queue, quantities);
  await session.within(done.until(quantities.length), 'Basic.Ack');

  return (frames) => {
    const [first, second] = [1, 2].map((n) => lesson.parties.worker({ n }));
    const one = perWorker(frames, first!);
    const two = perWorker(frames, second!);
    const lostOrder = one.delivered.find((m) => !one.acked.includes(m));
    const again = messages(frames, 'Basic.Deliver').find((m) => m.fields.redelivered === true);
    const ackedOrders = new Set(orders([...one.acked, ...two.acked]));
    const published = messages(frames, 'Basic.Publish').length;
    return [
      lesson.facts.crashed({ worker: first!, order: lostOrder ? String(orderNumber(lostOrder)) : '—' }),
      lesson.facts.redelivered({ order: again ? String(orderNumber(again)) : '—', worker: again?.party ?? '—' }),
      lesson.facts.nothingLost({
        published,
        first: first!,
        second: second!,
        one: one.acked.length,
        two: two.acked.length,
        lost: published - ackedOrders.size,
      }),
    ];
  };
});
