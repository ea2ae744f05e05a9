import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { binPath, cliEnv } from './utils/cli.js';

const heavy = ['express', 'graphql', 'graphql-http', 'soap', 'ws', 'amqplib', '@inquirer/prompts', 'chalk'];
const hook = fileURLToPath(new URL('./utils/record-imports.mjs', import.meta.url));

/** The bare package names a run of the CLI resolved. */
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
    return new Set(specifiers.map((s) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0]!)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('lazy loading', () => {
  test('when --help runs then no heavy module is loaded', () => {
    const loaded = packagesLoaded(['--help']);
    assert.ok(loaded.has('commander'), 'the recorder works: it saw commander');
    assert.deepEqual(
      heavy.filter((name) => loaded.has(name)),
      [],
    );
  });

  test('when list runs then no heavy module is loaded either', () => {
    const loaded = packagesLoaded(['list']);
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
