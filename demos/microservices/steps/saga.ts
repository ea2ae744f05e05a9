/**
 * Step 9: an order needs the orders service and the stock service. Without coordination
 * a failure between the two writes leaves them disagreeing; a saga over the broker, with
 * a compensating action, ends consistent.
 */
import net from 'node:net';
import type { AmqpFrameItem } from '../../wire/amqp-frames.js';
import type { HttpClient } from '../../wire/http-client.js';
import type { WireItem } from '../../wire/trace.js';
import type { MicroSession } from '../session.js';
import type { MicroStep } from '../step.js';

interface Order {
  id: string;
  status: string;
  reason?: string;
}
interface Stock {
  available: number;
  reservedFor: string[];
}

/** Is anything listening where the broker should be? (The saga needs it; the other steps do not.) */
function reachable(host: string, port: number, timeoutMs = 1500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

const order = (gateway: HttpClient, key: string, bookId: string, coordination: 'none' | 'saga') =>
  gateway.send({
    method: 'POST',
    path: '/api/orders',
    headers: { 'X-Api-Key': key },
    body: { bookId, quantity: 1, coordination },
  });

async function get<T>(session: MicroSession, path: string): Promise<T> {
  return (await session.client('gateway').send({ path, headers: { 'X-Api-Key': session.apiKey } })).json as T;
}

/**
 * How long the saga may take for its answer: generous, because RabbitMQ on a busy
 * machine can take seconds, and bounded, so the step always ends and says why.
 */
export const sagaDeadlineMs = 20_000;

/** The saga's events on the wire, by lane: "orders Basic.Publish order.placed, stock Basic.Deliver order.placed". */
function eventsOnWire(items: readonly WireItem[]): string {
  return items
    .filter((i): i is AmqpFrameItem => i.kind === 'amqp-frame' && /^Basic\.(Publish|Deliver)$/.test(i.method ?? ''))
    .map((f) => `${f.party?.name ?? '?'} ${f.method} ${String(f.fields?.routingKey ?? '')}`)
    .join(', ');
}

export const sagaStep: MicroStep = {
  id: 'saga',
  spares: [{ service: 'stock', as: 'stock' }],
  async run({ session, lesson: t, items }) {
    const gateway = session.client('gateway');
    // The stock service is down (it has not come up yet): the order is saved, the reservation fails.
    const naive = await order(gateway, session.apiKey, '1', 'none');
    const naiveOrder = (naive.json as { order?: Order }).order;
    const facts = [t.facts.noCoordination({ status: naive.status, order: naiveOrder?.status ?? '?' })];

    // auto and embedded asked the broker before the run; --broker rabbitmq did not.
    if (!session.brokerProbed && !(await reachable(session.broker.host, session.broker.port))) {
      return [...facts, t.facts.noBroker({ url: session.broker.shown })];
    }
    await session.start('stock', 'stock');
    const stockBefore = await get<Stock>(session, '/api/stock/1');
    const saved = await get<Order>(session, `/api/orders/${naiveOrder?.id ?? '1'}`);
    facts.push(
      t.facts.inconsistent({
        order: saved.status,
        available: stockBefore.available,
        reserved: stockBefore.reservedFor.length,
      }),
    );

    const orders = session.process('orders');
    const since = orders.events.length;
    const started = Date.now();
    // Waits for the event that settles the order; the event may come before the 202 does, so
    // the search starts at the events from before the order. Undefined when the deadline passed.
    const outcome = (id: string) =>
      orders
        .event(
          (e) => (e as { order?: Order }).order?.id === id && (e as { order: Order }).order.status !== 'pending',
          since,
          Math.max(0, sagaDeadlineMs - (Date.now() - started)),
        )
        .then(
          () => true,
          () => false,
        );
    const firstReply = await order(gateway, session.apiKey, '1', 'saga');
    if (firstReply.status !== 202) {
      const said = (firstReply.json as { title?: string } | undefined)?.title ?? '';
      return [...facts, t.facts.sagaRefused({ status: firstReply.status, said })];
    }
    const placed = firstReply.json as Order;
    const secondReply = await order(gateway, session.apiKey, '3', 'saga');
    const rejected = (secondReply.json ?? {}) as Order;
    // Both sagas run at once; each answer is awaited as an event, within one shared deadline.
    const answered = await Promise.all([outcome(placed.id), outcome(rejected.id)]);
    const [first, second, stock1, stock3] = await Promise.all([
      get<Order>(session, `/api/orders/${placed.id}`),
      get<Order>(session, `/api/orders/${rejected.id}`),
      get<Stock>(session, '/api/stock/1'),
      get<Stock>(session, '/api/stock/3'),
    ]);
    const unanswered = (o: Order) =>
      t.facts.sagaNoAnswer({ id: o.id, status: o.status, seconds: sagaDeadlineMs / 1000, seen: eventsOnWire(items()) });
    facts.push(
      answered[0]
        ? t.facts.sagaConfirmed({ id: first.id, status: first.status, reserved: stock1.reservedFor.includes(first.id) })
        : unanswered(first),
      answered[1]
        ? t.facts.sagaCompensated({
            id: second.id,
            status: second.status,
            reason: second.reason ?? '',
            reserved: stock3.reservedFor.includes(second.id),
          })
        : unanswered(second),
    );
    return facts;
  },
};
