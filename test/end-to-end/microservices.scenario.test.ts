/**
 * The whole microservices demo against its real child processes over loopback, through
 * the built bin (its services start as plain node, as for a user): the facts each step
 * states are checked against the trace the taps recorded, not against themselves. The
 * saga runs on the embedded broker (test/utils/microservices-run.ts: one run for these
 * tests and those of the broker).
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { HttpExchange, StepTrace, Trace } from '../../demos/wire/trace.js';
import { header } from '../../demos/wire/http-facts.js';
import { microservicesRun } from '../utils/microservices-run.js';

let trace: Trace;
const step = (id: string): StepTrace => {
  const found = trace.steps.find((s) => s.id === id);
  assert.ok(found, `step ${id}`);
  return found;
};
const exchanges = (s: StepTrace) => s.items.filter((i): i is HttpExchange => i.kind === 'http' && !i.hop?.background);
const traceIdOf = (e: HttpExchange) => header(e.request, 'traceparent')?.split('-')[1];

describe('awt-demo microservices, every step with real processes', () => {
  before(async () => {
    ({ trace } = await microservicesRun());
  });

  test('when the run ends then all eleven steps ran, in the order of the issue', () => {
    assert.deepEqual(
      trace.steps.map((s) => s.id),
      [
        'monolith',
        'split',
        'discovery',
        'gateway',
        'bff',
        'graphql',
        'isolation',
        'deployment',
        'saga',
        'price',
        'deploy',
      ],
    );
  });

  test('when the monolith serves the book page then the wire sees one round trip and its module calls only in Server-Timing', () => {
    const trips = exchanges(step('monolith'));
    assert.equal(trips.length, 1);
    assert.equal(trips[0]!.hop?.to, 'monolith');
    assert.match(header(trips[0]!.response, 'server-timing') ?? '', /catalog;dur=.*reviews;dur=/);
  });

  test('when the services are split then each answers from its own process and the catalog has no reviews', () => {
    const s = step('split');
    const targets = new Set(exchanges(s).map((e) => e.hop?.to));
    assert.deepEqual([...targets].sort(), ['catalog', 'orders', 'reviews-1']);
    const notThere = exchanges(s).find((e) => e.hop?.to === 'catalog' && e.request.target.startsWith('/reviews'));
    assert.equal(notThere?.response?.status, 404);
  });

  test('when reviews-2 registers and is killed then the lookup lists it, and after the TTL no longer', () => {
    const s = step('discovery');
    const register = exchanges(s).find((e) => e.hop?.from === 'reviews-2' && e.request.method === 'POST');
    assert.equal(register?.response?.status, 201);
    const lookups = exchanges(s).filter((e) => e.request.target === '/services/reviews' && e.hop?.from === 'client');
    const counts = lookups.map((e) => (JSON.parse(e.response!.body) as { instances: unknown[] }).instances.length);
    assert.equal(counts[0], 2);
    assert.equal(counts.at(-1), 1);
    assert.ok(
      s.items.some((i) => i.kind === 'http' && i.hop?.background),
      'heartbeats are on the wire',
    );
  });

  test('when a request has no API key then nothing happens inside; with it, every hop carries its trace id', () => {
    const s = step('gateway');
    const outer = exchanges(s).filter((e) => e.hop?.from === 'client');
    assert.equal(outer.length, 3);
    assert.equal(outer[0]!.response?.status, 401);
    const denied = traceIdOf(outer[0]!);
    assert.equal(exchanges(s).filter((e) => traceIdOf(e) === denied).length, 1);
    const served = traceIdOf(outer[1]!);
    const fanOut = exchanges(s).filter((e) => traceIdOf(e) === served);
    assert.ok(fanOut.length >= 5, `${fanOut.length} hops`);
    assert.deepEqual(
      new Set(fanOut.map((e) => e.hop?.to)),
      new Set(['gateway', 'registry', 'catalog', fanOut.find((e) => e.hop?.to.startsWith('reviews'))!.hop!.to]),
    );
    // Load balancing: the two served requests got their reviews from different instances.
    const reviewsOf = (id: string | undefined) =>
      exchanges(s).find((e) => traceIdOf(e) === id && e.hop?.to.startsWith('reviews'))?.hop?.to;
    assert.notEqual(reviewsOf(served), reviewsOf(traceIdOf(outer[2]!)));
  });

  test('when both BFFs serve the same screen then the mobile answer is smaller, measured on the wire', () => {
    const outer = exchanges(step('bff')).filter((e) => e.hop?.from === 'client');
    const bytes = Object.fromEntries(outer.map((e) => [e.hop!.to, e.response!.contentBytes]));
    assert.ok(bytes['bff-mobile']! < bytes['bff-web']!, JSON.stringify(bytes));
  });

  test('when one GraphQL query goes to the stitched gateway then it fans out to catalog and reviews', () => {
    const s = step('graphql');
    const query = exchanges(s).find((e) => e.hop?.from === 'client');
    const id = traceIdOf(query!);
    const subRequests = exchanges(s).filter(
      (e) => traceIdOf(e) === id && e.hop?.from === 'graphql' && e.request.target === '/graphql',
    );
    assert.deepEqual(subRequests.map((e) => e.hop!.to.replace(/-\d+$/, '')).sort(), ['catalog', 'reviews']);
    const answer = JSON.parse(query!.response!.body) as { data: { book: { title: string; reviews: unknown[] } } };
    assert.equal(answer.data.book.title, 'Clean Code');
    assert.equal(answer.data.book.reviews.length, 2);
  });

  test('when the reviews processes are killed then every page still answers 200 and the breaker opens, half-opens, closes', () => {
    const s = step('isolation');
    const pages = exchanges(s).filter((e) => e.hop?.from === 'client');
    assert.ok(pages.length >= 3);
    for (const page of pages) assert.equal(page.response?.status, 200);
    const degraded = pages.filter((p) => (JSON.parse(p.response!.body) as { reviews: unknown }).reviews === null);
    assert.ok(degraded.length >= 2, `${degraded.length} pages without reviews`);
    assert.equal(header(pages.at(-1)!.response, 'x-breaker-reviews'), 'closed');
    assert.ok(pages.some((p) => header(p.response, 'x-breaker-reviews') === 'open'));
    assert.match(s.facts.at(-1)!, /closed → open → half-open → closed/);
  });

  test('when catalog v2 replaces v1 under traffic then no request failed and both versions answered', () => {
    const s = step('deployment');
    const outer = exchanges(s).filter((e) => e.hop?.from === 'client');
    assert.ok(outer.length > 0);
    assert.deepEqual([...new Set(outer.map((e) => e.response?.status))], [200]);
    const bodies = outer.map((e) => JSON.parse(e.response!.body) as { isbn10?: string });
    assert.ok(bodies.some((b) => b.isbn10 === undefined) && bodies.some((b) => b.isbn10 !== undefined));
    assert.match(s.facts[1]!, / 0 failed/);
  });

  test('when an order is placed without coordination and then by saga then the first disagrees and the saga ends consistent', () => {
    const s = step('saga');
    const naive = exchanges(s).find((e) => e.hop?.from === 'client' && e.request.method === 'POST');
    assert.equal(naive?.response?.status, 502);
    assert.match(s.facts[1]!, /orders says placed, stock has \d+ copies and 0 reservations/);
    assert.match(s.facts[2]!, /confirmed; stock holds its reservation/);
    assert.match(s.facts[3]!, /cancelled.*holds none/);
    const frames = s.items.filter((i) => i.kind === 'amqp-frame');
    const published = frames.filter((f) => f.kind === 'amqp-frame' && f.method === 'Basic.Publish');
    assert.ok(published.length >= 4, `${published.length} publishes`);
  });

  test('when the price is measured then the services need more round trips and bytes than the monolith', () => {
    const s = step('price');
    const table = s.figures[0];
    assert.equal(table?.kind, 'table');
    const rows = table.kind === 'table' ? table.rows : [];
    assert.deepEqual(rows[0]!.slice(1), ['monolith', 'services']);
    const number = (text: string) => Number(text.replace(/,/g, ''));
    const [, monoTrips, microTrips] = rows[1]!;
    assert.equal(number(monoTrips!), 1);
    assert.ok(number(microTrips!) >= 5);
    const [, monoBytes, microBytes] = rows[2]!;
    assert.ok(number(microBytes!) > number(monoBytes!));
  });
});
