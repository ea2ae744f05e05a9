import assert from 'node:assert/strict';
import http from 'node:http';
import { describe, test } from 'node:test';
import type { BenchAdapter } from '../demos/bench/adapter.js';
import { benchAdapters } from '../demos/bench/adapters/index.js';
import { referenceBody } from '../demos/bench/adapters/reference.js';
import { runBench } from '../demos/bench/run-bench.js';
import { BookStore } from '../demos/books/store.js';
import { AwtError } from '../demos/core/errors.js';
import { createRestApp } from '../demos/rest/server.js';

function get(url: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent: false }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve(Buffer.concat(chunks)));
      })
      .on('error', reject);
  });
}

describe('the bench adapters', () => {
  test('when the reference answers then its body is byte for byte the body of the REST list', async () => {
    const server = http.createServer(createRestApp(new BookStore()));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as { port: number };
      const rest = await get(`http://127.0.0.1:${port}/v1/books`);
      assert.ok(rest.length > 500);
      assert.ok(referenceBody().equals(rest));
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  for (const entry of benchAdapters) {
    test(`when the ${entry.id} adapter does its operation then the answer holds all six books`, async () => {
      const adapter = await entry.load();
      assert.equal(adapter.id, entry.id);
      const server = await adapter.start({ concurrency: 2 });
      try {
        // The address crosses to the load thread as a structured clone: plain data only.
        assert.deepEqual(structuredClone(server.address), server.address);
        const client = await adapter.connect(server.address, { concurrency: 2 });
        try {
          const worker = await client.worker();
          const checked = await worker.run(true);
          assert.equal(checked.books, 6);
          // Without the check only the size is taken, and it is the same answer.
          assert.equal((await worker.run()).bytes, checked.bytes);
          await worker.close?.();
        } finally {
          await client.close();
        }
      } finally {
        await server.close();
      }
    });
  }
});

describe('a bench run', () => {
  const broker: BenchAdapter = {
    id: 'mq',
    name: 'AMQP',
    operation: 'RPC over RabbitMQ',
    start: async () => {
      throw new AwtError('AWT_BROKER_UNREACHABLE', {
        url: 'amqp://127.0.0.1:1',
        reason: 'refused',
        detail: 'ECONNREFUSED',
      });
    },
    connect: () => Promise.reject(new Error('never reached: the server did not start')),
  };

  test('when it runs then each row has its figures from the load thread, and a paradigm that cannot start is skipped with its reason', async () => {
    const names: string[] = [];
    const phases = new Set<string>();
    const report = await runBench({
      ids: ['reference', 'mq'],
      adapters: [...benchAdapters, { id: 'mq', load: async () => broker }],
      concurrency: 2,
      durationMs: 200,
      warmupMs: 100,
      lang: 'de',
      onRow: (row) => names.push(row.name),
      onProgress: (p) => phases.add(p.phase),
    });
    assert.deepEqual(names, ['node:http', 'AMQP']);
    assert.deepEqual([...phases], ['warmup', 'measure']);
    const [reference, mq] = report.rows;
    assert.equal(report.tap, false);
    assert.equal(reference!.ratio, 1);
    assert.ok(reference!.requests > 0 && reference!.errors === 0);
    assert.equal(reference!.latencyMs!.count, reference!.requests);
    assert.ok(reference!.cpuMicrosPerRequest! > 0);
    assert.equal(reference!.answerBytes, referenceBody().length);
    assert.equal(reference!.books, 6);
    assert.equal(mq!.ratio, null);
    assert.equal(mq!.latencyMs, null);
    assert.match(mq!.skipped ?? '', /kein AMQP-Broker erreichbar/);
  });
});
