/**
 * `awt-demo exercise` as a student and a lecturer use it: list with state, start into a
 * new folder (never over a full one), hints one rung at a time, progress recorded in the
 * exercise folder only; and the checks against servers that answer garbage or nothing.
 * Each test has folders and servers of its own (those that build on `start` wait for it),
 * so all of them overlap: much of their time is a child starting or a check timing out.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import { once } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { exerciseIds } from '../../demos/exercises/manifest.js';
import type { Progress } from '../../demos/exercises/progress.js';
import { bookServiceWsdl } from '../../demos/soap/wsdl.js';
import { binPath, cliEnv } from '../utils/cli.js';
import { spawn } from 'node:child_process';
import { createApp } from '../../lessons/exercises/rest-books/solution/src/app.js';

let work: string;
/** Where the checks of hostile servers run: no progress file, so they record nothing over another test's. */
let grading: string;
before(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'awt-exercise-'));
  grading = path.join(work, 'grading');
  await mkdir(grading);
});
after(() => rm(work, { recursive: true, force: true }));

/** The built CLI in `cwd`. */
function cli(args: string[], cwd = work, timeoutMs = 60_000, env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [binPath, ...args], {
    cwd,
    env: cliEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    }),
  );
}

const readProgress = async (dir: string) =>
  JSON.parse(await readFile(path.join(dir, 'awt-progress.json'), 'utf8')) as Progress;

/** `exercise start` of graphql-book-service in German, into `work`: run once, for the tests that build on it. */
let germanStart: ReturnType<typeof cli> | undefined;
const startGerman = () => (germanStart ??= cli(['exercise', 'start', 'graphql-book-service', '--lang', 'de']));

