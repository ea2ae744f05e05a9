/** Runs the built CLI (dist/bin/awt-demo.js) as a user would, never on a TTY. */
import assert from 'node:assert/strict';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { oncePerKey } from './once-per-key.js';

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
  // Extra CA certificates (set machine-wide here, for the npm registry) are parsed by every
  // node at start-up: 0.1 s of CPU each, four times node's own start, in hundreds of child
  // processes. Nothing a test starts speaks TLS to anyone.
  delete env.NODE_EXTRA_CA_CERTS;
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
 * `awt-demo <demo> --step ...options` given Enter `steps` times and then "q" from a pipe,
 * spawned once however many tests read it: the snapshots pin these runs, and other tests
 * ask the same runs about --step.
 */
export function stepRun(demo: string, steps: number, options: string[] = []): Promise<CliResult> {
  return runCliOnce([demo, '--step', ...options], { input: `${'\n'.repeat(steps)}q\n` });
}

/** The view the snapshots pin (test/end-to-end/cli.snapshots.test.ts): no colour, 100 columns. */
export const pinnedView = (lang: 'en' | 'de') => ['--no-color', '--width', '100', '--lang', lang];

/**
 * A --step run (see stepRun) in English must show exactly `steps` steps of `total` and stop
 * cleanly. The result, for more questions.
 */
export async function quitAfterSteps(
  demo: string,
  steps: number,
  total: number,
  options: string[] = [],
): Promise<CliResult> {
  const result = await stepRun(demo, steps, options);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, new RegExp(`━━ Step ${steps}/${total} `));
  assert.doesNotMatch(result.stdout, new RegExp(`━━ Step ${steps + 1}/${total} `));
  assert.match(result.stdout, /Stopped\. Every server and connection is closed\./);
  return result;
}

/**
 * The same run, spawned once per test process however many tests read it: a demo run costs
 * a second or more of CPU, and tests that ask different questions of one output need one run.
 * All of test/end-to-end/ is one process, so tests in different files share runs this way too.
 */
const runs = oncePerKey<CliResult>();
export function runCliOnce(args: string[], options: CliOptions = {}): Promise<CliResult> {
  return runs(JSON.stringify([args, options.env ?? {}, options.input ?? '']), () => runCli(args, options));
}

/**
 * A run of the built bin with every module specifier it resolved, in the order resolved:
 * node preloads test/utils/record-imports.mjs, which writes them to a file. The output is
 * the run's as without it, so a test of the output reads the same run as a test of what it
 * loaded. Spawned once per args, like runCliOnce.
 */
const recordedRuns = oncePerKey<CliResult & { specifiers: string[] }>();
export function runCliRecordingImports(args: string[]): Promise<CliResult & { specifiers: string[] }> {
  return recordedRuns(JSON.stringify(args), () => recordImports(args));
}

async function recordImports(args: string[]): Promise<CliResult & { specifiers: string[] }> {
  const hook = fileURLToPath(new URL('record-imports.mjs', import.meta.url));
  const dir = await mkdtemp(join(tmpdir(), 'awt-imports-'));
  const log = join(dir, 'imports.log');
  try {
    const result = await runNode(['--import', hook, binPath, ...args], { env: { AWT_IMPORT_LOG: log } });
    const specifiers = (await readFile(log, 'utf8').catch(() => '')).split('\n').filter(Boolean);
    return { ...result, specifiers };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * How the built command line refuses `args`, found in this process: the program that
 * dist/bin/main.js builds parses them, and the error it throws is what main.js would print
 * (after "awt-demo: ") and exit with. For the many wrong values of one kind, where a child
 * process each would cost node's start every time; each kind keeps a test through the bin
 * as well, for the printing and the exit code themselves. Only for input refused before
 * anything starts: input that is accepted would run here.
 */
export async function refusal(
  args: string[],
  env: Record<string, string | undefined> = {},
): Promise<{ exitCode: number; lines: string[] }> {
  const built = (file: string) => import(new URL(`../../dist/${file}`, import.meta.url).href);
  const [{ buildProgram }, { langFromArgv }, { isAwtError }, { messages }] = (await Promise.all([
    built('bin/program.js'),
    built('bin/options.js'),
    built('demos/core/errors.js'),
    built('demos/core/messages/index.js'),
  ])) as [
    typeof import('../../bin/program.js'),
    typeof import('../../bin/options.js'),
    typeof import('../../demos/core/errors.js'),
    typeof import('../../demos/core/messages/index.js'),
  ];
  const environment = cliEnv(env);
  const lang = langFromArgv(args, environment);
  try {
    await buildProgram(lang, environment).parseAsync(['node', 'awt-demo', ...args]);
  } catch (error) {
    if (!isAwtError(error)) throw error;
    return { exitCode: error.exitCode, lines: error.describe(messages[lang]) };
  }
  assert.fail(`awt-demo ${args.join(' ')} was not refused`);
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
/** The pids of the child processes of `parent` now (none when it has none, or is gone). */
export function childPids(parent: number): number[] {
  try {
    return execFileSync('ps', ['-o', 'pid=', '--ppid', String(parent)], { encoding: 'utf8' })
      .split('\n')
      .map((line) => Number(line.trim()))
      .filter((n) => n > 0);
  } catch {
    return [];
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
