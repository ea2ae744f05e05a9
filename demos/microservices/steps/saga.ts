/**
 * Step 9: an order needs the orders service and the stock service. Without coordination
 * a failure between the two writes leaves them disagreeing; a saga over the broker, with
 * a compensating action, ends consistent.
 */
import net from 'node:net';
import type { HttpClient } from '../../wire/http-client.js';
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

export const sagaStep: MicroStep = {
  id: 'saga',
  async run({ session, lesson: t }) {
    const gateway = session.client('gateway');
    // The stock service is down (it has not come up yet): the order is saved, the reservation fails.
    const naive = await order(gateway, session.apiKey, '1', 'none');
    const naiveOrder = (naive.json as { order?: Order }).order;
    const facts = [t.facts.noCoordination({ status: naive.status, order: naiveOrder?.status ?? '?' })];

    if (!(await reachable(session.broker.host, session.broker.port))) {
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
    // The event may come before the 202 does: the search starts at the events before the order.
    const outcome = (id: string) =>
      orders
        .event(
          (e) => (e as { order?: Order }).order?.id === id && (e as { order: Order }).order.status !== 'pending',
          since,
        )
        // No answer in time (a broker under load): the state is shown as it is, still pending.
        .catch(() => undefined);
    const firstReply = await order(gateway, session.apiKey, '1', 'saga');
    if (firstReply.status !== 202) {
      const said = (firstReply.json as { title?: string } | undefined)?.title ?? '';
      return [...facts, t.facts.sagaRefused({ status: firstReply.status, said })];
    }
    const placed = firstReply.json as Order;
    await outcome(placed.id);
    const rejected = ((await order(gateway, session.apiKey, '3', 'saga')).json ?? {}) as Order;
    await outcome(rejected.id);
    const [first, second, stock1, stock3] = await Promise.all([
      get<Order>(session, `/api/orders/${placed.id}`),
      get<Order>(session, `/api/orders/${rejected.id}`),
      get<Stock>(session, '/api/stock/1'),
      get<Stock>(session, '/api/stock/3'),
    ]);
    facts.push(
      t.facts.sagaConfirmed({ id: first.id, status: first.status, reserved: stock1.reservedFor.includes(first.id) }),
      t.facts.sagaCompensated({
        id: second.id,
        status: second.status,
        reason: second.reason ?? '',
        reserved: stock3.reservedFor.includes(second.id),
      }),
    );
    return facts;
  },
};
