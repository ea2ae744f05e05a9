/**
 * The API gateway, the one entry point for clients: it checks the API key at the edge
 * (401 before anything reaches a service), finds services through the registry,
 * spreads calls over their instances and composes the book page from the catalog and
 * the reviews. Calls to reviews go through a circuit breaker (opossum): after failures
 * it opens and answers at once without calling; after resetTimeout it lets one call
 * through (half-open) and closes again when that succeeds.
 */
import CircuitBreaker from 'opossum';
import { callService, NoInstance } from '../runtime/call-service.js';
import { createResolver, type Resolver } from '../runtime/discovery.js';
import { BadRequest, readJson, sendJson } from '../runtime/http-io.js';
import { runService } from '../runtime/service-runtime.js';
import { CallFailed, type ServiceClient } from '../runtime/service-client.js';
import type { TraceContext } from '../runtime/trace-context.js';

type BreakerState = 'closed' | 'open' | 'half-open';

let resolver: Resolver;
let breaker: CircuitBreaker<[ServiceClient, string, TraceContext], unknown>;
const state = (): BreakerState => (breaker.opened ? 'open' : breaker.halfOpen ? 'half-open' : 'closed');

/** Routes: a path prefix at the gateway → a service and its path. */
const routes = [
  { prefix: '/api/books', service: 'catalog', path: '/books' },
  { prefix: '/api/orders', service: 'orders', path: '/orders' },
  { prefix: '/api/stock', service: 'stock', path: '/stock' },
];

await runService({
  async setUp(env, client, send) {
    resolver = createResolver(client, env.registryUrl ?? '');
    const number = (name: string, fallback: number) => Number(env.get(name) ?? fallback) || fallback;
    breaker = new CircuitBreaker(
      async (c: ServiceClient, bookId: string, trace: TraceContext) =>
        (await callService(c, resolver, 'reviews', `/reviews?book=${bookId}`, { trace, timeoutMs: 300 })).json,
      {
        // A call that takes longer counts as failed: the page is not held up by a slow service.
        timeout: number('BREAKER_TIMEOUT_MS', 400),
        // Open when half of the recent calls failed, once there were at least two.
        errorThresholdPercentage: 50,
        volumeThreshold: 2,
        // Calls older than a second no longer count: a lecture's pause does not hide the failures.
        rollingCountTimeout: 1000,
        rollingCountBuckets: 10,
        resetTimeout: number('BREAKER_RESET_MS', 500),
      },
    );
    const report = (to: BreakerState) => () => send({ kind: 'breaker', state: to, at: Date.now() });
    breaker.on('open', report('open'));
    breaker.on('halfOpen', report('half-open'));
    breaker.on('close', report('closed'));
  },
  async handle(request, response, { url, client, env, trace }) {
    if (!url.pathname.startsWith('/api/')) return false;
    const key = env.get('API_KEY');
    if (key && request.headers['x-api-key'] !== key) {
      throw new BadRequest(401, 'missing or wrong X-Api-Key');
    }
    const page = /^\/api\/book-page\/(\d{1,9})$/.exec(url.pathname)?.[1];
    if (page !== undefined && request.method === 'GET') {
      const book = await callService(client, resolver, 'catalog', `/books/${page}`, { trace }).catch(unavailable);
      if (book.status !== 200) return sendJson(response, book.status === 404 ? 404 : 502, book.json ?? {});
      const started = Date.now();
      let reason: string | undefined;
      const reviews = await breaker.fire(client, page, trace).catch((error: unknown) => {
        reason = breaker.opened && !(error instanceof CallFailed) ? 'open' : describe(error);
        return undefined;
      });
      const body = {
        book: book.json,
        reviews: reviews ? (reviews as { reviews: unknown }).reviews : null,
        ...(reviews ? {} : { reviewsUnavailable: reason }),
      };
      return sendJson(response, 200, body, {
        'X-Breaker-Reviews': state(),
        'X-Reviews-Ms': String(Date.now() - started),
      });
    }
    const route = routes.find((r) => url.pathname === r.prefix || url.pathname.startsWith(`${r.prefix}/`));
    if (!route) return false;
    const body = request.method === 'POST' ? await readJson(request) : undefined;
    const reply = await callService(
      client,
      resolver,
      route.service,
      route.path + url.pathname.slice(route.prefix.length),
      {
        method: request.method ?? 'GET',
        trace,
        ...(body !== undefined ? { body } : {}),
      },
    ).catch(unavailable);
    sendJson(response, reply.status, reply.json ?? {});
  },
});

function describe(error: unknown): string {
  if (error instanceof NoInstance) return 'no-instance';
  if (error instanceof CallFailed) return error.reason;
  return (error as Error).message.includes('Timed out') ? 'timeout' : 'failed';
}

/** A service that cannot be reached is the gateway's 502/503, never a crash of the gateway. */
function unavailable(error: unknown): never {
  if (error instanceof NoInstance) throw new BadRequest(503, error.message);
  if (error instanceof CallFailed) throw new BadRequest(502, `upstream ${error.reason}`);
  throw error;
}
