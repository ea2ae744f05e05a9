/**
 * Loads every test file of one folder into the current process, in name order: a process
 * per file costs more than many of the files themselves (node with tsx takes about half a
 * second of CPU to start, and each process loads express, graphql and the rest anew).
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';

export async function importTests(folder: string): Promise<void> {
  const dir = path.resolve(import.meta.dirname, '..', folder);
  for (const name of readdirSync(dir)
    .filter((file) => file.endsWith('.test.ts'))
    .sort()) {
    try {
      await import(pathToFileURL(path.join(dir, name)).href);
    } catch (error) {
      // A file that cannot even load fails as a test of its own; the others still run.
      test(`test/${folder}/${name} loads`, () => {
        throw error;
      });
    }
  }
}
