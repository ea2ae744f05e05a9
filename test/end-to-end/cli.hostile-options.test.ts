/** Bad values on the command line or in a file: a clear error and exit code, before anything is measured. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { refusal, runCli } from '../utils/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'awt-options-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** A comparison with the right top-level arrays and a wrong inside. */
const shapes: Record<string, unknown> = {
  'cells-not-objects': { lang: 'en', paradigms: ['rest'], setup: {}, useCases: [{ id: 1, title: 'x', cells: 7 }] },
  'measurement-missing': {
    lang: 'en',
    paradigms: ['rest'],
    setup: {},
    useCases: [{ id: 1, title: 'x', cells: { rest: { fit: true } } }],
  },
  'bytes-are-strings': {
    lang: 'en',
    paradigms: ['rest'],
    setup: {},
    useCases: [
      {
        id: 1,
        title: 'x',
        cells: {
          rest: {
            fit: true,
            measurement: {
              roundTrips: 1,
              connections: 1,
              up: { total: '1', overhead: 1, payload: 0 },
              down: { total: 1, overhead: 1, payload: 0 },
              fieldsReceived: null,
              fieldsNeeded: null,
              latencyMs: 1,
              repetitions: 1,
            },
          },
        },
      },
    ],
  },
  'unknown-paradigm': { lang: 'en', paradigms: ['corba'], setup: {}, useCases: [] },
  'use-case-strings': { lang: 'en', paradigms: [], setup: {}, useCases: ['1', '2'] },
};

// Each test is its own child processes, on files of its own: side by side.
describe('options and files that do not fit', { concurrency: true }, () => {
  // The shape check, in this process: a file that gets past it and crashes the renderer
  // throws something other than the tool's error, and refusal() passes that on. The same
  // error printed by the bin, exit 4: cli.compare's test of a file that is not a comparison.
  test('when table --from has the right arrays but a wrong inner shape then it is a clear error, exit 4', async () => {
    for (const [name, data] of Object.entries(shapes)) {
      const file = join(dir, `${name}.json`);
      writeFileSync(file, JSON.stringify(data));
      const { exitCode, lines } = await refusal(['table', '--from', file]);
      assert.equal(exitCode, 4, `${name}: ${lines.join('\n')}`);
      assert.match(lines[0]!, /is not a comparison written by "awt-demo compare --json"/, name);
    }
  });

  test('when compare or table get a garbage --amqp-url then they refuse it as bench does, exit 2, before measuring', async () => {
    for (const command of ['compare', 'table']) {
      const narrow = command === 'compare' ? ['--only', 'rest'] : [];
      const result = await runCli([command, '--amqp-url', 'not a url', ...narrow, '--repeat', '1'], {
        timeoutMs: 20_000,
      });
      assert.equal(result.code, 2, `${command}: ${result.stderr}`);
      assert.match(result.stderr, /Invalid value "not a url" for --amqp-url/);
      assert.equal(result.stdout, '');
    }
  });

  test('when --width is out of range then compare and table say so before measuring anything', async () => {
    for (const command of ['compare', 'table']) {
      const narrow = command === 'compare' ? ['--only', 'rest'] : [];
      const result = await runCli([command, '--width', '5', ...narrow, '--repeat', '1'], { timeoutMs: 20_000 });
      assert.equal(result.code, 2, `${command}: ${result.stderr}`);
      assert.match(result.stderr, /Invalid value "5" for --width: expected 40–400/);
      // Measuring would have printed progress or a table first.
      assert.equal(result.stdout, '');
    }
  });
});
