/**
 * The checks of the exercise mq-order-worker: the work queue and the RPC of the mq demo
 * (steps work-queue, fault-tolerance, dead-letter, rpc), with their queue names, orders,
 * quotes and poison message taken from there (shop.ts). The check publishes through the
 * tap; every verdict is read from the decoded frames of the student's own connections:
 * Basic.Ack per delivery tag (amqp0-9-1 §1.8.3.13), Basic.Qos prefetch-count (§1.8.3.1),
 * redelivered on Basic.Deliver (§1.8.3.9), reply-to and correlation-id (basic properties).
 */
import amqp from 'amqplib';
import { isDeepStrictEqual } from 'node:util';
import type { CheckContext, CheckResult, ExerciseChecks } from '../exercises/types.js';
import type { AmqpFrameItem } from '../wire/amqp-frames.js';
import { amqpFrames, closeText, messages, orderNumber, settlementsOf, type WireMessage } from './frames.js';
import { bookOrder, json, msPerCopy, quote } from './shop.js';
import { atMost } from './wait.js';

const ok = (advice: string[] = []): CheckResult => ({ passed: true, advice });
const fail = (got: string): CheckResult => ({ passed: false, got });

/**
 * How long the wire may stay quiet before a check stops waiting for more, unless the rig
 * says otherwise: longer than the slowest order of a passing worker takes to pack (1.5 s).
 */
const defaultQuietMs = 2500;
/** A gap this long between two looks at the wire is this process stalling, not the wire being quiet. */
const stallMs = 500;
/** A slow order keeps a worker busy this long; the crash comes `cutAfterMs` after it arrives. */
const slowCopies = 60;
const cutAfterMs = 300;
/** The slow order of fair dispatch only has to outlast four quick ones. */
const fairSlowCopies = 40;

/** The check's own connection and channel, through the tap; closed when the check ends. */
async function checker(context: CheckContext) {
  const connection = await amqp.connect(context.amqp!.url, {
    // The check's own time limit is the bound; this only ends a connect nobody accepts. A
    // socket timeout counts wall time, and on a machine this busy the tap (in this process)
    // took over 3 s to accept: the check failed with "connect ETIMEDOUT".
    timeout: 10_000,
    clientProperties: { connection_name: 'awt-demo exercise check' },
  });
  connection.on('error', () => undefined);
  const close = () => void connection.close().catch(() => undefined);
  context.signal.addEventListener('abort', close, { once: true });
  const channel = await connection.createChannel();
  channel.on('error', () => undefined);
  return { channel, close };
}

