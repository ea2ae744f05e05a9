/** Step 7: the reviews processes die; the page still comes, and the circuit breaker opens, half-opens and closes. */
import { performance } from 'node:perf_hooks';
import type { PageVisit } from '../../../lessons/microservices/en.js';
import type { WireItem } from '../../wire/trace.js';
import { hopsOf } from '../hops.js';
import type { MicroSession } from '../session.js';
import type { MicroStep } from '../step.js';
import { withoutGraphql } from '../topology.js';

/** While the breaker stays closed the page is asked again, but never more than this. */
const maxVisits = 12;

async function visit(session: MicroSession, items: () => WireItem[]): Promise<PageVisit> {
  const trace = session.newTrace();
  const started = performance.now();
  const reply = await session.client('gateway').send({
    path: '/api/book-page/1',
    headers: { ...trace.headers, 'X-Api-Key': session.apiKey },
  });
  const ms = performance.now() - started;
  const body = (reply.json ?? {}) as { reviews?: unknown; reviewsUnavailable?: string };
  return {
    status: reply.status,
    ms,
    breaker: String(reply.headers['x-breaker-reviews'] ?? '?'),
    reviews: Array.isArray(body.reviews),
    ...(body.reviewsUnavailable ? { reason: body.reviewsUnavailable } : {}),
    reviewLookups: hopsOf(items(), trace.traceId).filter((e) => e.request.target === '/services/reviews').length,
  };
}

export const isolationStep: MicroStep = {
  id: 'isolation',
  spares: [{ service: 'reviews', as: 'reviews-4', env: withoutGraphql }],
  async run({ session, lesson: t, items }) {
    const gateway = session.process('gateway');
    const since = gateway.events.length;
    const killed = [...session.processes.values()].filter((p) => p.entry === 'reviews' && p.alive);
    await Promise.all(killed.map((p) => p.kill()));
    const t0 = performance.now();
    // Failures count against the calls of the breaker's rolling window: ask until it opens.
    const failing: PageVisit[] = [];
    do failing.push(await visit(session, items));
    while (failing.at(-1)!.breaker !== 'open' && failing.length < maxVisits);
    const whileOpen = await visit(session, items);
    // A new reviews process comes up; after its reset time the breaker lets one call through.
    await session.start('reviews', 'reviews-4', withoutGraphql);
    const halfOpen = (event: unknown) => (event as { state?: string }).state === 'half-open';
    await gateway.event(halfOpen, since);
    const back = await visit(session, items);
    const states = gateway.events.slice(since).map(({ event }) => (event as { state: string }).state);
    return [
      t.facts.killed({ names: killed.map((p) => p.instance).join(', ') }),
      t.facts.degraded({
        count: failing.length,
        statuses: [...new Set(failing.map((v) => v.status))].join(', '),
        withReviews: failing.filter((v) => v.reviews).length,
        maxMs: Math.max(...failing.map((v) => v.ms)),
        reason: failing[0]?.reason ?? '',
        opened: failing.at(-1)!.breaker === 'open',
      }),
      t.facts.whileOpen({ ...whileOpen }),
      t.facts.recovered({ ...back }),
      t.facts.breakerStates({
        states: ['closed', ...states].map((state) => t.facts.breakerState({ state })).join(' → '),
        ms: performance.now() - t0,
      }),
    ];
  },
};
