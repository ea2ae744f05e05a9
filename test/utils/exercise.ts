/** Starts a student's server (a starter, a solution, a broken variant) as a child process on a free port. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { cliEnv } from './cli.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

export interface StudentServer {
  url: string;
  close(): Promise<void>;
}

/**
 * `file` is relative to the repository; its packages resolve from the project's own
 * node_modules (the devDependencies), so no install per starter is needed.
 */
export async function startStudentServer(file: string, env: Record<string, string> = {}): Promise<StudentServer> {
  const { urls, close } = await startStudentServers(file, 1, env);
  return { url: urls.get('')!, close };
}

/**
 * Starts a file that serves several servers at once and prints "<name> ready at <url>"
 * for each (the broken variants), and waits for `count` of them.
 */
export async function startStudentServers(
  file: string,
  count: number,
  env: Record<string, string> = {},
): Promise<{ urls: Map<string, string>; close(): Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', `${root}${file}`], {
    cwd: root,
    // Port 0: the server takes a free port and names it in its "ready at" line (no race with other tests).
    env: cliEnv({ PORT: '0', NODE_ENV: 'development', ...env }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
  let output = '';
  const urls = new Map<string, string>();
  await new Promise<void>((resolve, reject) => {
    // Only a guard against a hang: on a shared 2-core machine, starts that overlap can take a while.
    const timer = setTimeout(() => reject(new Error(`${file} did not start within 60 s:\n${output}`)), 60_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const ready = [...output.matchAll(/^(?:(\S+) |.*)ready at (http:\/\/\S+)$/gm)];
      if (ready.length >= count) {
        for (const [, name, url] of ready) urls.set(count === 1 ? '' : name!, url!.replace('localhost', '127.0.0.1'));
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('close', () => {
      clearTimeout(timer);
      reject(new Error(`${file} ended before it was ready:\n${output}`));
    });
  });
  return {
    urls,
    close: async () => {
      child.kill('SIGKILL');
      await closed;
    },
  };
}

/**
 * At most `count` of the functions given to the returned one run at a time; the others wait
 * their turn, first come first served. For tests that may overlap but each start processes.
 */
export function slots(count: number): <T>(work: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: Array<() => void> = [];
  return async (work) => {
    if (running >= count) await new Promise<void>((resolve) => waiting.push(resolve));
    else running += 1;
    try {
      return await work();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running -= 1;
    }
  };
}
