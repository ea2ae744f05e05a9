/** Steps 1 and 2: the modular monolith, then the same modules as separate processes. */
import { header, httpExchanges } from '../../wire/http-facts.js';
import { hopsOf, inside } from '../hops.js';
import type { MicroStep } from '../step.js';

export const monolithStep: MicroStep = {
  id: 'monolith',
  async run({ session, lesson: t, items }) {
    const trace = session.newTrace();
    const reply = await session.client('monolith').send({ path: '/book-page/1', headers: trace.headers });
    const hops = hopsOf(items(), trace.traceId);
    const exchange = hops[0];
    // Server-Timing (W3C): "catalog;dur=0.012, reviews;dur=0.004": the module calls, measured inside.
    const calls = (header(exchange?.response, 'server-timing') ?? '')
      .split(',')
      .map((part) => /^\s*([\w-]+);dur=([\d.]+)/.exec(part))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => ({ name: m[1]!, ms: Number(m[2]) }));
    const page = reply.json as { book?: { title?: string }; reviews?: unknown[] };
    return [
      t.facts.monolithTrips({ trips: hops.length, inside: inside(hops).length, pid: session.process('monolith').pid }),
      t.facts.moduleCalls({ calls: calls.map((call) => t.facts.moduleCall(call)).join(', ') }),
      t.facts.pageContent({ title: page.book?.title ?? '?', reviews: page.reviews?.length ?? 0 }),
    ];
  },
};

export const splitStep: MicroStep = {
  id: 'split',
  async run({ session, lesson: t, items }) {
    const book = await session.client('catalog').send({ path: '/books/1' });
    const reviews = await session.client('reviews-1').send({ path: '/reviews?book=1' });
    const orders = await session.client('orders').send({ path: '/orders' });
    // The catalog holds books only: asked for reviews, it has none to give.
    const elsewhere = await session.client('catalog').send({ path: '/reviews?book=1' });
    const processes = ['catalog', 'reviews-1', 'orders'].map((name) => {
      const p = session.process(name);
      return { name, pid: p.pid, port: p.port, tap: p.tap.port };
    });
    return [
      t.facts.processes({
        count: processes.length,
        processes: processes.map((p) => t.facts.processEntry(p)).join(', '),
        parent: process.pid,
      }),
      t.facts.ownData({
        bookFields: Object.keys((book.json ?? {}) as object).join(', '),
        reviews: ((reviews.json as { reviews?: unknown[] }).reviews ?? []).length,
        orders: Array.isArray(orders.json) ? orders.json.length : 0,
      }),
      t.facts.notShared({ status: elsewhere.status }),
      t.facts.splitTrips({ trips: httpExchanges(items()).filter((e) => !e.hop?.background).length }),
    ];
  },
};
