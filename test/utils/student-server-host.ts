/**
 * One process that serves the students' servers of a test run (starters, solutions, broken
 * variants), each loaded from its own built file (test/utils/exercise.ts, builtForNode):
 * node, the packages they share (Apollo, express, soap, ws) and the start of each are paid
 * for once. Every load is a module instance of its own, so no two servers share a book;
 * each listens on a port of its own, as it would alone.
 *
 * Asked on stdin, one JSON line per server: { id, file, count, env }. It loads one server
 * at a time, so the "ready at" lines a server prints while it starts are its own, and
 * answers on stdout: { id, ready: [[name, url], …] } once `count` of them came, or
 * { id, error }. Everything the servers print goes to stderr.
 */
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { format } from 'node:util';

interface Load {
  id: number;
  file: string;
  count: number;
  env: Record<string, string>;
}

const answer = (message: object) => process.stdout.write(`${JSON.stringify(message)}\n`);

let listening: ((line: string) => void) | undefined;
console.log = (...args: unknown[]) => {
  const text = format(...args);
  process.stderr.write(`${text}\n`);
  for (const line of text.split('\n')) listening?.(line);
};

async function load({ id, file, count, env }: Load): Promise<void> {
  const ready: Array<[string, string]> = [];
  const before = { ...process.env };
  // What the server reads as it starts (BOOKS_WSDL, …); it is the only one starting now.
  Object.assign(process.env, env);
  try {
    await new Promise<void>((resolve, reject) => {
      // Only a guard against a hang: on a shared 2-core machine, a start can take a while.
      const timer = setTimeout(() => reject(new Error(`${file} did not start within 60 s`)), 60_000);
      listening = (line) => {
        const found = /^(?:(\S+) |.*)ready at (http:\/\/\S+)$/.exec(line);
        if (found) ready.push([found[1] ?? '', found[2]!]);
        if (ready.length >= count) {
          clearTimeout(timer);
          resolve();
        }
      };
      // A query of its own: the same file loaded twice is two servers, not one.
      import(`${pathToFileURL(file).href}?load=${id}`).catch((error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      });
    });
    answer({ id, ready });
  } catch (error) {
    answer({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  } finally {
    listening = undefined;
    for (const key of Object.keys(env)) {
      if (before[key] === undefined) delete process.env[key];
      else process.env[key] = before[key];
    }
  }
}

let queue = Promise.resolve();
createInterface({ input: process.stdin }).on('line', (line) => {
  const request = JSON.parse(line) as Load;
  queue = queue.then(() => load(request));
});
// The test process went away: so do the servers.
process.stdin.on('end', () => process.exit(0));
