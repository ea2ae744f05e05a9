import amqp from 'amqplib';
import assert from 'node:assert/strict';
import http from 'node:http';
import { describe, test } from 'node:test';
import type { BenchAdapter } from '../../demos/bench/adapter.js';
import { benchAdapters } from '../../demos/bench/adapters.js';
import { referenceBody } from '../../demos/bench/reference-adapter.js';
import { runBench } from '../../demos/bench/run-bench.js';
import { BookStore } from '../../demos/books/store.js';
import { AwtError } from '../../demos/core/errors.js';
import { createRestApp } from '../../demos/rest/server.js';

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

describe('the bench adapters for WebSocket and the message queue', () => {
  const brokerUrl = process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';

  test('when each answers then WebSocket wraps the REST list in its reply, and AMQP carries the REST list as it is', async () => {
    for (const id of ['websocket', 'mq']) {
      const adapter = await benchAdapters.find((entry) => entry.id === id)!.load();
      const server = await adapter.start({ concurrency: 1 });
      try {
        const client = await adapter.connect(server.address, { concurrency: 1 });
        try {
          const { bytes } = await (await client.worker()).run(true);
          // '{"type":"books","id":"1","books":' + the list + '}': 34 bytes around it.
          assert.equal(bytes, referenceBody().length + (id === 'websocket' ? 34 : 0), id);
        } finally {
          await client.close();
        }
      } finally {
        await server.close();
      }
    }
  });

  test('when two mq servers start then each has its own request queue, and closing deletes it', async () => {
    const { benchAdapter: adapter } = await import('../../demos/mq/bench-adapter.js');
    const servers = [await adapter.start({ concurrency: 1 })];
    try {
      servers.push(await adapter.start({ concurrency: 1 }));
    } finally {
      await Promise.all(servers.map((server) => server.close()));
    }
    const [first, second] = servers.map((server) => String(server.address.queue));
    assert.match(first!, /^awt-[0-9a-f]{6}\.bench-books$/);
    assert.notEqual(first, second);
    const connection = await amqp.connect(brokerUrl);
    try {
      for (const queue of [first!, second!]) {
        const channel = await connection.createChannel();
        channel.on('error', () => undefined);
        await assert.rejects(channel.checkQueue(queue), (error: { code?: number }) => error.code === 404);
      }
    } finally {
      await connection.close();
    }
  });

  test('when the mq request queue is not there then a request fails at once instead of waiting', async () => {
    const { benchAdapter: adapter } = await import('../../demos/mq/bench-adapter.js');
    const client = await adapter.connect({ url: brokerUrl, queue: 'awt-000000.no-such-queue' }, { concurrency: 1 });
    try {
      const started = Date.now();
      await assert.rejects((await client.worker()).run(true), /no queue awt-000000\.no-such-queue/);
      assert.ok(Date.now() - started < 2000);
    } finally {
      await client.close();
    }
  });

  test('when the broker URL points at 127.0.0.1:1 then the mq row is skipped with the reason, within 3 s', async () => {
    const started = Date.now();
    const report = await runBench({
      ids: ['mq'],
      concurrency: 2,
      durationMs: 200,
      warmupMs: 0,
      lang: 'en',
      amqpUrl: 'amqp://guest:guest@127.0.0.1:1',
      broker: 'rabbitmq',
    });
    assert.ok(Date.now() - started < 3000);
    const [mq] = report.rows;
    assert.equal(mq!.name, 'AMQP');
    assert.equal(mq!.requests, 0);
    assert.equal(mq!.latencyMs, null);
    assert.match(mq!.skipped ?? '', /No AMQP broker is reachable at amqp:\/\/guest@127\.0\.0\.1:1/);
  });

  test('when the broker URL is no amqp:// URL then the mq adapter refuses it by the option’s name', async () => {
    const { benchAdapter: adapter } = await import('../../demos/mq/bench-adapter.js');
    await assert.rejects(
      adapter.start({ concurrency: 1, amqpUrl: 'http://127.0.0.1:5672' }),
      (error) => error instanceof AwtError && error.code === 'AWT_BAD_OPTION',
    );
  });
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
      // In place of the real mq adapter: this one fails without a broker to try.
      adapters: [...benchAdapters.filter((entry) => entry.id !== 'mq'), { id: 'mq', load: async () => broker }],
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
