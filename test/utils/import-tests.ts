/**
 * Loads every test file of one folder into the current process, in name order, each file
 * as a suite of its own (its top-level hooks stay its own): a process per file costs more
 * than many of the files themselves (node with tsx takes about half a second of CPU to
 * start, and each process loads express, graphql and the rest anew).
 *
 * `concurrency` files run at once. One (the default) keeps each file alone on the event
 * loop, for files whose own work or timing happens in this process; more lets files that
 * mostly wait on child processes (the CLI, browsers, the students' programs) overlap.
 * The files named in `first` start first, in that order (the longest, so that they do not
 * start last and run on alone); the others follow in name order.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';

export function importTests(
  folder: string,
  { concurrency = 1, first = [] }: { concurrency?: number; first?: string[] } = {},
): void {
  const dir = path.resolve(import.meta.dirname, '..', folder);
  const files = readdirSync(dir)
    .filter((file) => file.endsWith('.test.ts'))
    .sort((a, b) => rank(first, a) - rank(first, b) || a.localeCompare(b));
  const missing = first.filter((name) => !files.includes(name));
  if (missing.length > 0) throw new Error(`test/${folder} has no ${missing.join(', ')} to start first`);
  describe(`test/${folder}`, { concurrency }, () => {
    for (const name of files) {
      // One test at a time inside a file, as when it runs alone: node:test hands a suite's
      // concurrency down to the suites in it unless they name their own.
      describe(`test/${folder}/${name}`, { concurrency: 1 }, async () => {
        try {
          await import(pathToFileURL(path.join(dir, name)).href);
        } catch (error) {
          // A file that cannot even load fails as a test of its own; the others still run.
          test('loads', () => {
            throw error;
          });
        }
      });
    }
  });
}

/** Where `file` stands in `first`; files not named there come after all named ones. */
function rank(first: string[], file: string): number {
  const index = first.indexOf(file);
  return index === -1 ? first.length : index;
}
