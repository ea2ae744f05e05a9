import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { runCliRecordingImports } from '../utils/cli.js';

const heavy = ['express', 'graphql', 'graphql-http', 'soap', 'ws', 'amqplib', 'chalk'];

/** The bare package names a run of the CLI resolved (and, as they were written, the relative ones). */
async function packagesLoaded(args: string[]): Promise<Set<string>> {
  const run = await runCliRecordingImports(args);
  assert.equal(run.code, 0, run.stderr);
  const name = (s: string) =>
    s.startsWith('.') ? s : s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0]!;
  return new Set(run.specifiers.map(name));
}

describe('lazy loading', () => {
  test('when --help runs then it takes the CommonJS fast path and loads no heavy module', async () => {
    const loaded = await packagesLoaded(['--help']);
    assert.ok(loaded.has('./help.cjs'), 'the recorder works: it saw the help bundle');
    assert.equal(loaded.has('./awt-demo.js'), false);
    assert.deepEqual(
      heavy.filter((name) => loaded.has(name)),
      [],
    );
  });

  test('when list runs then no heavy module is loaded either', async () => {
    const loaded = await packagesLoaded(['list']);
    assert.ok(loaded.has('commander'), 'the recorder works: it saw commander');
    assert.deepEqual(
      heavy.filter((name) => loaded.has(name)),
      [],
    );
  });

  test('when the graphql demo runs then graphql and express are loaded (the recorder can fail)', async () => {
    // The run whose trace cli.e2e's test of graphql --json reads.
    const loaded = await packagesLoaded(['graphql', '--json']);
    assert.ok(loaded.has('graphql') && loaded.has('express'));
  });
});
