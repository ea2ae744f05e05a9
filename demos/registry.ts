/**
 * Demo id → lazy imports. Nothing heavy is loaded until a demo is chosen, which
 * keeps `awt-demo --help` and `awt-demo list` as fast as node's own start.
 */
import type { Demo, Lesson } from './core/demo.js';
import type { Lang } from './core/lang.js';

export interface DemoEntry {
  id: string;
  /** The lesson text only (titles and summaries for `list`), no servers. */
  lessons(): Promise<Record<Lang, Lesson>>;
  load(): Promise<Demo>;
}

// The casts erase each demo's own session and lesson types; the runner needs only the Demo interface.
export const demos: readonly DemoEntry[] = [
  {
    id: 'rest',
    lessons: async () => (await import('../lessons/rest/index.js')).lessons,
    load: async () => (await import('./rest/demo.js')).demo as unknown as Demo,
  },
  {
    id: 'graphql',
    lessons: async () => (await import('../lessons/graphql/index.js')).lessons,
    load: async () => (await import('./graphql/demo.js')).demo as unknown as Demo,
  },
  {
    id: 'soap',
    lessons: async () => (await import('../lessons/soap/index.js')).lessons,
    load: async () => (await import('./soap/demo.js')).demo as unknown as Demo,
  },
  {
    id: 'websocket',
    lessons: async () => (await import('../lessons/websocket/index.js')).lessons,
    load: async () => (await import('./websocket/demo.js')).demo as unknown as Demo,
  },
  {
    id: 'mq',
    lessons: async () => (await import('../lessons/mq/index.js')).lessons,
    load: async () => (await import('./mq/demo.js')).demo as unknown as Demo,
  },
];

export const demoIds = demos.map((entry) => entry.id);

export function findDemo(id: string): DemoEntry | undefined {
  return demos.find((entry) => entry.id === id);
}
