import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { Ajv, type ValidateFunction } from 'ajv';
import formats from 'ajv-formats';
import { openHarFile } from '../../bin/commands/har-file.js';
import { AwtError } from '../../demos/core/errors.js';
import { harLog, type HarEntry, type HarLog } from '../../demos/render/har.js';
import type { HttpExchange, Trace } from '../../demos/wire/trace.js';
import { runCli, spawnCli, waitForOutput } from '../utils/cli.js';

const require = createRequire(import.meta.url);
const dir = mkdtempSync(path.join(tmpdir(), 'awt-har-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** The HAR 1.2 JSON schema of the har-schema package (draft-06), checked with Ajv. */
function harValidator(): ValidateFunction {
  const schemas = require('har-schema') as Record<string, object>;
  // strict off: the schema uses draft-06 and a few keywords of its own ("min", "optional").
  const ajv = new Ajv({ strict: false, allErrors: true });
  // ajv-formats is CommonJS: its function is the default export's default.
  formats.default(ajv);
  ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json') as object);
  for (const schema of Object.values(schemas)) ajv.addSchema(schema);
  return ajv.getSchema('har.json#')!;
}
const validate = harValidator();

function assertValidHar(har: unknown): asserts har is HarLog {
  assert.ok(validate(har), JSON.stringify(validate.errors?.slice(0, 3), null, 2));
}

const read = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as unknown;

/** An exchange as the tap records it, for the pure tests. */
function exchange(target: string, body = ''): HttpExchange {
  const message = { headers: [['Host', '127.0.0.1:8080']] as Array<[string, string]>, chunked: false, raw: '' };
  return {
    kind: 'http',
    connection: 1,
    onConnection: 1,
    at: 5,
    durationMs: 2,
    request: {
      ...message,
      method: 'POST',
      target,
      startLine: `POST ${target} HTTP/1.1`,
      body,
      headBytes: 40,
      bodyBytes: body.length,
      contentBytes: body.length,
      firstByteAt: 5,
      lastByteAt: 5.5,
    },
    response: {
      ...message,
      status: 200,
      statusText: 'OK',
      startLine: 'HTTP/1.1 200 OK',
      body: '{}',
      headBytes: 30,
      bodyBytes: 2,
      contentBytes: 2,
      firstByteAt: 6,
      lastByteAt: 7,
    },
  };
}

// Each test writes a file of its own, most from a child process of its own: three at a time.
describe('--har: the HTTP exchanges of a run as HAR 1.2', { concurrency: 3 }, () => {
  test('when a schema check sees a broken HAR then it fails (the check can fail)', () => {
    const har = harLog([exchange('/v1/books')], { startedAt: 0, creator: { name: 'awt-demo', version: '0' } });
    assertValidHar(har);
    const broken = structuredClone(har) as unknown as { log: { entries: Array<Partial<HarEntry>> } };
    delete broken.log.entries[0]!.timings;
    assert.equal(validate(broken), false);
  });

  test('when the rest demo runs with --json --har then the file is valid HAR with every exchange of the trace', async () => {
    const file = path.join(dir, 'rest.har');
    const result = await runCli(['rest', '--json', '--har', file], { timeoutMs: 60_000 });
    assert.equal(result.code, 0, result.stderr);
    const trace = JSON.parse(result.stdout) as Trace;
    const exchanges = trace.steps.flatMap((step) => step.items).filter((item) => item.kind === 'http');
    const har = read(file);
    assertValidHar(har);
    assert.equal(har.log.entries.length, exchanges.length);
    assert.deepEqual(
      har.log.entries.map((e) => `${e.request.method} ${new URL(e.request.url).pathname} ${e.response.status}`),
      exchanges.map((e) => `${e.request.method} ${e.request.target.split('?')[0]} ${e.response?.status ?? 0}`),
    );
    const post = har.log.entries.find((e) => e.request.method === 'POST' && e.response.status === 201)!;
    assert.match(post.request.postData!.mimeType, /application\/json/);
    assert.equal(JSON.parse(post.request.postData!.text).title.length > 0, true);
    assert.ok(
      har.log.entries.some((e) => e.response.status === 304),
      'the revalidation is there, answered 304',
    );
    // Wall-clock times in the order of the run, within the run.
    const times = har.log.entries.map((e) => Date.parse(e.startedDateTime));
    assert.deepEqual(
      times,
      [...times].sort((a, b) => a - b),
    );
    assert.ok(Math.abs(times[0]! - Date.now()) < 120_000);
  });

  test('when --serve --har is stopped with Ctrl-C then the file is complete, valid HAR with the requests sent', async () => {
    const file = path.join(dir, 'serve.har');
    const started = Date.now();
    const child = spawnCli(['graphql', '--serve', '--har', file]);
    try {
      const banner = await waitForOutput(child, /Ctrl-C stops the server/);
      const endpoint = /listens on (http:\/\/127\.0\.0\.1:\d+\/graphql)/.exec(banner)![1]!;
      for (const query of ['{ books { title } }', '{ book(id: "1") { title } }']) {
        await post(endpoint, JSON.stringify({ query }));
      }
      await waitForOutput(child, /"book"/);
    } finally {
      child.kill('SIGINT');
    }
    const code = await new Promise((resolve) => child.on('close', resolve));
    assert.equal(code, 130);
    const har = read(file);
    assertValidHar(har);
    assert.deepEqual(
      har.log.entries.map((e) => JSON.parse(e.request.postData!.text).query),
      ['{ books { title } }', '{ book(id: "1") { title } }'],
    );
    // Wall-clock times of this run: after the server started, before the file was read.
    for (const entry of har.log.entries) {
      const at = Date.parse(entry.startedDateTime);
      assert.ok(at >= started && at <= Date.now(), entry.startedDateTime);
    }
  });

  test('when tap --har is stopped with Ctrl-C then the file holds the exchanges that crossed the tap, as valid HAR', async () => {
    const file = path.join(dir, 'tap.har');
    const server = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => res.writeHead(201, { 'Content-Type': 'application/json' }).end('{"saved":true}'));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const started = Date.now();
    const port = (server.address() as { port: number }).port;
    const child = spawnCli(['tap', `http://127.0.0.1:${port}`, '--har', file]);
    try {
      const banner = await waitForOutput(child, /Ctrl-C ends the tap/);
      const url = /Use this address instead: (\S+)/.exec(banner)![1]!.replace(/\/$/, '');
      for (const title of ['Refactoring', 'Release It!']) await post(`${url}/books`, JSON.stringify({ title }));
      await waitForOutput(child, /Release It!/);
    } finally {
      child.kill('SIGINT');
    }
    const code = await new Promise((resolve) => child.on('close', resolve));
    server.close();
    assert.equal(code, 130);
    const har = read(file);
    assertValidHar(har);
    assert.deepEqual(
      har.log.entries.map((e) => [e.request.method, e.response.status, JSON.parse(e.request.postData!.text).title]),
      [
        ['POST', 201, 'Refactoring'],
        ['POST', 201, 'Release It!'],
      ],
    );
    for (const entry of har.log.entries) {
      const at = Date.parse(entry.startedDateTime);
      assert.ok(at >= started && at <= Date.now(), entry.startedDateTime);
    }
  });

  test('when the file would grow past its limit then later exchanges are counted in a comment, and it stays valid', async () => {
    const file = path.join(dir, 'bounded.har');
    const har = await openHarFile(file, { startedAt: 0, creator: { name: 'awt-demo', version: '0' } }, 3000);
    for (let i = 0; i < 50; i++) har.add(exchange(`/v1/books?page=${i}`, 'x'.repeat(200)));
    await har.close();
    await har.close();
    const written = read(file);
    assertValidHar(written);
    assert.ok(written.log.entries.length > 0 && written.log.entries.length < 50);
    assert.match(written.log.comment ?? '', new RegExp(`^${50 - written.log.entries.length} later exchanges left out`));
    assert.ok(readFileSync(file).length <= 3000 + 200);
  });

  test("when the file cannot be written then the error is the tool's own (exit 4), before anything runs", async () => {
    await assert.rejects(
      openHarFile(path.join(dir, 'missing', 'x.har'), { startedAt: 0, creator: { name: 'a', version: '0' } }),
      (error: unknown) => error instanceof AwtError && error.code === 'AWT_CANNOT_WRITE' && error.exitCode === 4,
    );
    const result = await runCli(['rest', '--har', path.join(dir, 'missing', 'x.har')]);
    assert.equal(result.code, 4);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /^awt-demo: Cannot write .*x\.har \(ENOENT\)\.\n {2}Name a file/);
  });

  test('when a target is no valid URL or a body is huge then the entry is still valid HAR', () => {
    const huge = exchange('//[', 'y'.repeat(300 * 1024));
    const har = harLog([huge], { startedAt: 0, creator: { name: 'awt-demo', version: '0' } });
    assertValidHar(har);
    const entry = har.log.entries[0]!;
    assert.equal(entry.request.url, 'http://127.0.0.1:8080/%2F%2F%5B');
    assert.match(entry.request.postData!.comment!, /^cut after 262144 characters of 307200$/);
  });
});

function post(url: string, body: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: 'POST', headers: { 'Content-Type': 'application/json' } }, (res) => {
      res.resume();
      res.on('end', resolve);
    });
    request.on('error', reject);
    request.end(body);
  });
}
