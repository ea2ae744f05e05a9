/**
 * The paradigms the benchmark knows, in the order they run, each loaded only when it
 * runs (express, graphql, soap … stay unloaded for --help). The reference comes
 * first: every other row is measured against it.
 *
 * To add a paradigm: write adapters/<id>.ts exporting `adapter: BenchAdapter`
 * (see ../adapter.ts) and add one line here.
 */
import type { BenchAdapter } from '../adapter.js';

export const referenceId = 'reference';

export const benchAdapters: ReadonlyArray<{ id: string; load(): Promise<BenchAdapter> }> = [
  { id: referenceId, load: async () => (await import('./reference.js')).adapter },
  { id: 'rest', load: async () => (await import('./rest.js')).adapter },
  { id: 'graphql', load: async () => (await import('./graphql.js')).adapter },
  { id: 'soap', load: async () => (await import('./soap.js')).adapter },
  { id: 'websocket', load: async () => (await import('./websocket.js')).adapter },
  { id: 'mq', load: async () => (await import('./mq.js')).adapter },
];

export const benchIds = benchAdapters.map((entry) => entry.id);
