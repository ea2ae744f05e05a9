/**
 * Starts a student's server (a starter, a solution, a broken variant) on a free port,
 * outside the test process, and builds a student's TypeScript into plain JavaScript for
 * node to run. The servers of a test process share one child process
 * (student-server-host.ts): node and the packages they use (Apollo alone is most of a
 * second of CPU to load) are started once, not once per server; each server is still a
 * module instance of its own, with its own books and its own port. What the checks prove
 * of a server (its answers on the wire) does not depend on the process it shares.
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { mkdtemp, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { ProgramSpec } from '../../demos/exercises/types.js';
import { cliEnv } from './cli.js';
import { oncePerKey } from './once-per-key.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Where the built files go: one folder per test process, removed when it exits. */
let outDir: Promise<string> | undefined;
const built = oncePerKey<string>();

/**
 * `file` (TypeScript, relative to the repository) and what it imports from the repository,
 * as one ES module that plain `node` runs; its packages stay imports, resolved from the
 * project's node_modules. It is built once per test process, at the same path below the
 * output folder with .mjs for .ts, so files that sit side by side there (a program folder)
 * stay side by side. Why: `node --import tsx` starts tsx's loader thread and sends every
 * module through it (~0.4 s of CPU, ~1 s for Apollo); esbuild, which tsx itself uses to
 * read TypeScript, builds the same module once in a few milliseconds. What the tests
 * prove of a student's server or program does not depend on how its TypeScript was read;
 * the command line still starts the programs of an AMQP exercise with tsx, as a student's.
 */
export function builtForNode(file: string): Promise<string> {
  return built(file, async () => {
    const out = path.join(await outputFolder(), file.replace(/\.ts$/, '.mjs'));
    const { build } = await import('esbuild');
    await build({
      entryPoints: [path.join(root, file)],
      outfile: out,
      bundle: true,
      packages: 'external',
      platform: 'node',
      format: 'esm',
      target: 'node20',
      logLevel: 'error',
    });
    return out;
  });
}

/**
 * The programs of an AMQP exercise in `dir` (relative to the repository) as builtForNode
 * makes them: the folder they are in then, and what to start there with plain node.
 */
export async function builtPrograms(
  dir: string,
  programs: readonly ProgramSpec[],
): Promise<{ dir: string; programs: ProgramSpec[]; nodeArgs: string[] }> {
  await Promise.all(programs.map((p) => builtForNode(path.join(dir, p.file))));
  return {
    dir: path.join(await outputFolder(), dir),
    programs: programs.map((p) => ({ ...p, file: p.file.replace(/\.ts$/, '.mjs') })),
    nodeArgs: [],
  };
}

function outputFolder(): Promise<string> {
  return (outDir ??= (async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'awt-built-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    // Bare imports (amqplib, express, …) resolve from here, as they do from the repository.
    await symlink(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    return dir;
  })());
}

export interface StudentServer {
  url: string;
  close(): Promise<void>;
}

/**
 * `file` is relative to the repository; its packages resolve from the project's own
 * node_modules (the devDependencies), so no install per starter is needed. It runs as
 * builtForNode makes it; `env` is what it reads as it starts (BOOKS_WSDL, …).
 */
export async function startStudentServer(file: string, env: Record<string, string> = {}): Promise<StudentServer> {
  const { urls, close } = await startStudentServers(file, 1, env);
  return { url: urls.get('')!, close };
}

/**
 * Starts a file that serves several servers at once and prints "<name> ready at <url>"
 * for each (the broken variants), and waits for `count` of them. It runs in the host
 * process of this test process (student-server-host.ts), started for the first server and
 * ended when the last one is closed: a server's `close` gives up its claim on the host.
 */
export async function startStudentServers(
  file: string,
  count: number,
  env: Record<string, string> = {},
): Promise<{ urls: Map<string, string>; close(): Promise<void> }> {
  users += 1;
  let released = false;
  const close = async () => {
    if (released) return;
    released = true;
    users -= 1;
    if (users === 0 && host) {
      const ending = host;
      host = undefined;
      await ending.then(
        (started) => started.end(),
        () => undefined,
      );
    }
  };
  try {
    const ready = await (await (host ??= startHost())).load(await builtForNode(file), count, env);
    const urls = new Map(ready.map(([name, url]) => [count === 1 ? '' : name, url.replace('localhost', '127.0.0.1')]));
    return { urls, close };
  } catch (error) {
    await close();
    throw error;
  }
}

interface Host {
  load(file: string, count: number, env: Record<string, string>): Promise<Array<[string, string]>>;
  end(): Promise<void>;
}

let host: Promise<Host> | undefined;
let users = 0;

async function startHost(): Promise<Host> {
  const child = spawn(process.execPath, [await builtForNode('test/utils/student-server-host.ts')], {
    cwd: root,
    // Port 0: each server takes a free port and names it in its "ready at" line (no race with other tests).
    env: cliEnv({ PORT: '0', NODE_ENV: 'development' }),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
  // What the servers printed, the last of it: for the message when one does not start.
  let output = '';
  child.stderr!.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  const waiting = new Map<number, { resolve(ready: Array<[string, string]>): void; reject(error: Error): void }>();
  let ids = 0;
  createInterface({ input: child.stdout! }).on('line', (line) => {
    const { id, ready, error } = JSON.parse(line) as { id: number; ready?: Array<[string, string]>; error?: string };
    const pending = waiting.get(id);
    waiting.delete(id);
    if (error !== undefined) pending?.reject(new Error(`${error}\n${output}`));
    else pending?.resolve(ready!);
  });
  void closed.then(() => {
    for (const pending of waiting.values()) pending.reject(new Error(`the servers' process ended:\n${output}`));
    waiting.clear();
  });
  return {
    load: (file, count, env) =>
      new Promise((resolve, reject) => {
        const id = ++ids;
        waiting.set(id, { resolve, reject });
        child.stdin!.write(`${JSON.stringify({ id, file, count, env })}\n`);
      }),
    end: async () => {
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