// The checks that time out take longest: they overlap with the rest, not only with each other.
describe('awt-demo exercise', { concurrency: true }, () => {
  describe('awt-demo exercise: list, start, hint', { concurrency: 3 }, () => {
    test('when list runs in German at 80 columns then every line fits, broken between words', async () => {
      const fresh = path.join(work, 'narrow');
      await mkdir(fresh);
      const text = await cli(['exercise', '--lang', 'de'], fresh, 60_000, { COLUMNS: '80' });
      assert.equal(text.code, 0, text.stderr);
      const lines = text.stdout.trimEnd().split('\n');
      for (const line of lines) assert.ok(line.length <= 80, `${line.length}: ${line}`);
      // The title goes on under itself: read back as one, it is whole.
      const joined = lines.map((line) => line.trim()).join(' ');
      assert.match(joined, /Ein GraphQL-Bücherdienst mit Apollo Server und TypeScript/);
    });

    test('when nothing is started then list shows every exercise as not started, in text and JSON', async () => {
      // A folder of its own: the other tests start exercises in `work` meanwhile.
      const fresh = path.join(work, 'fresh');
      await mkdir(fresh);
      const text = await cli(['exercise'], fresh);
      assert.equal(text.code, 0, text.stderr);
      assert.match(text.stdout, /graphql-book-service +not started +A GraphQL book service with Apollo Server/);
      assert.match(text.stdout, /rest-books +not started/);
      const json = await cli(['exercise', 'list', '--json'], fresh);
      const rows = JSON.parse(json.stdout) as Array<{ id: string; state: string; paradigm: string }>;
      assert.deepEqual(
        rows.map((row) => [row.id, row.paradigm, row.state]),
        [
          ['graphql-book-service', 'graphql', 'not-started'],
          ['rest-books', 'rest', 'not-started'],
          ['soap-books', 'soap', 'not-started'],
          ['websocket-book-club', 'websocket', 'not-started'],
          ['mq-order-worker', 'mq', 'not-started'],
        ],
      );
    });

    test('when start runs in German then the folder has the starter, a German README and the progress file', async () => {
      const result = await startGerman();
      assert.equal(result.code, 0, result.stderr);
      const dir = path.join(work, 'awt-graphql-book-service');
      assert.match(result.stdout, /Das Startprojekt von graphql-book-service liegt in awt-graphql-book-service:/);
      assert.match(result.stdout, /npx awt-demo exercise check graphql-book-service +in einem zweiten Terminal/);
      const files = (await readdir(dir, { recursive: true })).map(String).sort();
      assert.deepEqual(files, [
        'README.md',
        'awt-progress.json',
        'package.json',
        'src',
        path.join('src', 'books.ts'),
        path.join('src', 'server.ts'),
        'tsconfig.json',
      ]);
      const readme = await readFile(path.join(dir, 'README.md'), 'utf8');
      assert.match(readme, /^# Ein GraphQL-Bücherdienst mit Apollo Server und TypeScript/);
      assert.match(readme, /```sh\nnpx awt-demo exercise check graphql-book-service\n```/);
      assert.match(readme, /- `add-book`: addBook legt ein Buch an/);
      const pkg = JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8')) as {
        dependencies: Record<string, string>;
        devDependencies: Record<string, string>;
        scripts: Record<string, string>;
      };
      assert.deepEqual(Object.keys(pkg.dependencies).sort(), ['@apollo/server', 'graphql']);
      // npm install links this awt-demo, so npx awt-demo works in the folder (it is not on the registry).
      assert.equal(pkg.devDependencies['awt-demo'], `file:${path.resolve(binPath, '../../..')}`);
      assert.match(pkg.scripts.start!, /tsx/);
      const progress = await readProgress(dir);
      assert.equal(progress.exercise, 'graphql-book-service');
      assert.deepEqual(progress.checks, {});

      const listed = await cli(['exercise', 'list', '--json']);
      const row = (JSON.parse(listed.stdout) as Array<{ id: string; state: string }>).find(
        (r) => r.id === 'graphql-book-service',
      );
      assert.equal(row!.state, 'started');
    });

    // Early: it waits for the German start and then asks four times, one after another.
    test('when hint is asked again and again then each call shows the next rung, and the ladder ends', async () => {
      assert.equal((await startGerman()).code, 0);
      const dir = path.join(work, 'awt-graphql-book-service');
      const shown: string[] = [];
      for (let i = 0; i < 4; i++) {
        const result = await cli(['exercise', 'hint', 'graphql-book-service'], dir);
        assert.equal(result.code, 0, result.stderr);
        shown.push(result.stdout);
      }
      assert.match(shown[0]!, /^Hint 1 of 3 for "The lecture's query returns exactly title and author/);
      assert.match(shown[1]!, /^Hint 2 of 3/);
      assert.match(shown[2]!, /^Hint 3 of 3[\s\S]*That was the last hint/);
      assert.match(shown[3]!, /^Hint 3 of 3/);
      assert.notEqual(shown[0], shown[1]);
      assert.deepEqual((await readProgress(dir)).hints, { 'books-title-author': 3 });
    });

    test('when the folder is not empty then start refuses (exit 4) and writes nothing', async () => {
      const dir = path.join(work, 'full');
      await mkdir(dir);
      await writeFile(path.join(dir, 'mine.txt'), 'keep me');
      const result = await cli(['exercise', 'start', 'rest-books', '--dir', dir]);
      assert.equal(result.code, 4);
      assert.match(result.stderr, /exists and is not empty; nothing was written/);
      assert.deepEqual(await readdir(dir), ['mine.txt']);
    });

    test("when soap-books is started then books.wsdl is the soap demo's own WSDL, for the starter's address", async () => {
      const dir = path.join(work, 'awt-soap-books');
      const result = await cli(['exercise', 'start', 'soap-books', '--dir', dir]);
      assert.equal(result.code, 0, result.stderr);
      assert.equal(
        await readFile(path.join(dir, 'books.wsdl'), 'utf8'),
        bookServiceWsdl('http://localhost:8000/BookService'),
      );
      assert.match(await readFile(path.join(dir, 'src', 'server.ts'), 'utf8'), /books\.wsdl/);
    });

    test('when the exercise is unknown then it is a usage error (2) naming the exercises', async () => {
      const result = await cli(['exercise', 'start', 'graphql-books']);
      assert.equal(result.code, 2);
      assert.match(
        result.stderr,
        /Unknown exercise "graphql-books"\. The exercises are: graphql-book-service, rest-books, soap-books, websocket-book-club, mq-order-worker\./,
      );
    });
  });

  describe('awt-demo exercise check: progress and hostile servers', { concurrency: 3 }, () => {
    // The longest first: it waits out six time limits.
    test('when the server accepts but never answers then each check fails after its timeout, in bounded time', async () => {
      const sockets = new Set<net.Socket>();
      const silent = net.createServer((socket) => {
        sockets.add(socket);
        socket.on('error', () => undefined);
      });
      await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
      const { port } = silent.address() as net.AddressInfo;
      try {
        const result = await cli(
          ['exercise', 'check', 'rest-books', '--url', `http://127.0.0.1:${port}/`, '--timeout', '1'],
          grading,
        );
        assert.equal(result.code, 5, result.stderr);
        assert.equal(result.stdout.match(/^✘ /gm)?.length, 6);
        assert.match(result.stdout, /got +no complete answer within 1 s/);
        assert.match(result.stdout, /no response: the connection closed first/);
        assert.match(result.stderr, /6 of 6 checks failed/);
      } finally {
        for (const socket of sockets) socket.destroy();
        await new Promise((resolve) => silent.close(resolve));
      }
    });

    test('when the server answers with control and bidi characters then --json carries them as \\uXXXX, never raw', async () => {
      const hostile = http.createServer((_request, response) => {
        response.writeHead(200, { 'Content-Type': 'application/json' });
        response.end('[{"title":"RED\u202eevil\u009b31m\u001b]0;pwned\u0007"}]');
      });
      await new Promise<void>((resolve) => hostile.listen(0, '127.0.0.1', resolve));
      const { port } = hostile.address() as net.AddressInfo;
      try {
        const result = await cli(
          ['exercise', 'check', 'rest-books', '--url', `http://127.0.0.1:${port}/`, '--json'],
          grading,
        );
        assert.equal(result.code, 5, result.stderr);
        // eslint-disable-next-line no-control-regex -- raw control characters are what must not come
        assert.doesNotMatch(result.stdout, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/u);
        assert.match(result.stdout, /RED\\u202eevil\\u009b31m/);
        // The escapes are JSON's own: parsed back, the body is what the server sent.
        const report = JSON.parse(result.stdout) as {
          checks: Array<{ trace: Array<{ response?: { body: string } }> }>;
        };
        assert.ok(report.checks[0]!.trace.some((item) => item.response?.body.includes('RED\u202eevil')));
      } finally {
        await new Promise((resolve) => hostile.close(resolve));
      }
    });

    test('when the solution passes from the exercise folder then the run is recorded there and list says passed', async () => {
      const dir = path.join(work, 'awt-rest-books');
      assert.equal((await cli(['exercise', 'start', 'rest-books'])).code, 0);
      // The reference solution's own app, served from here: the point is what check records, not how it starts.
      const server = createApp().listen(0, '127.0.0.1');
      await once(server, 'listening');
      const { port } = server.address() as net.AddressInfo;
      try {
        const result = await cli(
          ['exercise', 'check', 'rest-books', '--url', `http://127.0.0.1:${port}/`, '--timeout', '30'],
          dir,
        );
        assert.equal(result.code, 0, result.stdout + result.stderr);
        assert.match(result.stdout, /✔ etag +A book carries an ETag/);
        assert.match(result.stdout, /All 6 checks passed/);
        const progress = await readProgress(dir);
        assert.ok(progress.passedAt);
        assert.equal(progress.checks['add-book']!.passed, true);
        const listed = await cli(['exercise', 'list']);
        assert.match(listed.stdout, /rest-books +passed/);
      } finally {
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
      }
    });

    test('when nothing listens at the URL then check says so and exits 3, without a stack, writes nothing there, and --json still gives a record', async () => {
      // Run from elsewhere (a lecturer's folder, no progress file in it): nothing is written.
      const elsewhere = await mkdtemp(path.join(os.tmpdir(), 'awt-grading-'));
      try {
        const result = await cli(
          ['exercise', 'check', 'graphql-book-service', '--url', 'http://127.0.0.1:1/'],
          elsewhere,
        );
        assert.equal(result.code, 3);
        assert.match(result.stderr, /Nothing answers at http:\/\/127\.0\.0\.1:1\/: no server accepts connections/);
        assert.doesNotMatch(result.stderr, /\n\s+at /);
        assert.deepEqual(await readdir(elsewhere), []);
        // A grading script still gets a record: passed false, and why, on stdout.
        const json = await cli(
          ['exercise', 'check', 'rest-books', '--url', 'http://127.0.0.1:1/', '--json'],
          elsewhere,
        );
        assert.equal(json.code, 3);
        const record = JSON.parse(json.stdout) as { passed: boolean; error: { code: string }; checks: unknown[] };
        assert.equal(record.passed, false);
        assert.equal(record.error.code, 'AWT_TARGET_UNREACHABLE');
        assert.deepEqual(record.checks, []);
      } finally {
        await rm(elsewhere, { recursive: true, force: true });
      }
    });

    test('when the server answers garbage then every check fails with its trace, and the tool does not crash', async () => {
      const garbage = net.createServer((socket) => {
        socket.on('error', () => undefined);
        socket.end(Buffer.from('\u0000\u00ff SPAM\r\n\r\n{{{', 'latin1'));
      });
      await new Promise<void>((resolve) => garbage.listen(0, '127.0.0.1', resolve));
      const { port } = garbage.address() as net.AddressInfo;
      try {
        const result = await cli(
          ['exercise', 'check', 'graphql-book-service', '--url', `http://127.0.0.1:${port}/`, '--json'],
          grading,
        );
        assert.equal(result.code, 5, result.stderr);
        const report = JSON.parse(result.stdout) as {
          passed: boolean;
          checks: Array<{ passed: boolean; got: string; trace: unknown[] }>;
        };
        assert.equal(report.passed, false);
        for (const check of report.checks) {
          assert.equal(check.passed, false);
          assert.match(check.got, /the call failed|not JSON|no complete answer|MUST audits of GraphQL over HTTP fail/);
          assert.ok(check.trace.length > 0);
        }
      } finally {
        garbage.close();
      }
    });

    for (const [id, url] of [
      ['soap-books', '/BookService'],
      ['websocket-book-club', '/chat'],
    ] as const) {
      test(`when the server answers garbage then every check of ${id} fails with its trace, and the tool does not crash`, async () => {
        const garbage = net.createServer((socket) => {
          socket.on('error', () => undefined);
          socket.end(Buffer.from('\u0000\u00ff SPAM\r\n\r\n<<<', 'latin1'));
        });
        await new Promise<void>((resolve) => garbage.listen(0, '127.0.0.1', resolve));
        const { port } = garbage.address() as net.AddressInfo;
        try {
          const result = await cli(
            ['exercise', 'check', id, '--url', `http://127.0.0.1:${port}${url}`, '--json'],
            grading,
          );
          assert.equal(result.code, 5, result.stderr);
          const report = JSON.parse(result.stdout) as {
            checks: Array<{ passed: boolean; got: string; trace: unknown[] }>;
          };
          for (const check of report.checks) {
            assert.equal(check.passed, false);
            assert.match(check.got, /the call failed|no complete answer/);
            assert.ok(check.trace.length > 0);
          }
          assert.doesNotMatch(result.stderr, /\n\s+at /);
        } finally {
          garbage.close();
        }
      });
    }
  });
});

test('when the package is built then each starter is in dist, so start works from an installed package', () => {
  for (const id of exerciseIds) {
    assert.ok(
      existsSync(path.join(path.dirname(binPath), '..', 'lessons', 'exercises', id, 'starter', 'package.json')),
    );
  }
});
