/**
 * A terminal closed under a running demo (its window shut): the CLI cleans up and ends by
 * the hangup itself, as a program without a handler would, never by Node's abort while
 * it puts back the settings of a terminal that is gone. `script` (util-linux) gives the
 * CLI a pseudo-terminal; a small parent on that terminal outlives the hangup to write down
 * how the CLI ended.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { binPath, cliEnv } from '../utils/cli.js';

/** Runs the command after `--`, ignores the hangup itself, and writes how its child ended to the file given first. */
const parent = `
const { spawn } = require('node:child_process');
const { writeFileSync } = require('node:fs');
const [file, ...command] = process.argv.slice(2);
process.on('SIGHUP', () => undefined);
const child = spawn(command[0], command.slice(1), { stdio: 'inherit' });
child.on('exit', (code, signal) => writeFileSync(file, signal ?? 'exit code ' + code));
`;

test('when the terminal closes under a running demo then the CLI ends by the hangup (SIGHUP), not an abort', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'awt-hangup-'));
  const ended = path.join(dir, 'ended');
  const parentFile = path.join(dir, 'parent.cjs');
  await writeFile(parentFile, parent);
  const command = [process.execPath, parentFile, ended, process.execPath, binPath, 'rest'].map((word) => `'${word}'`);
  const script = spawn('script', ['-qefc', command.join(' '), '/dev/null'], { env: cliEnv(), stdio: 'pipe' });
  try {
    await new Promise<void>((resolve, reject) => {
      let seen = '';
      const timer = setTimeout(
        () => reject(new Error(`no first step within 30 s; saw ${JSON.stringify(seen)}`)),
        30_000,
      );
      script.stdout!.on('data', (chunk: Buffer) => {
        seen += chunk.toString();
        if (/Step 1\/8/.test(seen)) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    // The window goes away: the terminal hangs up, and every write to it fails (EIO).
    script.kill('SIGKILL');
    let how = '';
    for (let i = 0; i < 150 && how === ''; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      how = await readFile(ended, 'utf8').catch(() => '');
    }
    assert.equal(how, 'SIGHUP');
  } finally {
    script.kill('SIGKILL');
    await rm(dir, { recursive: true, force: true });
  }
});
