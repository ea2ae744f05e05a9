import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseBenchOptions } from '../../bin/commands/bench.js';
import type { BenchReport } from '../../demos/bench/run-bench.js';
import { isAwtError } from '../../demos/core/errors.js';
import { runCli, runCliOnce } from '../utils/cli.js';

const env = { LANG: 'C' };

function refused(raw: Parameters<typeof parseBenchOptions>[0], option: string): void {
  assert.throws(
    () => parseBenchOptions(raw, env),
    (error) =>
      isAwtError(error) && error.code === 'AWT_BAD_OPTION' && (error.params as { option: string }).option === option,
  );
}

describe('awt-demo bench options', () => {
  test('when no option is given then it runs every paradigm, 10 connections, 3 s each', () => {
    const options = parseBenchOptions({}, env);
    assert.deepEqual(options.ids.slice(0, 3), ['reference', 'rest', 'graphql']);
    assert.equal(options.concurrency, 10);
    assert.equal(options.durationMs, 3000);
  });

  test('when --only leaves out the reference then it runs all the same, first, since every ratio needs it', () => {
    assert.deepEqual(parseBenchOptions({ only: 'graphql, REST' }, env).ids, ['reference', 'rest', 'graphql']);
  });

  test('when --duration is a decimal then it is taken in seconds', () => {
    assert.equal(parseBenchOptions({ duration: '1.5' }, env).durationMs, 1500);
  });

  test('when --duration is 0 or not a number then it is refused', () => {
    refused({ duration: '0' }, '--duration');
    refused({ duration: 'abc' }, '--duration');
    refused({ duration: '-3' }, '--duration');
    refused({ duration: '301' }, '--duration');
  });

  test('when --concurrency is 0, a fraction or above 1000 then it is refused', () => {
    refused({ concurrency: '0' }, '--concurrency');
    refused({ concurrency: '2.5' }, '--concurrency');
    refused({ concurrency: '1001' }, '--concurrency');
  });

  test('when --only names an unknown paradigm or nothing then it is refused', () => {
    refused({ only: 'grpc' }, '--only');
    refused({ only: '' }, '--only');
    refused({ only: 'rest,' }, '--only');
  });

  test('when --width or --lang is bad then it is refused', () => {
    refused({ width: '10' }, '--width');
    refused({ lang: 'fr' }, '--lang');
  });

  test('when --amqp-url is no amqp:// URL then it is refused before any server starts', () => {
    refused({ amqpUrl: 'localhost:5672' }, '--amqp-url');
    refused({ amqpUrl: 'amqps://guest:guest@127.0.0.1:5671' }, '--amqp-url');
    assert.equal(
      parseBenchOptions({ amqpUrl: 'amqp://u:p@10.0.0.1:5673/shop' }, env).amqpUrl,
      'amqp://u:p@10.0.0.1:5673/shop',
    );
  });
});

/**
 * One run for the two tests that measure: a row each for the reference and REST, and the
 * message queue's row skipped, since nothing answers at the --amqp-url. Half a second of
 * load per row (after a sixth of a second of warm-up, the shortest bench allows) is
 * thousands of requests; every row the run measures costs that much CPU.
 */
const measured = () =>
  runCliOnce([
    'bench',
    '--duration',
    '0.5',
    '--only',
    'reference,rest,mq',
    '--amqp-url',
    'amqp://guest:guest@127.0.0.1:1',
    '--broker',
    'rabbitmq',
    '--json',
  ]);

// Child processes side by side (the two tests that measure read one). No test here measures
// speed, only that the numbers agree with each other, so a busy machine changes nothing they check.
describe('awt-demo bench, through the built bin', { concurrency: true }, () => {
  test('when it runs with --json then the rows are there and each ratio is its req/s over the reference’s', async () => {
    const result = await measured();
    assert.equal(result.code, 0, result.stderr);
    const report = JSON.parse(result.stdout) as BenchReport;
    assert.equal(report.tap, false);
    assert.equal(report.concurrency, 10);
    assert.equal(report.durationSeconds, 0.5);
    assert.deepEqual(
      report.rows.map((row) => row.id),
      ['reference', 'rest', 'mq'],
    );
    const [reference, rest] = report.rows;
    for (const row of [reference!, rest!]) {
      assert.ok(row.requests > 0 && row.errors === 0, `${row.id}: ${row.requests} requests, ${row.errors} errors`);
      assert.ok(row.cpuMicrosPerRequest! > 0);
      assert.ok(Math.abs(row.requestsPerSecond - row.requests / row.seconds) / row.requestsPerSecond < 0.01);
      const l = row.latencyMs!;
      assert.ok(l.median <= l.p90 && l.p90 <= l.p99 && l.p99 <= l.max, JSON.stringify(l));
    }
    assert.equal(reference!.ratio, 1);
    assert.ok(Math.abs(rest!.ratio! - rest!.requestsPerSecond / reference!.requestsPerSecond) < 1e-3);
    // Piped, progress is one line per paradigm on stderr, no carriage returns.
    assert.match(result.stderr, /^✔ node:http: [\d,]+ requests in [\d.]+ s, [\d,]+ req\/s\n✔ REST: /);
    assert.doesNotMatch(result.stderr, /\r/);
  });

  test('when --broker rabbitmq and --amqp-url names no broker then the mq row is skipped with the reason and the others run', async () => {
    const result = await measured();
    assert.equal(result.code, 0, result.stderr);
    const [reference, rest, mq] = (JSON.parse(result.stdout) as BenchReport).rows;
    assert.equal(reference!.id, 'reference');
    assert.ok(reference!.requests > 0 && rest!.requests > 0);
    assert.equal(mq!.id, 'mq');
    assert.match(mq!.skipped ?? '', /No AMQP broker is reachable at amqp:\/\/guest@127\.0\.0\.1:1: nothing accepts/);
    assert.match(result.stderr, /⚠ AMQP: skipped/);
  });

  test('when an option is bad then one line names it, exit 2, and no server starts', async () => {
    const result = await runCli(['bench', '--concurrency', 'many']);
    assert.equal(result.code, 2);
    assert.equal(result.stdout, '');
    assert.equal(
      result.stderr,
      'awt-demo: Invalid value "many" for --concurrency: expected 1–1000.\n  Run "awt-demo --help" for the options.\n',
    );
  });

  test('when bench --help runs in German then its options are explained in German', async () => {
    const result = await runCli(['bench', '--help', '--lang', 'de']);
    assert.equal(result.code, 0);
    assert.match(result.stdout, /--duration <Sekunden> +Sekunden Last je Paradigma/);
    assert.match(result.stdout, /--only <IDs> +die Paradigmen/);
  });
});
