/**
 * The orders service: the orders, in this process only. An order needs stock, which
 * another service owns, so placing one spans two services and two local writes:
 * - `coordination: "none"`: save the order, then ask the stock service over HTTP. If
 *   that fails, the order is saved and the stock is not reserved: inconsistent.
 * - `coordination: "saga"`: save the order as pending and publish order.placed; the stock
 *   service answers stock.reserved (the order is confirmed) or stock.rejected (the order
 *   is cancelled: the compensating action). Consistent in the end.
 */
import { createResolver } from '../runtime/discovery.js';
import { BadRequest, readJson, sendJson } from '../runtime/http-io.js';
import { joinSagaBus, type SagaBus } from '../runtime/saga-bus.js';
import { runService, type ServiceEnv } from '../runtime/service-runtime.js';
import type { ServiceClient } from '../runtime/service-client.js';

type Status = 'placed' | 'pending' | 'confirmed' | 'cancelled';
interface Order {
  id: string;
  bookId: string;
  quantity: number;
  status: Status;
  reason?: string;
}

const orders = new Map<string, Order>();
const maxOrders = 1000;
let bus: Promise<SagaBus> | undefined;
let notify: (event: unknown) => void = () => undefined;

function sagaBus(env: ServiceEnv): Promise<SagaBus> {
  const url = env.get('AMQP_URL');
  if (!url) return Promise.reject(new BadRequest(503, 'no broker configured (AMQP_URL)'));
  bus ??= joinSagaBus(url, env.get('AMQP_PREFIX') ?? 'awt', 'orders', ['stock.*'], async (key, event) => {
    const order = orders.get(String(event.orderId));
    if (!order || order.status !== 'pending') return;
    // The compensating action: the order this service saved is undone, because stock said no.
    order.status = key === 'stock.reserved' ? 'confirmed' : 'cancelled';
    if (key !== 'stock.reserved') order.reason = String(event.reason ?? 'rejected');
    notify({ kind: 'order', order });
  });
  bus.catch(() => (bus = undefined));
  return bus;
}

async function reserveOverHttp(
  client: ServiceClient,
  env: ServiceEnv,
  order: Order,
  trace: Parameters<ServiceClient['call']>[1],
) {
  const resolver = createResolver(client, env.registryUrl ?? '');
  const [stock] = await resolver.ordered('stock', trace?.trace);
  if (!stock) throw new Error('no stock instance registered');
  const reply = await client.call(`${stock.url}/reservations`, {
    method: 'POST',
    body: { orderId: order.id, bookId: order.bookId, quantity: order.quantity },
    ...trace,
  });
  if (reply.status !== 201) throw new Error(`stock answered ${reply.status}`);
}

await runService({
  registerAs: 'orders',
  // Only the module: the connection to the broker opens with the first saga order, on the wire in that step.
  preload: () => import('amqplib'),
  async setUp(_env, _client, send) {
    notify = send;
  },
  async tearDown() {
    if (bus) await (await bus.catch(() => undefined))?.close();
  },
  async handle(request, response, { url, client, env, trace }) {
    if (request.method === 'GET' && url.pathname === '/orders') return sendJson(response, 200, [...orders.values()]);
    const id = /^\/orders\/(\d{1,9})$/.exec(url.pathname)?.[1];
    if (request.method === 'GET' && id !== undefined) {
      const order = orders.get(id);
      return order ? sendJson(response, 200, order) : false;
    }
    if (request.method !== 'POST' || url.pathname !== '/orders') return false;
    const { bookId, quantity, coordination } = ((await readJson(request)) ?? {}) as Record<string, unknown>;
    if (typeof bookId !== 'string' || !/^\d{1,9}$/.test(bookId)) throw new BadRequest(400, 'bookId: a book id');
    if (typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity < 1 || quantity > 99) {
      throw new BadRequest(400, 'quantity: 1 to 99');
    }
    if (coordination !== 'none' && coordination !== 'saga') throw new BadRequest(400, 'coordination: none or saga');
    if (orders.size >= maxOrders) throw new BadRequest(503, 'too many orders in this run');
    const order: Order = { id: String(orders.size + 1), bookId, quantity, status: 'placed' };
    if (coordination === 'saga') {
      const channel = await sagaBus(env).catch(() => {
        throw new BadRequest(503, 'the broker cannot be reached');
      });
      order.status = 'pending';
      orders.set(order.id, order);
      channel.publish('order.placed', { orderId: order.id, bookId, quantity });
      return sendJson(response, 202, order, { Location: `/orders/${order.id}` });
    }
    // Local write first, then the remote one, with nothing to undo the first when the second fails.
    orders.set(order.id, order);
    try {
      await reserveOverHttp(client, env, order, { trace, timeoutMs: 500 });
      sendJson(response, 201, order, { Location: `/orders/${order.id}` });
    } catch (error) {
      sendJson(response, 502, { order, error: error instanceof Error ? error.message : String(error) });
    }
  },
});
