/**
 * The registry and the gateway are reachable by anyone on the machine during --serve:
 * what arrives there is checked and bounded, and answered with a problem, never a crash.
 */
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { after, before, describe, test } from 'node:test';
import { spawnService, type ServiceProcess } from '../../demos/microservices/spawn-service.js';
import { continueTrace, parseTraceparent, traceparentFor } from '../../demos/microservices/runtime/trace-context.js';

let registry: ServiceProcess;

const send = (path: string, init: RequestInit = {}) => fetch(`${registry.url}${path}`, init);
const post = (body: string) =>
  send('/instances', { method: 'POST', body, headers: { 'Content-Type': 'application/json' } });

// The TTL test waits out the TTL; the other asks the same registry meanwhile.
describe('the registry process', { concurrency: true }, () => {
  before(async () => {
    registry = await spawnService({
      entry: 'registry',
      instance: 'registry',
      env: {},
      origin: performance.now(),
      lanes: new Set(['registry']),
    });
  });
  after(() => registry.stop());

  test(
    'when an instance registers then a lookup returns it, and it is gone after its TTL without heartbeats',
    { timeout: 30_000 },
    async () => {
      const name = `t${process.pid}`;
      const created = await post(JSON.stringify({ service: name, url: 'http://127.0.0.1:1', ttlMs: 2000 }));
      assert.equal(created.status, 201);
      const { id } = (await created.json()) as { id: string };
      const listed = (await (await send(`/services/${name}`)).json()) as { instances: Array<{ id: string }> };
      assert.deepEqual(
        listed.instances.map((i) => i.id),
        [id],
      );
      assert.equal((await send(`/instances/${id}`, { method: 'PUT' })).status, 204);
      await new Promise((resolve) => setTimeout(resolve, 2300));
      const later = (await (await send(`/services/${name}`)).json()) as { instances: unknown[] };
      assert.equal(later.instances.length, 0);
      assert.equal((await send(`/instances/${id}`, { method: 'PUT' })).status, 404);
    },
  );

  test('when the body is not JSON, too large, or names a bad service, url or TTL then 400 or 413 as problem+json', async () => {
    const cases: Array<[string, number]> = [
      ['{not json', 400],
      [JSON.stringify({ service: 'Bad Name!', url: 'http://127.0.0.1:1', ttlMs: 300 }), 400],
      [JSON.stringify({ service: 'ok', url: 'javascript:alert(1)', ttlMs: 300 }), 400],
      [JSON.stringify({ service: 'ok', url: 'http://127.0.0.1:1', ttlMs: 10 }), 400],
      [JSON.stringify({ service: 'ok', url: 'http://127.0.0.1:1', ttlMs: 1e12 }), 400],
      ['x'.repeat(64 * 1024), 413],
    ];
    for (const [body, status] of cases) {
      const reply = await post(body);
      assert.equal(reply.status, status, body.slice(0, 60));
      assert.match(reply.headers.get('content-type') ?? '', /application\/problem\+json/);
    }
    assert.equal((await send('/nothing/here')).status, 404);
    assert.equal((await send('/services/%00%0a')).status, 400);
    // Still serving after all of it.
    assert.equal((await send('/services/catalog')).status, 200);
  });
});

describe('W3C trace context', () => {
  test('when a traceparent is valid then it is continued with a new span; when not, a new trace begins', () => {
    const incoming = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    const context = continueTrace(incoming);
    assert.equal(context.traceId, '4bf92f3577b34da6a3ce929d0e0e4736');
    assert.equal(context.parentId, '00f067aa0ba902b7');
    assert.notEqual(context.spanId, '00f067aa0ba902b7');
    assert.equal(parseTraceparent(traceparentFor(context))?.parentId, context.spanId);
    for (const bad of [
      '00-00000000000000000000000000000000-00f067aa0ba902b7-01',
      '00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01',
      '01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
      'garbage',
    ]) {
      assert.equal(parseTraceparent(bad), undefined, bad);
      assert.notEqual(continueTrace(bad).traceId, '4bf92f3577b34da6a3ce929d0e0e4736');
    }
  });
});