/** Waits until `done` holds for the frames of this check, or the wire was quiet long enough, or time is up. */
async function settle(context: CheckContext, done: (frames: AmqpFrameItem[]) => boolean): Promise<AmqpFrameItem[]> {
  const quietMs = context.amqp!.quietMs ?? defaultQuietMs;
  let seen = -1;
  let quietSince = Date.now();
  let looked = Date.now();
  for (;;) {
    const frames = amqpFrames(context.items());
    if (done(frames) || context.signal.aborted) return frames;
    const now = Date.now();
    // After a stall, frames that arrived meanwhile may not have been read yet: count quiet from here.
    if (frames.length !== seen || now - looked > stallMs) [seen, quietSince] = [frames.length, now];
    else if (now - quietSince > quietMs) return frames;
    looked = now;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Deliveries of orders to the student's workers, in wire order. */
function deliveries(context: CheckContext, frames: AmqpFrameItem[]): WireMessage[] {
  const workers = context.amqp!.consumers('worker');
  return messages(frames, 'Basic.Deliver').filter((m) => workers.includes(m.method.connection));
}

/** Basic.Ack, Basic.Reject and Basic.Nack that settle `delivery` (multiple covers every tag up to its own). */
const settlements = (frames: AmqpFrameItem[], delivery: WireMessage) => settlementsOf(frames, delivery.method);

const acked = (frames: AmqpFrameItem[], delivery: WireMessage) =>
  settlements(frames, delivery).some((f) => f.method === 'Basic.Ack');

/** A worker connection whose Basic.Consume asked for no-ack: the broker forgets each order as it sends it. */
function noAckWorker(context: CheckContext): number | undefined {
  const { tasks } = context.amqp!.queues;
  return amqpFrames(context.amqp!.sinceStart()).find(
    (f) => f.method === 'Basic.Consume' && f.direction === 'up' && f.fields?.queue === tasks && f.fields?.noAck,
  )?.connection;
}

/** Channel.Close or Connection.Close sent by the broker to a worker: what the broker refused. */
function brokerCloses(context: CheckContext, frames: AmqpFrameItem[]): AmqpFrameItem[] {
  const workers = context.amqp!.consumers('worker');
  return frames.filter(
    (f) => f.direction === 'down' && /\.Close$/.test(f.method ?? '') && workers.includes(f.connection),
  );
}

async function publishOrders(context: CheckContext, orders: readonly object[]) {
  const { channel, close } = await checker(context);
  for (const order of orders) {
    channel.sendToQueue(context.amqp!.queues.tasks, json(order), { contentType: 'application/json' });
  }
  return close;
}

async function taskAckedOnce(context: CheckContext): Promise<CheckResult> {
  const { say } = context;
  const down = context.amqp!.notReady('worker');
  if (down) return fail(down);
  // Five orders and, among them, the poison message of the dead-letter step: an order that can never be packed.
  const orders = [1, 2, 3, 4, 5].map((n) => bookOrder(n, n - 1));
  const poison = { ...bookOrder(6, 5), quantity: -3 };
  const close = await publishOrders(context, [...orders.slice(0, 3), poison, ...orders.slice(3)]);
  try {
    const numbers = [1, 2, 3, 4, 5, 6];
    // With no-ack nothing is ever settled on the wire: then delivered is all there is to wait for.
    const noAck = noAckWorker(context) !== undefined;
    const allSettled = (frames: AmqpFrameItem[]) => {
      const got = deliveries(context, frames);
      return numbers.every((n) =>
        got.some((d) => orderNumber(d) === n && (noAck || settlements(frames, d).length > 0)),
      );
    };
    await settle(context, allSettled);
    // A second ack of the same tag comes, if at all, right after the first.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const frames = amqpFrames(context.items());
    const noAckOn = noAckWorker(context);
    if (noAckOn !== undefined) return fail(say.noAck({ connection: noAckOn }));
    const got = deliveries(context, frames);
    for (const n of numbers) {
      const delivery = got.find((d) => orderNumber(d) === n);
      if (!delivery) return fail(say.notDelivered({ order: n }));
      const settled = settlements(frames, delivery);
      const connection = delivery.method.connection;
      if (settled.length === 0) return fail(say.neverAcked({ order: n, connection }));
      if (settled.length > 1) return fail(say.ackedTwice({ order: n, connection, times: settled.length }));
      const [how] = settled;
      if (n !== poison.order && how!.method !== 'Basic.Ack') {
        return fail(say.notAcked({ order: n, method: how!.method! }));
      }
      if (n === poison.order && how!.method === 'Basic.Ack') return fail(say.poisonAcked({ order: n, connection }));
      if (how!.method !== 'Basic.Ack' && how!.fields?.requeue !== false) {
        return fail(say.requeued({ order: n, method: how!.method! }));
      }
    }
    const refused = brokerCloses(context, frames)[0];
    if (refused) return fail(say.brokerClosed({ connection: refused.connection, text: closeText(refused) }));
    return ok();
  } finally {
    close();
  }
}

async function fairDispatch(context: CheckContext): Promise<CheckResult> {
  const { say } = context;
  const down = context.amqp!.notReady('worker');
  if (down) return fail(down);
  // One slow order first, then four quick ones: with prefetch 1 the slow one holds up only its own worker.
  const orders = [bookOrder(1, 0, fairSlowCopies), ...[2, 3, 4, 5].map((n) => bookOrder(n, n - 1))];
  const close = await publishOrders(context, orders);
  try {
    const frames = await settle(context, (all) => {
      const got = deliveries(context, all);
      return orders.every((o) => got.some((d) => orderNumber(d) === o.order && acked(all, d)));
    });
    // The cause first (no-ack, no prefetch), read from the start; the trace shows what it led to.
    const noAck = noAckWorker(context);
    if (noAck !== undefined) return fail(say.noAck({ connection: noAck }));
    for (const connection of context.amqp!.consumers('worker')) {
      const count = prefetchOf(context, connection);
      if (count === undefined) return fail(say.noPrefetch({ connection }));
      if (count !== 1) return fail(say.prefetch({ connection, count }));
    }
    const got = deliveries(context, frames);
    const slow = got.find((d) => orderNumber(d) === 1);
    if (!slow) return fail(say.notDelivered({ order: 1 }));
    const busy = slow.method.connection;
    const slowAck = settlements(frames, slow)[0];
    const whileBusy = got.find(
      (d) =>
        d !== slow &&
        d.method.connection === busy &&
        frames.indexOf(d.method) > frames.indexOf(slow.method) &&
        (!slowAck || frames.indexOf(d.method) < frames.indexOf(slowAck)),
    );
    if (whileBusy) {
      return fail(say.heldTwo({ connection: busy, first: 1, second: orderNumber(whileBusy) ?? 0 }));
    }
    const other = context.amqp!.consumers('worker').find((c) => c !== busy);
    if (other !== undefined && !got.some((d) => d.method.connection === other)) {
      return fail(say.idle({ connection: other }));
    }
    for (const order of orders) {
      const delivery = got.find((d) => orderNumber(d) === order.order);
      if (!delivery) return fail(say.notDelivered({ order: order.order }));
      if (!acked(frames, delivery)) {
        return fail(say.neverAcked({ order: order.order, connection: delivery.method.connection }));
      }
    }
    return ok();
  } finally {
    close();
  }
}

/** The prefetch-count of the Basic.Qos a worker sent on its consuming channel before it consumed. */
function prefetchOf(context: CheckContext, connection: number): number | undefined {
  const frames = amqpFrames(context.amqp!.sinceStart()).filter((f) => f.connection === connection);
  const consume = frames.find(
    (f) => f.method === 'Basic.Consume' && f.direction === 'up' && f.fields?.queue === context.amqp!.queues.tasks,
  );
  const qos = frames
    .slice(0, consume ? frames.indexOf(consume) : frames.length)
    .filter((f) => f.method === 'Basic.Qos' && f.direction === 'up' && f.channel === consume?.channel)
    .at(-1);
  return qos ? Number(qos.fields?.prefetchCount) : undefined;
}

async function rpcReply(context: CheckContext): Promise<CheckResult> {
  const { say } = context;
  const down = context.amqp!.notReady('responder');
  if (down) return fail(down);
  const { channel, close } = await checker(context);
  try {
    // The rpc step's question (twelve copies of the first seed book, one tenth off) and a book no one sells.
    const questions = [
      { isbn: bookOrder(0, 0).isbn, quantity: 12 },
      { isbn: '9780000000002', quantity: 1 },
    ].map((ask, i) => ({
      ask,
      correlationId: `quote-${context.runId}-${i + 1}`,
      answer: quote(ask.isbn, ask.quantity) ?? { error: 'no such book' },
    }));
    const { queue: replyTo } = await channel.assertQueue('', { exclusive: true, durable: false });
    await channel.consume(replyTo, () => undefined, { noAck: true });
    for (const { ask, correlationId } of questions) {
      channel.sendToQueue(context.amqp!.queues.requests, json(ask), {
        replyTo,
        correlationId,
        contentType: 'application/json',
      });
    }
    const replies = (frames: AmqpFrameItem[]) =>
      messages(frames, 'Basic.Deliver').filter((m) => m.fields.routingKey === replyTo);
    const frames = await settle(context, (all) => replies(all).length >= questions.length);
    const responders = context.amqp!.consumers('responder');
    const sent = messages(frames, 'Basic.Publish').filter((m) => responders.includes(m.method.connection));
    if (sent.length === 0) return fail(say.noReply({ queue: context.amqp!.queues.requests }));
    const astray = sent.find((m) => m.fields.routingKey !== replyTo || (m.fields.exchange ?? '') !== '');
    if (astray) {
      return fail(
        say.replyElsewhere({
          exchange: String(astray.fields.exchange ?? ''),
          routingKey: String(astray.fields.routingKey ?? ''),
          replyTo,
        }),
      );
    }
    const advice: string[] = [];
    for (const { correlationId, answer } of questions) {
      const reply = replies(frames).find((m) => m.properties.correlationId === correlationId);
      if (!reply) {
        const other = replies(frames).find(
          (m) => !questions.some((q) => q.correlationId === m.properties.correlationId),
        );
        const got = other?.properties.correlationId;
        return fail(
          got === undefined || got === ''
            ? say.noCorrelationId({ expected: correlationId })
            : say.correlationId({ got: String(got).slice(0, 80), expected: correlationId }),
        );
      }
      let body: unknown;
      try {
        body = JSON.parse(reply.body);
      } catch {
        body = undefined;
      }
      if (!isDeepStrictEqual(body, answer)) {
        return fail(say.replyBody({ got: reply.body.slice(0, 200) || say.empty, expected: JSON.stringify(answer) }));
      }
      const type = reply.properties.contentType;
      if (type !== 'application/json' && advice.length === 0) {
        advice.push(say.contentType({ got: type === undefined ? '—' : String(type).slice(0, 80) }));
      }
    }
    return ok(advice);
  } finally {
    close();
  }
}

async function redeliveredOnCrash(context: CheckContext): Promise<CheckResult> {
  const { say } = context;
  const down = context.amqp!.notReady('worker');
  if (down) return fail(down);
  const order = bookOrder(1, 2, slowCopies);
  const close = await publishOrders(context, [order]);
  try {
    const first = deliveries(context, await settle(context, (all) => deliveries(context, all).length > 0))[0];
    if (!first) return fail(say.notDelivered({ order: order.order }));
    const crashed = first.method.connection;
    // Packing takes slowCopies × msPerCopy; a worker that acks only when done is still at it now.
    await atMost(new Promise((resolve) => setTimeout(resolve, cutAfterMs)), cutAfterMs + 100);
    const early = acked(amqpFrames(context.items()), first);
    context.amqp!.cut(crashed);
    const frames = await settle(context, (all) =>
      deliveries(context, all).some((d) => d !== first && d.fields.redelivered === true && acked(all, d)),
    );
    const again = deliveries(context, frames).find((d) => d !== first && d.fields.redelivered === true);
    if (again && acked(frames, again)) return ok();
    if (again) return fail(say.neverAcked({ order: order.order, connection: again.method.connection }));
    if (noAckWorker(context) !== undefined) return fail(say.noAck({ connection: crashed }));
    if (early) {
      return fail(
        say.ackedEarly({ order: order.order, connection: crashed, ms: cutAfterMs, work: slowCopies * msPerCopy }),
      );
    }
    return fail(say.notRedelivered({ order: order.order, connection: crashed }));
  } finally {
    close();
  }
}

export const checks: ExerciseChecks = {
  'task-acked-once': taskAckedOnce,
  'fair-dispatch': fairDispatch,
  'rpc-reply': rpcReply,
  'redelivered-on-crash': redeliveredOnCrash,
};
