/**
 * "Tell me when a new book arrives", three ways, for the same five events: short
 * polling, long polling and a WebSocket push. The books are added inside the server
 * on a fixed schedule, so only the way of being told crosses the tap; each way gets
 * its own connection(s), and its bytes are what the tap counted on them.
 */
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { BookStore } from '../books/store.js';
import type { ValidBook } from '../books/validation.js';
import { createHttpClient } from '../wire/http-client.js';
import type { Tap } from '../wire/tap.js';
import { closed, connect, opened } from './clients.js';

export type Way = 'shortPolling' | 'longPolling' | 'websocket';
export const ways: readonly Way[] = ['shortPolling', 'longPolling', 'websocket'];

/** When each book is added, in ms after the consumer is ready: two, a quiet spell, three. */
export const scheduleMs = [30, 70, 220, 250, 330] as const;
export const pollIntervalMs = 40;

const books: readonly ValidBook[] = [
  { title: 'Test-Driven Development: By Example', author: 'Kent Beck', year: 2002, isbn: null },
  { title: 'The Mythical Man-Month', author: 'Frederick P. Brooks Jr.', year: 1975, isbn: null },
  { title: 'Release It!', author: 'Michael T. Nygard', year: 2007, isbn: null },
  { title: 'Patterns of Enterprise Application Architecture', author: 'Martin Fowler', year: 2002, isbn: null },
  { title: 'Continuous Delivery', author: 'Jez Humble, David Farley', year: 2010, isbn: null },
];

export interface WayResult {
  way: Way;
  /** HTTP requests the consumer sent (for WebSocket: the one upgrade). */
  requests: number;
  /** Bytes both ways on the connections this way opened, as the tap counted them. */
  bytes: number;
  connections: number[];
  /** For each event: ms from the book being added to the consumer holding the notice. */
  delaysMs: number[];
}

interface Consumer {
  /** Resolves once the consumer is ready to be told (a WebSocket is open). */
  ready(): Promise<void>;
  /** Runs until every book was noticed; `noticed` is called with the ids in each answer. */
  run(noticed: (ids: string[]) => void, done: () => boolean): Promise<number>;
  close(): Promise<void>;
}

export async function measureWay(way: Way, url: string, tap: Tap, store: BookStore): Promise<WayResult> {
  const firstConnection = tap.connections.length;
  const since = store.list().at(-1)?.id ?? '0';
  const consumer = consumers[way](url, since);
  await consumer.ready();
  const addedAt = new Map<string, number>();
  const noticedAt = new Map<string, number>();
  const timers = scheduleMs.map((offset, i) =>
    setTimeout(() => addedAt.set(store.add(books[i]!).id, performance.now()), offset),
  );
  try {
    const requests = await consumer.run(
      (ids) => ids.forEach((id) => noticedAt.has(id) || noticedAt.set(id, performance.now())),
      () => noticedAt.size >= scheduleMs.length,
    );
    await consumer.close();
    const connections = tap.connections.slice(firstConnection);
    return {
      way,
      requests,
      bytes: connections.reduce((sum, c) => sum + c.bytesUp + c.bytesDown, 0),
      connections: connections.map((c) => c.id),
      delaysMs: [...addedAt].map(([id, at]) => (noticedAt.get(id) ?? NaN) - at),
    };
  } finally {
    timers.forEach(clearTimeout);
  }
}

type Answer = { books: Array<{ id: string }>; last: string };

/**
 * Short and long polling are one loop: ask for what changed since the last answer,
 * note it, ask again. They differ only in the question (long polling lets the server
 * hold it until there is news) and in the pause after an answer.
 */
function polling(
  url: string,
  since: string,
  ask: (since: string) => string,
  pauseMs: (askedAt: number) => number,
): Consumer {
  const client = createHttpClient(url);
  return {
    ready: async () => {},
    async run(noticed, done) {
      let requests = 0;
      while (!done()) {
        const askedAt = performance.now();
        const reply = await client.send({ path: ask(since) });
        requests++;
        if (reply.status === 200) {
          const answer = reply.json as Answer;
          noticed(answer.books.map((book) => book.id));
          since = answer.last;
        }
        const pause = pauseMs(askedAt);
        if (pause > 0 && !done()) await sleep(pause);
      }
      return requests;
    },
    close: async () => client.close(),
  };
}

const consumers: Record<Way, (url: string, since: string) => Consumer> = {
  // A fixed rate: the next question goes out one interval after the last one did.
  shortPolling: (url, since) =>
    polling(
      url,
      since,
      (after) => `/books/changes?since=${after}`,
      (askedAt) => Math.max(0, pollIntervalMs - (performance.now() - askedAt)),
    ),
  // The server answers as soon as there is news (or after 10 s); the next question goes out at once.
  longPolling: (url, since) =>
    polling(
      url,
      since,
      (after) => `/books/changes?since=${after}&wait=10000`,
      () => 0,
    ),
  websocket(url) {
    const ws = connect(url, '/chat', { query: { name: 'reader' } });
    return {
      ready: () => opened(ws),
      run: (noticed, done) =>
        new Promise((resolve) => {
          // A listener that stays: two pushes in one TCP chunk arrive as two events in one tick.
          const onMessage = (data: Buffer) => {
            const message = JSON.parse(String(data)) as { type: string; book?: { id: string } };
            if (message.type === 'bookAdded' && message.book) noticed([message.book.id]);
            if (done()) finish();
          };
          const finish = () => {
            ws.off('message', onMessage);
            resolve(1);
          };
          ws.on('message', onMessage);
          ws.once('close', finish);
        }),
      async close() {
        ws.close(1000, 'enough books');
        await closed(ws);
      },
    };
  },
};
