import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { collectTrace } from '../../demos/core/collect-trace.js';
import { demo as restDemo } from '../../demos/rest/demo.js';
import { header, httpExchanges } from '../../demos/wire/http-facts.js';
import type { HttpClient } from '../../demos/wire/http-client.js';
import type { HttpExchange, StepTrace, Trace } from '../../demos/wire/trace.js';

function step(trace: Trace, id: string): StepTrace {
  const found = trace.steps.find((s) => s.id === id);
  assert.ok(found, `step ${id}`);
  return found;
}

const exchangesOf = (trace: Trace, id: string): HttpExchange[] => httpExchanges(step(trace, id).items);

describe('REST demo, on the real server through the tap', () => {
  let trace: Trace;
  before(async () => {
    trace = await collectTrace(restDemo, 'en');
  });

  test('when the scenario runs then every step has the status codes the lesson is about', () => {
    const statuses = trace.steps.map((s) => httpExchanges(s.items).map((e) => e.response?.status));
    assert.deepEqual(statuses, [[200], [200, 200], [201], [400], [404], [200, 304], [200, 200], [401, 201, 403]]);
  });

  test('when the list is fetched then every field of every book comes back (over-fetching)', () => {
    const [list] = exchangesOf(trace, 'list');
    const books = JSON.parse(list!.response!.body) as Array<Record<string, unknown>>;
    assert.equal(books.length, 6);
    assert.deepEqual(Object.keys(books[0]!), ['id', 'title', 'author', 'year', 'isbn', 'createdAt']);
    assert.match(step(trace, 'list').facts[0]!, /36 fields came back, 12 were needed/);
  });

  test('when a book is created then the answer is 201 with a Location that points at it', () => {
    const [created] = exchangesOf(trace, 'create');
    assert.equal(created!.request.method, 'POST');
    assert.equal(header(created!.response, 'location'), '/v1/books/7');
    assert.equal((JSON.parse(created!.response!.body) as { id: string }).id, '7');
  });

  test('when the body is invalid then the 400 is problem+json naming the fields at fault', () => {
    const [invalid] = exchangesOf(trace, 'invalid');
    assert.match(header(invalid!.response, 'content-type') ?? '', /^application\/problem\+json/);
    const problem = JSON.parse(invalid!.response!.body) as {
      status: number;
      problems: Array<{ field: string; code: string }>;
    };
    assert.equal(problem.status, 400);
    assert.deepEqual(
      problem.problems.map((p) => `${p.field}:${p.code}`),
      ['title:required', 'year:not-an-integer'],
    );
  });

  test('when the list is asked again with its ETag then the answer is 304 with no body', () => {
    const [full, revalidated] = exchangesOf(trace, 'caching');
    const etag = header(full!.response, 'etag');
    assert.ok(etag);
    assert.equal(header(full!.response, 'cache-control'), 'no-cache');
    assert.equal(header(revalidated!.request, 'if-none-match'), etag);
    assert.equal(revalidated!.response!.status, 304);
    assert.equal(revalidated!.response!.bodyBytes, 0);
  });

  test('when a book is posted without a token, with one, and with a read-only one then 401, 201 and 403 say why', () => {
    const [anonymous, allowed, readOnly] = exchangesOf(trace, 'security');
    assert.equal(header(anonymous!.request, 'authorization'), undefined);
    // RFC 6750 §3.1: a request without credentials gets the challenge without an error code.
    assert.equal(header(anonymous!.response, 'www-authenticate'), 'Bearer realm="books"');
    assert.match(header(allowed!.request, 'authorization') ?? '', /^Bearer awt\.write\.\w+$/);
    assert.equal(allowed!.response!.status, 201);
    assert.match(header(readOnly!.request, 'authorization') ?? '', /^Bearer awt\.read\.\w+$/);
    assert.equal(
      header(readOnly!.response, 'www-authenticate'),
      'Bearer realm="books", error="insufficient_scope", scope="books:write"',
    );
    assert.match(header(readOnly!.response, 'content-type') ?? '', /^application\/problem\+json/);
    const tokenLine = `Authorization: ${header(allowed!.request, 'authorization')}\r\n`;
    assert.ok(allowed!.request.raw.includes(tokenLine), 'the token is in the request head as sent');
    assert.deepEqual(step(trace, 'security').facts, [
      'Without a token: 401 Unauthorized, WWW-Authenticate: Bearer realm="books"',
      'With the scope books:write: 201 Created at /v1/books/8',
      'With a read-only token: 403 Forbidden, error="insufficient_scope"',
      `The token (26 characters) adds ${Buffer.byteLength(tokenLine)} B to every request head.`,
    ]);
  });

  test('when the demo writes then its client sends the write token, and an unknown token gets 401 invalid_token', async () => {
    const [created] = exchangesOf(trace, 'create');
    assert.match(header(created!.request, 'authorization') ?? '', /^Bearer awt\.write\./);
    const session = await restDemo.start();
    try {
      const { client } = session as unknown as { client: HttpClient };
      const reply = await client.send({
        method: 'POST',
        path: '/v1/books',
        headers: { Authorization: 'Bearer forged' },
        body: { title: 'T', author: 'A' },
      });
      assert.equal(reply.status, 401);
      assert.equal(reply.headers['www-authenticate'], 'Bearer realm="books", error="invalid_token"');
    } finally {
      await session.close();
    }
  });

  test('when v2 is asked then the shape changed and v1 still answers', () => {
    const [v1, v2] = exchangesOf(trace, 'versioning');
    assert.ok('author' in (JSON.parse(v1!.response!.body) as object));
    const first = (JSON.parse(v2!.response!.body) as { books: Array<Record<string, unknown>> }).books[0]!;
    assert.deepEqual(first.authors, ['Robert C. Martin']);
    assert.equal('author' in first, false);
  });

  test('when bytes are counted then each step adds up to exactly what crossed the socket', () => {
    for (const s of trace.steps) {
      const exchanges = httpExchanges(s.items);
      const up = exchanges.reduce((sum, e) => sum + e.request.headBytes + e.request.bodyBytes, 0);
      const down = exchanges.reduce((sum, e) => sum + e.response!.headBytes + e.response!.bodyBytes, 0);
      assert.equal(up, s.bytesUp, `${s.id} up`);
      assert.equal(down, s.bytesDown, `${s.id} down`);
      for (const e of exchanges)
        assert.equal(Buffer.byteLength(e.request.raw), e.request.headBytes + e.request.bodyBytes);
    }
    assert.equal(
      trace.totals.bytesUp,
      trace.steps.reduce((sum, s) => sum + s.bytesUp, 0),
    );
    assert.equal(trace.totals.roundTrips, 13);
  });

  test('when the client keeps its connection alive then all round trips share one TCP connection', () => {
    assert.equal(trace.totals.connections, 1);
    const all = trace.steps.flatMap((s) => httpExchanges(s.items));
    assert.deepEqual(
      all.map((e) => e.onConnection),
      all.map((_e, i) => i + 1),
    );
  });

  test('when the run is repeated then the data in the bodies is the same (deterministic store)', async () => {
    const again = await collectTrace(restDemo, 'en');
    const bodies = (t: Trace) => t.steps.flatMap((s) => httpExchanges(s.items).map((e) => e.response!.body));
    assert.deepEqual(bodies(again), bodies(trace));
  });
});
