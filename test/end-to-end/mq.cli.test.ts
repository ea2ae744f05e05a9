import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { AmqpFrameItem } from '../../demos/wire/amqp-frames.js';
import type { Trace } from '../../demos/wire/trace.js';
import { closedPort } from '../utils/closed-port.js';
import { quitAfterSteps, refusal, runCli, runCliOnce, type CliResult } from '../utils/cli.js';

const DOCKER =
  'docker run -d --hostname my-rabbit --name some-rabbit -p 5672:5672 -p 15672:15672 rabbitmq:3-management';
const stackTrace = /^\s+at .*:\d+:\d+\)?$/m;

/**
 * `mq --serve`, refused once the demo is loaded (exit 2): read by its own test, and timed as
 * the start-up of a run that fails before it connects anywhere.
 */
let serveRun: Promise<{ result: CliResult; ms: number }> | undefined;
const refusedServe = () =>
  (serveRun ??= (async () => {
    const started = performance.now();
    const result = await runCli(['mq', '--serve']);
    return { result, ms: performance.now() - started };
  })());

describe('awt-demo mq, through the built bin', () => {
  test('when --broker rabbitmq and --amqp-url points at a closed port then one clear message with the Docker command comes within 3 s, exit 3', async () => {
    const port = await closedPort();
    // The 3 s are the tool's own; starting node on a busy machine can take seconds more, so a
    // run that fails at once (--serve, exit 2) measured just before is the reference.
    const { result: reference, ms: startUp } = await refusedServe();
    assert.equal(reference.code, 2);
    // A URL that is no amqp:// one is a usage error, not an unreachable broker.
    assert.equal((await refusal(['mq', '--amqp-url', 'https://127.0.0.1:1', '--json'])).exitCode, 2);
    const started = performance.now();
    const result = await runCli([
      'mq',
      '--broker',
      'rabbitmq',
      '--amqp-url',
      `amqp://guest:guest@127.0.0.1:${port}`,
      '--json',
    ]);
    const ms = performance.now() - started;
    assert.equal(result.code, 3, result.stderr);
    assert.ok(ms < startUp + 3000, `${ms} ms, start-up alone ${startUp} ms`);
    assert.equal(result.stdout, '');
    const lines = result.stderr.trim().split('\n');
    assert.equal(lines.length, 2, result.stderr);
    assert.equal(
      lines[0],
      `awt-demo: No AMQP broker is reachable at amqp://guest@127.0.0.1:${port}: nothing accepts connections there (ECONNREFUSED).`,
    );
    assert.ok(lines[1]!.includes(DOCKER), lines[1]);
    assert.match(lines[1]!, /sudo apt install rabbitmq-server/);
    assert.doesNotMatch(result.stderr, stackTrace);
  });

  test('when AWT_BROKER=rabbitmq, AMQP_URL names a closed port and the language is German then the message is German, exit 3', async () => {
    const port = await closedPort();
    const result = await runCli(['mq', '--lang', 'de'], {
      env: { AMQP_URL: `amqp://reader:geheim@127.0.0.1:${port}`, AWT_BROKER: 'rabbitmq' },
    });
    assert.equal(result.code, 3, result.stderr);
    assert.match(
      result.stderr,
      new RegExp(
        `^awt-demo: Unter amqp://reader@127\\.0\\.0\\.1:${port} ist kein AMQP-Broker erreichbar: Dort nimmt niemand Verbindungen an`,
      ),
    );
    assert.ok(result.stderr.includes(DOCKER));
    assert.match(result.stderr, /Paket der Distribution: sudo apt install rabbitmq-server/);
    assert.doesNotMatch(result.stderr, /geheim/);
    assert.doesNotMatch(result.stderr, stackTrace);
  });

  test('when --json runs then every step, frame and fact is there as data, each frame with its party', async () => {
    // The run mq.broker-cli asks which broker it used.
    const result = await runCliOnce(['mq', '--json']);
    assert.equal(result.code, 0, result.stderr);
    const trace = JSON.parse(result.stdout) as Trace;
    assert.equal(trace.demo, 'mq');
    assert.equal(trace.steps.length, 14);
    for (const step of trace.steps) {
      assert.ok(step.facts.length > 0, step.id);
      const frames = step.items as AmqpFrameItem[];
      assert.ok(frames.length > 0 && frames.every((f) => f.kind === 'amqp-frame' && f.party?.name), step.id);
    }
    const all = trace.steps.flatMap((s) => s.items as AmqpFrameItem[]);
    assert.ok(all.some((f) => f.method === 'Basic.Deliver' && f.fields?.redelivered === true));
    const logins = all.filter((f) => f.method === 'Connection.StartOk').map((f) => f.fields?.response);
    assert.ok(
      logins.length > 0 && logins.every((r) => /^\u2400[^\u2400]*\u2400<redacted>$/.test(String(r))),
      'no password in the trace',
    );
  });

  test('when it runs in German at 80 columns then the steps, the diagram and the facts fit and speak German', async () => {
    const result = await runCli(['mq', '--lang', 'de', '--width', '80']);
    assert.equal(result.code, 0, result.stderr);
    for (let i = 1; i <= 14; i++) assert.match(result.stdout, new RegExp(`━━ Schritt ${i}/14 `));
    assert.match(result.stdout, /Verbindungsaufbau: AMQP 0-9-1/);
    assert.match(
      result.stdout,
      /✔ Der Broker stellte Bestellung \d+ noch\s+einmal\s+zu,\s+an\s+Worker\s+2,\s+mit\s+redelivered=true\./, // facts wrap at 80 columns
    );
    const wide = result.stdout.split('\n').filter((line) => [...line].length > 80);
    assert.deepEqual(wide, []);
  });

  test('when --serve or --schema is given then the mq demo says it has neither, exit 2', async () => {
    const serve = (await refusedServe()).result;
    assert.equal(serve.code, 2);
    assert.match(serve.stderr, /The mq demo has no server to keep running/);
    // Refused the same way once the demo is loaded: asked in this process.
    const schema = await refusal(['mq', '--schema']);
    assert.equal(schema.exitCode, 2);
    assert.match(schema.lines[0]!, /The mq demo has no contract to print/);
  });

  test('when --step reads "q" after the first step then it stops cleanly', async () => {
    await quitAfterSteps('mq', 1, 14);
  });
});
