/**
 * The AMQP exercise, mq-order-worker, as `exercise check` runs it: the check starts the
 * student's programs itself (two workers, a responder) from the exercise folder, behind
 * the tap in front of RabbitMQ or the embedded broker. Honest checks: the reference
 * solution passes on both brokers; each broken variant fails only its check; the starter
 * fails what is still to do; programs that exit or never ack fail with their trace and
 * output; and no program outlives the run, also after Ctrl-C. Runs whose point is the
 * verdict call what `exercise check` calls (the rig, runChecks) in this process, with the
 * programs built into JavaScript beforehand; the command line itself, which starts them
 * with tsx as a student's, runs the solution on the embedded broker, the programs that
 * exit, its usage errors and Ctrl-C.
 */
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { messages } from '../../demos/core/messages/index.js';
import { findExercise } from '../../demos/exercises/manifest.js';
import { checksFailed, runChecks, type CheckReport } from '../../demos/exercises/run-checks.js';
import { listPrices } from '../../demos/mq/shop.js';
import { childPids, cliEnv, isAlive, runCli, spawnCli, waitForOutput } from '../utils/cli.js';
import { builtPrograms, slots } from '../utils/exercise.js';
import { assertNothingLeft, declaredIn } from '../utils/broker-leftovers.js';
import type { AmqpFrameItem } from '../../demos/wire/amqp-frames.js';

const rabbitmqUrl = process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';

const root = fileURLToPath(new URL('../../', import.meta.url));
const solution = path.join(root, 'lessons/exercises/mq-order-worker/solution');
const starter = path.join(root, 'lessons/exercises/mq-order-worker/starter');
const broken = path.join(root, 'test/fixtures/exercises/mq-order-worker-broken');
const checkIds = ['task-acked-once', 'fair-dispatch', 'rpc-reply', 'redelivered-on-crash'];
const exercise = findExercise('mq-order-worker')!;

interface CheckJson {
  exercise: string;
  dir: string;
  broker: { kind: string; url: string };
  passed: boolean;
  checks: CheckReport[];
}

let work: string;
let pricesFile: string;
before(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'awt-mq-exercise-'));
  // What `exercise start` writes beside the starter: the programs read it from PRICES_JSON here.
  pricesFile = path.join(work, 'prices.json');
  await writeFile(pricesFile, (await exercise.contractFiles!())['prices.json']!);
});
after(() => rm(work, { recursive: true, force: true }));

/**
 * Runs that start programs take turns, four at a time: most of a run is waiting (orders
 * being packed, the wire going quiet), so they overlap well. Their starts are bursts of
 * CPU (three programs each, on the command line three `node --import tsx`): more at once
 * starve each other's programs on a 2-core machine, and the product's own deadlines (2 s
 * to connect to the broker) begin to fail.
 */
const inTurn = slots(4);

/** `exercise check` as the student runs it: the command line, its JSON and its exit code. */
async function checkCli(dir: string, args: string[] = [], env: Record<string, string> = {}) {
  // A generous time per check and for the programs to start: the machine is shared.
  const done = await inTurn(() =>
    runCli(['exercise', 'check', 'mq-order-worker', '--dir', dir, '--json', '--timeout', '30', ...args], {
      env: { PRICES_JSON: pricesFile, ...env },
      timeoutMs: 120_000,
    }),
  );
  let result: CheckJson;
  try {
    result = JSON.parse(done.stdout) as CheckJson;
  } catch {
    throw new Error(`no JSON (exit ${done.code}):\n${done.stdout}\n${done.stderr}`);
  }
  return { code: done.code, result, stderr: done.stderr };
}

/**
 * The same run in this process, through the functions `exercise check` calls (the rig, then
 * runChecks): no command line to start, and the programs built into JavaScript beforehand,
 * started with plain node (builtForNode says why). `quietMs` shortens how long a check waits
 * for frames that are not coming, for programs that never settle anything.
 */
async function check(
  dir: string,
  options: { env?: Record<string, string>; quietMs?: number; broker?: 'auto' | 'rabbitmq' } = {},
) {
  const [texts, checks, startRig, built] = await Promise.all([
    exercise.texts(),
    exercise.loadChecks(),
    exercise.loadRig!(),
    builtPrograms(path.relative(root, dir), exercise.programs!),
  ]);
  return inTurn(async () => {
    const rig = await startRig({
      ...built,
      broker: options.broker ?? 'auto',
      amqpUrl: undefined,
      env: cliEnv({ PRICES_JSON: pricesFile, ...options.env }),
      readyMs: 30_000,
      ...(options.quietMs !== undefined ? { quietMs: options.quietMs } : {}),
      said: messages.en.exercise.said,
    });
    const reports = await runChecks({
      exercise,
      url: exercise.defaultUrl,
      rig,
      texts: texts.en.checks,
      checks,
      words: messages.en.exercise,
      timeoutMs: 30_000,
    });
    return { code: checksFailed(reports)?.exitCode ?? 0, result: { checks: reports, broker: rig.brokerUsed } };
  });
}

