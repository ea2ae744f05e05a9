import assert from 'node:assert/strict';
import http from 'node:http';
import { describe, test } from 'node:test';
import type { Trace } from '../../demos/wire/trace.js';
import {
  ansi,
  binPath,
  pinnedView,
  quitAfterSteps,
  refusal,
  runCli,
  runCliOnce,
  runCliRecordingImports,
  runNode,
  spawnCli,
  waitForOutput,
} from '../utils/cli.js';

/** `list --json` with --lang before the subcommand: one run for the tests of both. */
const germanListJson = () => runCliOnce(['--lang', 'de', 'list', '--json']);

// Every test here is its own child process (or shares one through runCliOnce), so three run side
// by side: much of a run is the process starting and a server waiting for its client.
describe('the awt-demo command, through the built bin', { concurrency: 3 }, () => {
  test('when run with no demo and not on a terminal then it lists the demos and usage, exit 0', async () => {
    const result = await runCli([]);
    assert.equal(result.code, 0);
    assert.match(result.stdout, /^Demos:/);
    assert.match(result.stdout, /^ {2}rest +REST with express/m);
    assert.match(result.stdout, /^ {2}graphql +GraphQL/m);
    assert.match(result.stdout, /Run one with: awt-demo <demo>/);
  });

  test('when list --json runs then it prints ids, titles and summaries as JSON', async () => {
    const result = await germanListJson();
    const listing = JSON.parse(result.stdout) as Array<{ id: string; title: string; summary: string }>;
    assert.deepEqual(
      listing.slice(0, 2).map((d) => d.id),
      ['rest', 'graphql'],
    );
    assert.match(listing[0]!.title, /Ressourcen/);
  });

  test('when the demo is unknown then one line names the valid ids, exit 2', async () => {
    // Through the bin (stdout empty, the one line on stderr) in cli.names' test of "grapql".
    const { exitCode, lines } = await refusal(['grpc']);
    assert.equal(exitCode, 2);
    assert.equal(lines.length, 1);
    assert.match(lines[0]!, /^Unknown demo "grpc"\. The demos are: rest, graphql/);
  });

  test('when an option value is bad then a clear message names it, exit 2, no stack trace', async () => {
    const width = await runCli(['rest', '--width', 'wide']);
    assert.equal(width.code, 2);
    assert.match(width.stderr, /Invalid value "wide" for --width: expected 40–400\./);
    assert.doesNotMatch(width.stderr, /at .*\.js:\d+/);
    const lang = await refusal(['rest', '--lang', 'fr']);
    assert.equal(lang.exitCode, 2);
    assert.match(lang.lines[0]!, /fr/);
  });

  test('when --help runs in German then the help and the examples are German', async () => {
    const result = await runCli(['--help'], { env: { LANG: 'de_DE.UTF-8' } });
    assert.equal(result.code, 0);
    assert.match(result.stdout, /Beispiele:/);
    assert.match(result.stdout, /--step +Schritt für Schritt/);
    assert.match(result.stdout, /\$ awt-demo graphql --schema/);
  });

  test('when --version runs then it prints the package version', async () => {
    // The run the test of the fast --help path below compares with the ES module entry's.
    const result = await runCliOnce(['--version']);
    assert.equal(result.code, 0);
    assert.match(result.stdout.trim(), /^\d+\.\d+\.\d+$/);
  });

  test('when rest runs piped then all eight steps and the summary print without colour', async () => {
    const result = await runCliOnce(['rest']);
    assert.equal(result.code, 0, result.stderr);
    for (let i = 1; i <= 8; i++) assert.match(result.stdout, new RegExp(`━━ Step ${i}/8 `));
    assert.match(result.stdout, /HTTP\/1\.1 304 Not Modified/);
    assert.match(result.stdout, /━━ Summary/);
    assert.doesNotMatch(result.stdout, ansi);
  });

  test('when FORCE_COLOR is set then colour comes, and --no-color takes it away again', async () => {
    // The same runs as the colour tests below: spawned once, read by both.
    const coloured = await runCliOnce(['run', 'rest'], { env: { FORCE_COLOR: '1' } });
    assert.match(coloured.stdout, ansi);
    const plain = await runCliOnce(['run', 'rest', '--no-color'], { env: { FORCE_COLOR: '1' } });
    assert.doesNotMatch(plain.stdout, ansi);
  });

  test('when graphql --json runs then the trace is JSON with the same facts', async () => {
    // The run cli.lazy-imports reads for the packages it loaded (English is the default).
    const result = await runCliRecordingImports(['graphql', '--json']);
    const trace = JSON.parse(result.stdout) as Trace;
    assert.equal(trace.demo, 'graphql');
    assert.equal(trace.steps.length, 11);
    assert.match(trace.steps[0]!.facts[0]!, /Fields in each answer: title, author/);
    assert.equal(trace.totals.roundTrips, 17);
    const batching = trace.steps.find((step) => step.id === 'batching')!;
    assert.match(batching.facts.join('\n'), /One by one: 7 store reads for 6 books/);
    assert.deepEqual(batching.figures[0], {
      kind: 'table',
      rows: [
        ['', 'one by one', 'DataLoader'],
        ['store reads', '7', '2'],
        ['Book.reviews calls', '6', '6'],
      ],
      align: ['left', 'right', 'right'],
    });
  });

  test('when run as `run <demo>` then it is the same as `<demo>`', async () => {
    const steps = (output: string) => output.split('\n').filter((line) => line.startsWith('━━ '));
    const direct = await runCliOnce(['rest']);
    const viaRun = await runCliOnce(['run', 'rest', '--no-color'], { env: { FORCE_COLOR: '1' } });
    assert.equal(steps(direct.stdout).length, 9);
    assert.deepEqual(steps(viaRun.stdout), steps(direct.stdout));
  });

  test('when graphql --schema runs then the SDL is printed', async () => {
    // In capitals: the same run answers cli.names' test of ids typed in any case.
    const result = await runCliOnce(['GraphQL', '--schema']);
    assert.match(result.stdout, /^type Book \{/m);
    assert.match(result.stdout, /isbn: String @deprecated/);
  });

  test('when --step reads "q" from a pipe then it stops cleanly after the steps so far', async () => {
    // The run cli.snapshots pins: the same two steps, in its view.
    const result = await quitAfterSteps('rest', 2, 8, pinnedView('en'));
    assert.match(result.stderr, /Step 3\/8: .* — Enter: next step · q: quit/);
  });

  test('when the output is piped into a reader that stops early then there is no crash', async () => {
    const child = spawnCli(['graphql', '--full']);
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    await waitForOutput(child, /Step 1/);
    child.stdout!.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.equal(code, 0);
    assert.equal(stderr, '');
  });

  test('when --serve runs then a request from outside is shown live, and Ctrl-C ends it with 130', async () => {
    const child = spawnCli(['rest', '--serve']);
    try {
      const banner = await waitForOutput(child, /Ctrl-C stops the server/);
      const url = /listens on (http:\/\/127\.0\.0\.1:\d+)/.exec(banner)![1]!;
      assert.match(banner, /curl -i http:\/\/127\.0\.0\.1:\d+\/v1\/books/);
      const live = waitForOutput(child, /GET \/v1\/books\/2 HTTP\/1\.1/);
      const status = await new Promise<number | undefined>((resolve, reject) =>
        http.get(`${url}/v1/books/2`, (res) => (res.resume(), resolve(res.statusCode))).on('error', reject),
      );
      assert.equal(status, 200);
      await live;
      child.kill('SIGINT');
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      assert.equal(code, 130);
      await assert.rejects(
        new Promise((resolve, reject) => http.get(`${url}/v1/books`, resolve).on('error', reject)),
        /ECONNREFUSED/,
      );
    } finally {
      child.kill('SIGKILL');
    }
  });

  test('when --serve asks for a port that is taken then it says so, exit 4', async () => {
    const blocker = http.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as { port: number };
    try {
      const result = await runCli(['graphql', '--serve', '--port', String(port)]);
      assert.equal(result.code, 4);
      assert.match(result.stderr, new RegExp(`Port ${port} is already in use\\.`));
      assert.match(result.stderr, /--port/);
    } finally {
      blocker.close();
    }
  });
});

describe('options before the subcommand', () => {
  test('when --lang comes before list then the list is in that language', async () => {
    const result = await germanListJson();
    assert.match(result.stdout, /"title": "REST mit express/);
  });
});

describe('colour', () => {
  test('when --no-color is given to a subcommand or before it then FORCE_COLOR does not bring colour back', async () => {
    const after = await runCliOnce(['run', 'rest', '--no-color'], { env: { FORCE_COLOR: '1' } });
    assert.doesNotMatch(after.stdout, ansi);
    const before = await runCli(['--no-color', 'run', 'rest'], { env: { FORCE_COLOR: '1' } });
    assert.doesNotMatch(before.stdout, ansi);
    const coloured = await runCliOnce(['run', 'rest'], { env: { FORCE_COLOR: '1' } });
    assert.match(coloured.stdout, ansi);
  });
});

describe('the fast --help path', () => {
  test('when --help is answered from the CommonJS bundle then it says exactly what the ES module entry says', async () => {
    const esm = binPath.replace(/launch\.cjs$/, 'awt-demo.js');
    const cases = [['--help'], ['compare', '--help'], ['--version'], ['--lang', 'de', '--help']];
    const runs = await Promise.all(
      cases.map((args) => Promise.all([runCliOnce(args), runNode([esm, ...args])] as const)),
    );
    for (const [i, [fast, full]] of runs.entries()) {
      assert.equal(fast.code, 0);
      assert.equal(full.code, 0);
      assert.equal(fast.stdout, full.stdout, cases[i]!.join(' '));
    }
  });
});

describe('usage errors of subcommands', () => {
  test('when a subcommand gets a wrong argument or option then it says so in one line and a hint, exit 2', async () => {
    const cases = [['list', 'rest'], ['run'], ['compare', '--nope']];
    const results = await Promise.all(cases.map((args) => runCli(args)));
    for (const [i, result] of results.entries()) {
      assert.equal(result.code, 2, cases[i]!.join(' '));
      assert.match(result.stderr, /^awt-demo: .+\n {2}Run "awt-demo --help" for the options\.\n$/);
    }
  });
});
