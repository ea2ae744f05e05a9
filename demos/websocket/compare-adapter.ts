import { performance } from 'node:perf_hooks';
import { nextMessage, opened } from './clients.js';
import { startWebsocket } from './session.js';
import type { CompareAdapter } from '../compare/adapter.js';
import { newBook } from '../compare/use-cases.js';

/** The WebSocket demo's book club: one open socket, and the server pushes each new book into it. */
export const compareAdapter: CompareAdapter = {
  paradigm: 'websocket',
  async start({ notes }) {
    const session = await startWebsocket();
    let member: ReturnType<typeof session.connect> | undefined;
    const reset = session.store.checkpoint();
    return {
      taps: session.taps,
      reset,
      // The HTTP upgrade (101) is WebSocket's set-up; after it the socket stays open.
      connect: async () => {
        member = session.connect('/chat', { query: { name: 'compare' } });
        await opened(member);
      },
      useCases: {
        6: async () => {
          const pushed = nextMessage(member!);
          const addedAt = performance.now();
          session.store.add({ ...newBook, isbn: null });
          const { data } = await pushed;
          const type = (JSON.parse(String(data)) as { type?: string }).type;
          return { latencyMs: performance.now() - addedAt, note: notes.push({ type: String(type) }) };
        },
      },
      close: () => session.close(),
    };
  },
};
