import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import type { Comparison } from '../../demos/compare/types.js';
import { numberWords } from '../../demos/core/numbers.js';
import { refusal, runCli, runCliOnce } from '../utils/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'awt-compare-'));
/** A run that measures starts every server it compares: on a busy machine that takes a while. */
const measuring = 120_000;

/** One narrowed compare --json run, read by the test of --only and --case and written for table --from. */
const narrowed = () =>
  runCliOnce(['compare', '--only', 'rest', '--case', '1,5', '--repeat', '1', '--json'], { timeoutMs: measuring });
let written: Promise<string> | undefined;
const compareJson = () =>
  (written ??= narrowed().then((result) => {
    assert.equal(result.code, 0, result.stderr);
    const file = join(dir, 'compare.json');
    writeFileSync(file, result.stdout);
    return file;
  }));

// The tests are independent child processes (the table test waits for the one compare run it
// reads), so two run side by side: most of each is a process starting and servers waiting.
describe('compare and table, through the built bin', { concurrency: 2 }, () => {
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('when compare --json is narrowed with --only and --case then only those cells are measured', async () => {
    const result = await narrowed();
    assert.equal(result.code, 0, result.stderr);
    const comparison = JSON.parse(result.stdout) as Comparison;
    assert.deepEqual(comparison.paradigms, ['rest']);
    assert.deepEqual(
      comparison.useCases.map((u) => u.id),
      [1, 5],
    );
  });

  test('when compare runs on a narrow terminal then the paradigms stack into blocks', async () => {
    // Two paradigms are enough to stack; the others would only cost their servers.
    const result = await runCli(
      ['compare', '--only', 'rest,graphql', '--case', '1', '--repeat', '1', '--width', '40', '--lang', 'de'],
      { timeoutMs: measuring },
    );
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^REST$/m);
    assert.match(result.stdout, /^GraphQL$/m);
    assert.match(result.stdout, /Felder erhalten \/ gebraucht +36 \/ 12/);
  });

  test('when an option names an unknown paradigm or use case then it says which are valid, exit 2', async () => {
    const only = await runCli(['compare', '--only', 'rest,corba']);
    assert.equal(only.code, 2);
    assert.match(only.stderr, /Invalid value "rest,corba" for --only: expected rest, graphql/);
    // The same error, printed by the same code: asked in this process.
    const useCase = await refusal(['compare', '--case', '9']);
    assert.equal(useCase.exitCode, 2);
    assert.match(useCase.lines[0]!, /--case: expected 1, 2, 3, 4, 5, 6/);
    assert.equal((await refusal(['compare', '--json', '--csv'])).exitCode, 2);
  });

  test('when table reads a compare --json file then the measured rows come from it, in Markdown too', async () => {
    const file = await compareJson();
    const result = await runCli(['table', '--from', file, '--markdown']);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^\| Criterion \| SOAP \| REST \| GraphQL \| WebSocket\* \| Message queue\* \|$/m);
    assert.match(result.stdout, /^\| Caching \| complex, rarely used \| well supported by HTTP caching \|/m);
    // The correction of the lecture notes is marked in its cell and explained once.
    assert.match(result.stdout, /^\| Endpoints \| one per service, not one per operation: .* † \|/m);
    assert.match(result.stdout, /^† Correction of the lecture notes, which say "several, one per operation"/m);
    assert.match(result.stdout, /^\\\* Addition: WebSocket and message queues are not in the lecture notes' table/m);
    const rest = (JSON.parse(readFileSync(file, 'utf8')) as Comparison).useCases[0]!.cells.rest;
    assert.ok(rest?.fit === true);
    const bytes = rest.measurement.up.total + rest.measurement.down.total;
    assert.match(
      result.stdout,
      new RegExp(`^\\| list \\(1\\): bytes on the wire \\| — \\| ${numberWords('en').bytes(bytes)} \\|`, 'm'),
    );
  });

  test('when table is given a file that is not a comparison then it says so, exit 4', async () => {
    writeFileSync(join(dir, 'bad.json'), '{"hello": 1}');
    const bad = await runCli(['table', '--from', join(dir, 'bad.json')]);
    assert.equal(bad.code, 4);
    assert.match(bad.stderr, /is not a comparison written by "awt-demo compare --json"/);
    assert.match(bad.stderr, /awt-demo compare --json > compare\.json/);
    assert.doesNotMatch(bad.stderr, /at .*\.js:\d+|bug/);
    // The same error for another reason, printed by the same code: asked in this process.
    const missing = await refusal(['table', '--from', join(dir, 'nope.json'), '--lang', 'de']);
    assert.equal(missing.exitCode, 4);
    assert.match(missing.lines[0]!, /lässt sich nicht lesen \(ENOENT\)/);
  });

  test('when table runs in German on a wide terminal then criteria and measured rows fit the width', async () => {
    const result = await runCli(['table', '--lang', 'de', '--width', '140', '--repeat', '1'], { timeoutMs: measuring });
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^Kriterium +SOAP +REST +GraphQL +WebSocket\* +Message Queue\*$/m);
    assert.match(result.stdout, /^Endpunkte +einer je Dienst,/m);
    assert.match(result.stdout, /^† Korrektur der Vorlesungsnotizen, dort steht „Mehrere, pro Operation“/m);
    assert.match(result.stdout, /^Gemessen in diesem Lauf$/m);
    for (const line of result.stdout.split('\n')) assert.ok([...line].length <= 140, line);
  });
});
