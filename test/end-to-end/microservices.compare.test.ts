/**
 * `awt-demo compare microservices`: the price of the split measured on its own, with real
 * processes over loopback. The facts that do not depend on timing (round trips, which
 * processes served the page) are checked exactly, the JSON against the table.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { runCli } from '../utils/cli.js';

interface Side {
  roundTrips: number;
  bytes: number;
  latencyMs: number;
  processes: string[];
  rssBytes: number;
}
interface View {
  view: string;
  lang: string;
  runs: number;
  monolith: Side;
  microservices: Side;
  ratios: { roundTrips: number; bytes: number; latency: number };
}

/** The one --json run, read by the tests of its numbers while the table and the errors run beside it. */
let measured: Promise<View> | undefined;
const json = () =>
  (measured ??= runCli(['compare', 'microservices', '--json', '--repeat', '2'], { timeoutMs: 120_000 }).then(
    (result) => {
      assert.equal(result.code, 0, result.stderr);
      return JSON.parse(result.stdout) as View;
    },
  ));

describe('awt-demo compare microservices', { concurrency: true }, () => {
  test('when the monolith serves the page then it is one round trip in one process', async () => {
    const view = await json();
    assert.equal(view.view, 'microservices');
    assert.equal(view.runs, 2);
    assert.equal(view.monolith.roundTrips, 1);
    assert.deepEqual(view.monolith.processes, ['monolith']);
    assert.ok(view.monolith.rssBytes > 0);
  });

  test('when the services serve the page then the gateway, the registry, catalog and reviews take part, in more round trips and bytes', async () => {
    const view = await json();
    const micro = view.microservices;
    // The client's request, two lookups in the registry, the catalog, the reviews.
    assert.equal(micro.roundTrips, 5);
    assert.equal(micro.processes[0], 'gateway');
    assert.deepEqual([...micro.processes].sort(), ['catalog', 'gateway', 'registry', 'reviews-1']);
    assert.ok(micro.bytes > view.monolith.bytes);
    assert.ok(micro.rssBytes > view.monolith.rssBytes);
    assert.equal(view.ratios.roundTrips, 5);
    assert.equal(view.ratios.bytes, micro.bytes / view.monolith.bytes);
    assert.equal(view.ratios.latency, micro.latencyMs / view.monolith.latencyMs);
  });

  test('when shown as a table in German then the same rows, with German numbers', async () => {
    const result = await runCli(['compare', 'microservices', '--repeat', '1', '--lang', 'de', '--width', '100'], {
      timeoutMs: 120_000,
    });
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /Microservices gegen den Monolithen/);
    assert.match(result.stdout, /Round Trips\s+1\s+5\n/);
    assert.match(result.stdout, /Prozesse\s+1\s+4\n/);
    assert.match(result.stdout, /das 5,0-Fache an Round Trips/);
    assert.match(result.stdout, /Latenz \(ms\)\s+\d+,\d+\s+\d+,\d+/);
  });

  test('when the view is unknown or an option does not apply then exit 2 with what is expected', async () => {
    const [unknown, only] = await Promise.all([
      runCli(['compare', 'corba']),
      runCli(['compare', 'microservices', '--only', 'rest']),
    ]);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /compare <view>.*expected microservices/);
    assert.equal(only.code, 2);
    assert.match(only.stderr, /--only/);
  });
});
