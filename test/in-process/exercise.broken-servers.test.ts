/**
 * Students' servers broken below the level of their answers, each with a finding that
 * says what happened. One never stops sending (a loop that keeps writing, a stream never
 * ended): its checks fail fast instead of filling `exercise check`'s memory until the
 * check's time is up, since every client a check uses reads at most 1 MiB of one answer
 * (the REST and GraphQL calls, graphql-http's audits, the SOAP client). One crashes on its
 * first request: the checks after it say that nothing answers any more.
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { messages } from '../../demos/core/messages/index.js';
import { findExercise } from '../../demos/exercises/manifest.js';
import { maxTraceItems, runChecks } from '../../demos/exercises/run-checks.js';

/** The time each check has: far more than reading a megabyte takes, so only the bound can end it early. */
const timeoutMs = 30_000;

/** Every check of `id` (or only `only`) against `url`, as `exercise check` runs them, in English. */
async function check(id: string, url: string, only?: string[]) {
  const exercise = findExercise(id)!;
  return runChecks({
    exercise: only ? { ...exercise, checks: only } : exercise,
    url,
    texts: (await exercise.texts()).en.checks,
    checks: await exercise.loadChecks(),
    words: messages.en.exercise,
    timeoutMs,
  });
}

/**
 * What the server sends of one answer before it falls silent (the answer still unended):
 * bounded, so that a client without a bound fills its memory no further than this and
 * fails on its time limit instead.
 */
const sentAtMost = 64 * 1024 * 1024;

let server: http.Server;
let origin: string;

before(async () => {
  const chunk = Buffer.alloc(64 * 1024, '[');
  server = http.createServer((request, response) => {
    response.writeHead(200, { 'Content-Type': request.url?.includes('BookService') ? 'text/xml' : 'application/json' });
    let sent = 0;
    const pump = () => {
      while (!response.destroyed && sent < sentAtMost && response.write(chunk)) sent += chunk.length;
    };
    response.on('drain', pump);
    request.on('close', () => response.destroy());
    pump();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => new Promise((resolve) => server.close(resolve)));

describe('a server whose answer never ends', () => {
  for (const [id, path] of [
    ['rest-books', ''],
    ['graphql-book-service', '/graphql'],
    ['soap-books', '/BookService'],
  ] as const) {
    test(
      `when ${id} is checked against it then each check fails at once: an answer over 1 MiB`,
      { timeout: 4 * timeoutMs },
      async () => {
        const exercise = findExercise(id)!;
        const started = performance.now();
        const reports = await check(id, `${origin}${path}`);
        assert.equal(reports.length, exercise.checks.length);
        for (const report of reports) {
          assert.equal(report.passed, false, report.id);
          assert.equal(report.got, 'an answer over 1 MiB (only the first MiB read)', report.id);
        }
        // Each check stopped at the bound, not at its time limit.
        assert.ok(performance.now() - started < timeoutMs, `${performance.now() - started} ms`);
      },
    );
  }
});

describe('a server that crashes on its first request', () => {
  test('when rest-books is checked against it then every check after the crash says nothing answers any more', async () => {
    const crashing = http.createServer((request) => {
      // As an uncaught exception ends a student's server: the socket drops, nothing listens.
      request.socket.destroy();
      crashing.close();
    });
    await new Promise<void>((resolve) => crashing.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(crashing.address() as AddressInfo).port}`;
    const reports = await check('rest-books', url);
    assert.ok(reports.every((report) => !report.passed));
    assert.match(reports[0]!.got!, /ECONNRESET|socket hang up/);
    for (const report of reports.slice(1)) {
      assert.equal(
        report.got,
        `nothing answers at ${url} any more (ECONNREFUSED): is your server still running? Its terminal shows why it stopped`,
        report.id,
      );
    }
  });
});

describe('a server that floods its client with WebSocket frames', () => {
  test('when rest-books is checked against it then the check fails at once, its trace keeps its first items and counts the rest', async () => {
    // Whatever is asked, 101 and then 100,000 empty pongs: as many items on the wire, each tiny.
    const pongs = Buffer.alloc(2 * 100_000, Buffer.from([0x8a, 0x00]));
    const flooding = net.createServer((socket) => {
      socket.on('error', () => undefined);
      socket.once('data', () =>
        socket.end(
          Buffer.concat([
            Buffer.from('HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n'),
            pongs,
          ]),
        ),
      );
    });
    await new Promise<void>((resolve) => flooding.listen(0, '127.0.0.1', resolve));
    try {
      const reports = await check('rest-books', `http://127.0.0.1:${(flooding.address() as AddressInfo).port}`, [
        'list-books',
      ]);
      const [report] = reports;
      assert.equal(report!.passed, false);
      assert.equal(report!.got, 'the handshake succeeded (101 Switching Protocols)');
      assert.equal(report!.trace.length, maxTraceItems);
      assert.ok(report!.traceCut! > 90_000, `${report!.traceCut} cut`);
    } finally {
      await new Promise((resolve) => flooding.close(resolve));
    }
  });
});

describe('a SOAP server that redirects', () => {
  test('when soap-books is checked against it then no call follows the redirect past the tap', async () => {
    let followed = 0;
    const elsewhere = http.createServer((_request, response) => {
      followed++;
      response.end();
    });
    await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
    const away = `http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}/stolen`;
    const redirecting = http.createServer((_request, response) => {
      response.writeHead(307, { Location: away }).end();
    });
    await new Promise<void>((resolve) => redirecting.listen(0, '127.0.0.1', resolve));
    try {
      const reports = await check(
        'soap-books',
        `http://127.0.0.1:${(redirecting.address() as AddressInfo).port}/BookService`,
      );
      assert.ok(reports.every((report) => !report.passed));
      assert.equal(followed, 0);
    } finally {
      await Promise.all([redirecting, elsewhere].map((server) => new Promise((resolve) => server.close(resolve))));
    }
  });
});

describe('a SOAP server that answers an HTML page', () => {
  test('when soap-books is checked against it then each check says what came: the root element, a body that is no XML', async () => {
    const html = http.createServer((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/html' }).end('<html><body>It works!</body></html>');
    });
    await new Promise<void>((resolve) => html.listen(0, '127.0.0.1', resolve));
    try {
      const reports = await check('soap-books', `http://127.0.0.1:${(html.address() as AddressInfo).port}/BookService`);
      const got = Object.fromEntries(reports.map((report) => [report.id, report.got]));
      assert.equal(got.wsdl, 'root element = <html> (Content-Type: text/html)');
      for (const id of ['list-books', 'get-book', 'add-book', 'book-not-found']) {
        assert.equal(got[id], 'a body that is not well-formed XML: status 200, Content-Type: text/html', id);
      }
    } finally {
      await new Promise((resolve) => html.close(resolve));
    }
  });
});
