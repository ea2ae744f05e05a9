/**
 * Every pure test (test/unit/*.test.ts, no servers, no child processes) in this one process,
 * which runs beside the integration files. The pure tests need no isolation, and a process
 * per file costs more than the tests themselves: node with tsx takes about 0.5 s of CPU to
 * start, so the pure tests took 12 s of CPU in a process each and 3.6 s in this one.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';

const dir = path.resolve(import.meta.dirname, '..', 'unit');

for (const name of readdirSync(dir)
  .filter((file) => file.endsWith('.test.ts'))
  .sort()) {
  try {
    await import(pathToFileURL(path.join(dir, name)).href);
  } catch (error) {
    // A file that cannot even load fails as a test of its own; the others still run.
    test(`test/unit/${name} loads`, () => {
      throw error;
    });
  }
}
