/**
 * The rows of `bench`, in the order they run: the reference first (every other row is
 * measured against it), then every paradigm whose registry entry has a bench adapter.
 * Each is loaded only when it runs, so express, graphql, soap … stay unloaded for --help.
 */
import { demos } from '../registry.js';
import type { BenchAdapter } from './adapter.js';

export const referenceId = 'reference';

export const benchAdapters: ReadonlyArray<{ id: string; load(): Promise<BenchAdapter> }> = [
  { id: referenceId, load: async () => (await import('./reference-adapter.js')).referenceAdapter },
  ...demos.flatMap((entry) => (entry.bench ? [{ id: entry.id, load: entry.bench }] : [])),
];

export const benchIds = benchAdapters.map((entry) => entry.id);
