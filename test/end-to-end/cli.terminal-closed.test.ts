/**
 * A terminal closed under a running demo (its window shut): the CLI cleans up and ends by
 * the hangup itself, as a program without a handler would, never by Node's abort while
 * it puts back the settings of a terminal that is gone, and never lives on unnoticed.
 * A small parent on the terminal (as npx is) outlives the hangup to write down how the CLI
 * ended. Two terminals: `script` (util-linux), and Python's pty, where that parent is the
 * session's leader: the kernel signals the hangup to it alone, and the CLI, waiting for a
 * key, learns of it from its input's end.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
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

/** A terminal from Python's pty: the command is the session's leader; closing the terminal ends the script. */
const pythonTerminal = `
import os, pty, sys
pid, fd = pty.fork()
if pid == 0:
    os.execv(sys.argv[1], sys.argv[1:])
while True:
    try:
        data = os.read(fd, 65536)
    except OSError:
        break
    if not data:
        break
    sys.stdout.buffer.write(data)
    sys.stdout.flush()
`;

// eslint-disable-next-line no-control-regex -- the ESC of ANSI colour codes is the point
const colour = /\x1b\[[0-9;]*m/g;

async function closeUnderRunningDemo(terminal: 'script' | 'pty'): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'awt-hangup-'));
  const ended = path.join(dir, 'ended');
  const parentFile = path.join(dir, 'parent.cjs');
  await writeFile(parentFile, parent);
  const command = [process.execPath, parentFile, ended, process.execPath, binPath, 'rest'];
  const child =
    terminal === 'script'
      ? spawn('script', ['-qefc', command.map((word) => `'${word}'`).join(' '), '/dev/null'], { env: cliEnv() })
      : spawn('python3', ['-c', pythonTerminal, ...command], { env: cliEnv() });
  try {
    await new Promise<void>((resolve, reject) => {
      let seen = '';
      const timer = setTimeout(
        () => reject(new Error(`no first step within 30 s; saw ${JSON.stringify(seen)}`)),
        30_000,
      );
      child.stdout!.on('data', (chunk: Buffer) => {
        seen += chunk.toString();
        // The status line once the step has run ("running …" before): the pager waits for a key.
        if (/rest · Step 1\/8 {2,}Enter next/.test(seen.replace(colour, ''))) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    // The window goes away: the terminal hangs up, its input ends, and every write to it fails (EIO).
    child.kill('SIGKILL');
    let how = '';
    for (let i = 0; i < 150 && how === ''; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      how = await readFile(ended, 'utf8').catch(() => '');
    }
    return how;
  } finally {
    child.kill('SIGKILL');
    await rm(dir, { recursive: true, force: true });
  }
}

describe('a terminal closed under a running demo', { concurrency: true }, () => {
  test('when the terminal closes then the CLI ends by the hangup (SIGHUP), not an abort', async () => {
    assert.equal(await closeUnderRunningDemo('script'), 'SIGHUP');
  });

  test('when the CLI is not the one the kernel tells of the hangup then the end of its keys ends it the same way', async () => {
    assert.equal(await closeUnderRunningDemo('pty'), 'SIGHUP');
  });
});
