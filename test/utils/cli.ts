/** Runs the built CLI (dist/bin/awt-demo.js) as a user would, never on a TTY. */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const binPath = fileURLToPath(new URL('../../dist/bin/launch.cjs', import.meta.url));

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  env?: Record<string, string | undefined>;
  input?: string;
  timeoutMs?: number;
}

/** A clean environment: English, no colour forcing, no inherited LANG. */
export function cliEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    LANG: 'C',
    LC_ALL: '',
    LC_MESSAGES: '',
    NO_COLOR: '',
    FORCE_COLOR: undefined,
  };
  delete env.FORCE_COLOR;
  delete env.NODE_OPTIONS;
  for (const [key, value] of Object.entries(extra)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}

export function runCli(args: string[], options: CliOptions = {}): Promise<CliResult> {
  return runNode([binPath, ...args], options);
}

/** Runs node with `argv` (a script and its arguments) in the CLI's clean environment. */
export function runNode(argv: string[], options: CliOptions = {}): Promise<CliResult> {
  const child = spawn(process.execPath, argv, { env: cliEnv(options.env), stdio: 'pipe' });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin!.end(options.input ?? '');
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 30_000);
  return new Promise((resolve) => {
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

/**
 * `awt-demo <demo> --step` given Enter `steps` times and then "q" from a pipe: it must show
 * exactly those steps of `total` and stop cleanly. The result, for more questions.
 */
export async function quitAfterSteps(demo: string, steps: number, total: number): Promise<CliResult> {
  const result = await runCli([demo, '--step'], { input: `${'\n'.repeat(steps)}q\n` });
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, new RegExp(`━━ Step ${steps}/${total} `));
  assert.doesNotMatch(result.stdout, new RegExp(`━━ Step ${steps + 1}/${total} `));
  assert.match(result.stdout, /Stopped\. Every server and connection is closed\./);
  return result;
}

/**
 * The same run, spawned once per test process however many tests read it: a demo run costs
 * a second or more of CPU, and tests that ask different questions of one output need one run.
 */
const runs = new Map<string, Promise<CliResult>>();
export function runCliOnce(args: string[], options: CliOptions = {}): Promise<CliResult> {
  const key = JSON.stringify([args, options.env ?? {}, options.input ?? '']);
  let run = runs.get(key);
  if (!run) runs.set(key, (run = runCli(args, options)));
  return run;
}

export function spawnCli(args: string[], options: CliOptions = {}): ChildProcess {
  return spawn(process.execPath, [binPath, ...args], { env: cliEnv(options.env), stdio: 'pipe' });
}

/**
 * Resolves with everything printed from now on once `pattern` shows up on stdout. The timeout only
 * guards against a hang: on a shared 2-core machine a demo can take seconds to start. It stops
 * listening once settled: a server under attack prints hundreds of kilobytes afterwards, and
 * matching the pattern against all of it again per chunk cost more than the server's own start.
 */
export function waitForOutput(child: ChildProcess, pattern: RegExp, timeoutMs = 30_000): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      if (!pattern.test(seen)) return;
      settle();
      resolve(seen);
    };
    const settle = () => {
      clearTimeout(timer);
      child.stdout!.off('data', onData);
    };
    const timer = setTimeout(() => {
      settle();
      reject(new Error(`timed out waiting for ${pattern}; saw:\n${seen}`));
    }, timeoutMs);
    child.stdout!.on('data', onData);
  });
}

// eslint-disable-next-line no-control-regex -- matching the ESC of ANSI colour codes is the point
export const ansi = /\x1b\[[0-9;]*m/;

/** Whether a process of this id still runs (signal 0 only asks). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