const failedIds = (result: { checks: CheckReport[] }) => result.checks.filter((c) => !c.passed).map((c) => c.id);
const explain = (result: { checks: CheckReport[] }) =>
  JSON.stringify(result.checks.map(({ id, got }) => ({ id, got })));

// Every test has queues of its own (the rig names them per run), so all of them may overlap; `inTurn` bounds how many.
describe('exercise mq-order-worker', { concurrency: true }, () => {
  describe('the reference solution', { concurrency: true }, () => {
    const allPassed = (result: { checks: CheckReport[] }) => {
      assert.deepEqual(failedIds(result), [], explain(result));
      assert.deepEqual(
        result.checks.map((c) => c.id),
        checkIds,
      );
      for (const report of result.checks) {
        assert.ok(report.trace.length > 0, `${report.id} saw no frame`);
        assert.ok(report.trace.every((item) => item.kind === 'amqp-frame'));
      }
    };

    // On the command line, as a student runs it: tsx starts the programs, and the embedded broker runs in the command's process.
    test('when the solution runs against embedded then every check passes, each with its trace', async () => {
      const { code, result, stderr } = await checkCli(solution, ['--broker', 'embedded']);
      allPassed(result);
      assert.equal(code, 0, stderr);
      assert.equal(result.broker.kind, 'embedded');
      assert.equal(result.dir, solution);
    });

    test('when the programs declare queues of their own on RabbitMQ then the run leaves none of them behind', async () => {
      const { code, result } = await check(broken, { broker: 'rabbitmq', env: { AWT_FAULT: 'own-queue' } });
      assert.equal(code, 0, explain(result));
      const own = declaredIn(
        result.checks.flatMap((c) => c.trace).filter((i): i is AmqpFrameItem => i.kind === 'amqp-frame'),
      ).queues.filter((queue) => queue.endsWith('-kept'));
      assert.ok(own.length > 0, 'the programs declared their own queue');
      await assertNothingLeft(rabbitmqUrl, { queues: own, exchanges: [] }, 'RabbitMQ');
    });

    // The command line's way to RabbitMQ is its own test below (nothing answers); here the verdicts on it.
    test('when the solution runs against rabbitmq then every check passes, each with its trace', async () => {
      const { code, result } = await check(solution, { broker: 'rabbitmq' });
      allPassed(result);
      assert.equal(code, 0);
      assert.equal(result.broker.kind, 'external');
    });
  });

  describe('broken variants, the starter, broken programs', { concurrency: true }, () => {
    // The longest first: it waits out the wire going quiet three times and starts the programs three times.
    test('when the workers never ack then their checks fail with the trace; the responder still passes', async () => {
      // Nothing that passes here waits for the wire to go quiet, so it need not wait long for acks that never come.
      const { code, result } = await check(broken, { env: { AWT_FAULT: 'never-acks' }, quietMs: 1000 });
      assert.equal(code, 5);
      assert.deepEqual(
        failedIds(result),
        ['task-acked-once', 'fair-dispatch', 'redelivered-on-crash'],
        explain(result),
      );
      const first = result.checks[0]!;
      assert.match(first.got!, /never acknowledged/);
      assert.ok(first.trace.some((item) => (item as { method?: string }).method === 'Basic.Deliver'));
    });

    for (const fault of checkIds) {
      test(`when the solution is broken for ${fault} then only ${fault} fails, with its message, hint and trace`, async () => {
        const { code, result } = await check(broken, { env: { AWT_FAULT: fault } });
        assert.deepEqual(failedIds(result), [fault], explain(result));
        assert.equal(code, 5);
        const report = result.checks.find((c) => c.id === fault)!;
        assert.ok(report.got && report.got.length > 0);
        const texts = await exercise.texts();
        assert.equal(report.hint, texts.en.checks[fault]!.hints[0]);
        assert.ok(report.trace.length > 0);
      });
    }

    test('when the worker acks the poison message instead of rejecting it then task-acked-once fails, saying so', async () => {
      const { code, result } = await check(broken, { env: { AWT_FAULT: 'acks-poison' } });
      assert.deepEqual(failedIds(result), ['task-acked-once'], explain(result));
      assert.equal(code, 5);
      assert.match(result.checks[0]!.got!, /^order 6 \(quantity -3, never packable\) was acknowledged with Basic\.Ack/);
    });

    test('when the starter runs then every check fails, each naming what is still to do', async () => {
      // Every check fails here: none needs the wire quiet for as long as the slowest order of a solution.
      const { code, result } = await check(starter, { quietMs: 1000 });
      assert.equal(code, 5);
      assert.deepEqual(failedIds(result), checkIds);
      const got = Object.fromEntries(result.checks.map((c) => [c.id, c.got]));
      assert.match(got['task-acked-once']!, /consumes with no-ack/);
      assert.match(got['fair-dispatch']!, /consumes with no-ack/);
      assert.match(got['rpc-reply']!, /a reply without correlation-id/);
      assert.match(got['redelivered-on-crash']!, /no-ack|not delivered again/);
    });

    test('when the programs exit at once then every check fails with their exit code and output, escaped', async () => {
      const { code, result, stderr } = await checkCli(broken, [], { AWT_FAULT: 'exits' });
      assert.equal(code, 5, stderr);
      assert.deepEqual(failedIds(result), checkIds);
      for (const report of result.checks) {
        assert.match(report.got!, /ended with exit code 3 before it consumed; it wrote: cannot read the configuration/);
        // The program's colour codes are shown, not obeyed.
        assert.match(report.got!, /\\x1b\[31mno such file/);
        assert.ok(!report.got!.includes('\u001b'));
      }
      assert.doesNotMatch(stderr, /\n\s+at /);
      assert.match(stderr, /4 of 4 checks failed/);
      // With --json the report is on stdout: the hint does not point "above".
      assert.match(stderr, /The report on stdout has each failing check with its trace and hint\./);
    });
  });

  describe('the command line', { concurrency: true }, () => {
    test('when --url is given then it is a usage error (2) that says why, and nothing starts', async () => {
      const run = await runCli(['exercise', 'check', 'mq-order-worker', '--url', 'http://localhost:1/']);
      assert.equal(run.code, 2);
      assert.match(run.stderr, /--url does not apply to mq-order-worker: the check starts your programs itself/);
      assert.match(run.stderr, /--broker auto\|rabbitmq\|embedded or --amqp-url/);
      const rest = await runCli(['exercise', 'check', 'rest-books', '--broker', 'embedded']);
      assert.equal(rest.code, 2);
      assert.match(rest.stderr, /--broker does not apply to rest-books/);
    });

    test('when the folder has no programs then it is a usage error (2) naming the missing file', async () => {
      // A folder of its own: the one `start` writes below, found from here, would have the programs.
      const empty = path.join(work, 'empty');
      await mkdir(empty);
      const run = await runCli(['exercise', 'check', 'mq-order-worker', '--dir', empty, '--broker', 'embedded']);
      assert.equal(run.code, 2);
      assert.match(run.stderr, /is not the exercise folder: src\/worker\.ts and src\/responder\.ts are missing there/);
    });

    test('when RabbitMQ is asked for and nothing answers then check exits 3, as mq does', async () => {
      const run = await runCli([
        'exercise',
        'check',
        'mq-order-worker',
        '--dir',
        solution,
        '--broker',
        'rabbitmq',
        '--amqp-url',
        'amqp://guest:guest@127.0.0.1:1',
      ]);
      assert.equal(run.code, 3, run.stderr);
      assert.match(run.stderr, /No AMQP broker is reachable at amqp:\/\/guest@127\.0\.0\.1:1/);
    });

    test('when check is interrupted with Ctrl-C then no program it started is left running', () =>
      inTurn(async () => {
        const child = spawnCli(['exercise', 'check', 'mq-order-worker', '--dir', solution, '--broker', 'embedded'], {
          env: { PRICES_JSON: pricesFile },
        });
        const closed = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
        try {
          await waitForOutput(child, /Broker: /, 60_000);
          const programs = await childrenOf(child.pid!, 3);
          assert.equal(programs.length, 3);
          child.kill('SIGINT');
          assert.equal(await closed, 130);
          for (const pid of programs) assert.equal(isAlive(pid), false, `program ${pid} outlived the run`);
        } finally {
          child.kill('SIGKILL');
        }
      }));

    test('when start writes the exercise then it has both programs, prices.json from the demo and a README that runs them', async () => {
      const dir = path.join(work, 'awt-mq-order-worker');
      const run = await runCli(['exercise', 'start', 'mq-order-worker', '--dir', dir, '--lang', 'de']);
      assert.equal(run.code, 0, run.stderr);
      assert.deepEqual(JSON.parse(await readFile(path.join(dir, 'prices.json'), 'utf8')), listPrices);
      const pkg = JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8')) as {
        dependencies: Record<string, string>;
      };
      assert.deepEqual(Object.keys(pkg.dependencies), ['amqplib']);
      const readme = await readFile(path.join(dir, 'README.md'), 'utf8');
      assert.match(readme, /^# Bestell-Worker und ein Preisdienst über AMQP/);
      assert.match(readme, /```sh\nnpm run worker\n```\n\n```sh\nnpm run responder\n```/);
      assert.match(readme, /die Prüfung startet zwei Worker und den Responder selbst/);
      assert.match(run.stdout, /npx awt-demo exercise check mq-order-worker +sie prüfen/);
      assert.doesNotMatch(run.stdout, /npm start/);
    });
  });
});

/** The child processes of `pid`, once there are `count` of them (bounded wait). */
async function childrenOf(pid: number, count: number): Promise<number[]> {
  for (let i = 0; i < 200; i++) {
    const pids = childPids(pid);
    if (pids.length >= count) return pids;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return childPids(pid);
}
