import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { binPath, cliEnv } from '../utils/cli.js';

const heavy = ['express', 'graphql', 'graphql-http', 'soap', 'ws', 'amqplib', 'chalk'];
const hook = fileURLToPath(new URL('../utils/record-imports.mjs', import.meta.url));

/** The bare package names a run of the CLI resolved (and, as they were written, the relative ones). */
function packagesLoaded(args: string[]): Set<string> {
  const dir = mkdtempSync(join(tmpdir(), 'awt-imports-'));
  const log = join(dir, 'imports.log');
  try {
    const run = spawnSync(process.execPath, ['--import', hook, binPath, ...args], {
      env: cliEnv({ AWT_IMPORT_LOG: log }),
      encoding: 'utf8',
    });
    assert.equal(run.status, 0, run.stderr);
    const specifiers = readFileSync(log, 'utf8').split('\n').filter(Boolean);
    const name = (s: string) =>
      s.startsWith('.') ? s : s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0]!;
    return new Set(specifiers.map(name));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('lazy loading', () => {
  test('when --help runs then it takes the CommonJS fast path and loads no heavy module', () => {
    const loaded = packagesLoaded(['--help']);
    assert.ok(loaded.has('./help.cjs'), 'the recorder works: it saw the help bundle');
    assert.equal(loaded.has('./awt-demo.js'), false);
    assert.deepEqual(
      heavy.filter((name) => loaded.has(name)),
      [],
    );
  });

  test('when list runs then no heavy module is loaded either', () => {
    const loaded = packagesLoaded(['list']);
    assert.ok(loaded.has('commander'), 'the recorder works: it saw commander');
    assert.deepEqual(
      heavy.filter((name) => loaded.has(name)),
      [],
    );
  });

  test('when the graphql demo runs then graphql and express are loaded (the recorder can fail)', () => {
    const loaded = packagesLoaded(['graphql', '--json']);
    assert.ok(loaded.has('graphql') && loaded.has('express'));
  });
});
