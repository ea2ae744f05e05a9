/**
 * The stock service: how many copies of each book are there, and which orders hold
 * some. Reservations come over HTTP (POST /reservations) or, in the saga, as
 * order.placed events; it answers with stock.reserved or stock.rejected.
 */
import { BadRequest, readJson, sendJson } from '../runtime/http-io.js';
import { joinSagaBus, type SagaBus } from '../runtime/saga-bus.js';
import { runService } from '../runtime/service-runtime.js';

const available = new Map<string, number>([
  ['1', 3],
  ['2', 1],
  ['3', 0],
  ['4', 2],
  ['5', 1],
  ['6', 2],
]);
const reservations = new Map<string, { bookId: string; quantity: number }>();
let bus: SagaBus | undefined;

function reserve(orderId: string, bookId: string, quantity: number): { ok: true } | { ok: false; reason: string } {
  const left = available.get(bookId) ?? 0;
  if (left < quantity) return { ok: false, reason: `only ${left} in stock` };
  available.set(bookId, left - quantity);
  reservations.set(orderId, { bookId, quantity });
  return { ok: true };
}

const stockOf = (bookId: string) => ({
  bookId,
  available: available.get(bookId) ?? 0,
  reservedFor: [...reservations].filter(([, r]) => r.bookId === bookId).map(([orderId]) => orderId),
});

await runService({
  registerAs: 'stock',
  preload: () => import('amqplib'),
  async setUp(env) {
    const url = env.get('AMQP_URL');
    if (!url) return;
    bus = await joinSagaBus(url, env.get('AMQP_PREFIX') ?? 'awt', 'stock', ['order.placed'], async (_key, event) => {
      const result = reserve(String(event.orderId), String(event.bookId), Number(event.quantity));
      bus?.publish(result.ok ? 'stock.reserved' : 'stock.rejected', {
        orderId: event.orderId,
        ...(result.ok ? {} : { reason: result.reason }),
      });
    });
  },
  async tearDown() {
    await bus?.close();
  },
  async handle(request, response, { url }) {
    const book = /^\/stock\/(\d{1,9})$/.exec(url.pathname)?.[1];
    if (request.method === 'GET' && book !== undefined) return sendJson(response, 200, stockOf(book));
    if (request.method !== 'POST' || url.pathname !== '/reservations') return false;
    const { orderId, bookId, quantity } = ((await readJson(request)) ?? {}) as Record<string, unknown>;
    if (typeof orderId !== 'string' || typeof bookId !== 'string' || typeof quantity !== 'number') {
      throw new BadRequest(400, 'orderId, bookId (strings) and quantity (a number)');
    }
    const result = reserve(orderId, bookId, quantity);
    if (!result.ok) throw new BadRequest(409, result.reason);
    sendJson(response, 201, stockOf(bookId));
  },
});
