import assert from 'node:assert/strict';
import type http from 'node:http';
import { after, describe, test } from 'node:test';
import type { BenchClient, BenchServer } from '../../demos/bench/adapter.js';
import { httpClient, httpServer } from '../../demos/bench/http-adapter.js';
import { runLoad } from '../../demos/bench/load-generator.js';

/** A tiny server that counts what it saw: requests, and the connections they came over. */
async function countingTarget(concurrency: number, status = 200) {
  const seen = { requests: 0, connections: new Set<unknown>() };
  const handler: http.RequestListener = (req, res) => {
    seen.requests++;
    seen.connections.add(req.socket);
    res.writeHead(status, { 'Content-Type': 'application/json' }).end('[]');
  };
  const server = await httpServer(handler);
  servers.push(server);
  const client = httpClient(server.address, { method: 'GET', path: '/' }, () => 0, { concurrency });
  clients.push(client);
  const workers = await Promise.all(Array.from({ length: concurrency }, () => client.worker()));
  return { seen, loops: workers.map((worker) => () => worker.run()) };
}

const servers: BenchServer[] = [];
const clients: BenchClient[] = [];
after(async () => {
  await Promise.all(clients.map((client) => client.close()));
  await Promise.all(servers.map((server) => server.close()));
});

describe('the load generator', () => {
  test('when it runs for a while then it counts exactly the requests the server saw, each with a latency', async () => {
    const { seen, loops } = await countingTarget(4);
    const result = await runLoad({ loops, durationMs: 300 });
    assert.equal(result.errors, 0);
    assert.ok(result.completed > 0);
    assert.equal(result.completed, seen.requests);
    assert.equal(result.latenciesMs.length, result.completed);
    assert.ok(result.latenciesMs.every((ms) => ms > 0 && ms < result.elapsedMs));
  });

  test('when the concurrency is 4 then 4 keep-alive connections carry all requests', async () => {
    const { seen, loops } = await countingTarget(4);
    // Bounded by count, not by time: on a busy machine 200 ms may carry only a handful.
    const result = await runLoad({ loops, durationMs: 20_000, maxRequests: 40 });
    assert.equal(result.completed, 40);
    assert.equal(seen.requests, 40);
    assert.equal(seen.connections.size, 4);
  });

  test('when the count is bounded then exactly that many requests are sent, long before the time is up', async () => {
    const { seen, loops } = await countingTarget(3);
    const result = await runLoad({ loops, durationMs: 20_000, maxRequests: 101 });
    assert.equal(result.completed, 101);
    assert.equal(seen.requests, 101);
    assert.ok(result.elapsedMs < 10_000);
  });

  test('when the time is up then no loop starts another request', async () => {
    const { loops } = await countingTarget(2);
    const result = await runLoad({ loops, durationMs: 150 });
    // The last requests started before 150 ms and ended soon after; none started later.
    assert.ok(result.elapsedMs >= 150 && result.elapsedMs < 2_000, `${result.elapsedMs} ms`);
  });

  test('when the server answers 500 then every request counts as an error, none as done', async () => {
    const { seen, loops } = await countingTarget(2, 500);
    const result = await runLoad({ loops, durationMs: 100 });
    assert.equal(result.completed, 0);
    assert.equal(result.errors, seen.requests);
    assert.equal(result.firstError, 'HTTP 500');
    assert.equal(result.latenciesMs.length, 0);
  });

  test('when an operation never ends then the run still ends after the grace period, the operation failed', async () => {
    const never = () => new Promise<never>(() => {});
    const result = await runLoad({ loops: [never, never], durationMs: 50, graceMs: 50 });
    assert.equal(result.completed, 0);
    assert.equal(result.errors, 2);
    assert.match(result.firstError ?? '', /2 operations got no answer/);
  });

  test('when progress is asked for then it is reported while running and once at the end with the totals', async () => {
    const { loops } = await countingTarget(2);
    const seen: number[] = [];
    const result = await runLoad({
      loops,
      durationMs: 200,
      progressEveryMs: 20,
      onProgress: (p) => seen.push(p.completed),
    });
    assert.ok(seen.length >= 2, `${seen.length} reports`);
    assert.deepEqual(
      seen,
      [...seen].sort((a, b) => a - b),
    );
    assert.equal(seen.at(-1), result.completed);
  });
});
