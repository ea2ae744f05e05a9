/**
 * The student's programs of an AMQP exercise (a worker, a responder), each a child process
 * `node --import tsx <file>` in the exercise folder, in its own process group: ending it
 * ends whatever it started too. Their output is kept, bounded, for the message of a check
 * that cannot run because one of them ended or never consumed.
 */
import { spawn } from 'node:child_process';
import type { ProgramSpec } from '../exercises/types.js';
import { escapeText } from '../render/escape.js';

export interface RunningProgram extends ProgramSpec {
  /** How it ended, once it has: the exit code, or the signal that ended it. */
  readonly ended: string | undefined;
  /** The last lines it wrote (stderr and stdout) on one line, joined by ⏎, control characters escaped. */
  output(): string;
  /** Ends it and its process group now (SIGKILL) and waits, briefly, until it is gone. */
  stop(): Promise<void>;
}

/** Bytes of output kept per program: enough for an error and its first stack lines. */
const tailBytes = 1200;
const stopMs = 3000;

/** Every program still running: ended synchronously when this process exits, however it exits. */
const running = new Set<() => void>();
let exitHook = false;

/** `nodeArgs` come before the file: tsx by default, which runs the student's TypeScript as it is. */
export function startProgram(
  spec: ProgramSpec,
  dir: string,
  env: NodeJS.ProcessEnv,
  nodeArgs: readonly string[] = ['--import', 'tsx'],
): RunningProgram {
  const child = spawn(process.execPath, [...nodeArgs, spec.file], {
    cwd: dir,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let tail = '';
  let ended: string | undefined;
  const keep = (chunk: Buffer) => (tail = (tail + chunk.toString('utf8')).slice(-tailBytes));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const killGroup = () => {
    try {
      // The group may outlive its leader (a program that started others): end it as a whole.
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  running.add(killGroup);
  if (!exitHook) {
    exitHook = true;
    process.once('exit', () => running.forEach((kill) => kill()));
  }
  const gone = new Promise<void>((resolve) => {
    child.once('error', (error: NodeJS.ErrnoException) => {
      ended ??= error.code ?? error.message;
      resolve();
    });
    child.once('exit', (code, signal) => {
      ended ??= code !== null ? `exit code ${code}` : `signal ${signal}`;
      resolve();
    });
  });
  return {
    ...spec,
    get ended() {
      return ended;
    },
    output: () =>
      tail
        .split('\n')
        .map((line) => escapeText(line.trimEnd()))
        .filter((line) => line !== '')
        .slice(-8)
        .join(' ⏎ '),
    async stop() {
      killGroup();
      running.delete(killGroup);
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([gone, new Promise((resolve) => (timer = setTimeout(resolve, stopMs)))]);
      clearTimeout(timer);
    },
  };
}
