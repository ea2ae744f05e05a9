import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { BookStore } from '../books/store.js';
import { createRestApp } from './server.js';
import { createHttpClient } from '../wire/http-client.js';
import { httpBehindTap } from '../wire/http-behind-tap.js';
import type { CompareAdapter } from '../compare/adapter.js';
import { countFields, detailFieldsNeeded, listFieldsNeeded, newBook } from '../compare/use-cases.js';

/** How often the REST client asks "anything new?" in use case 6. */
export const pollIntervalMs = 100;

export const compareAdapter: CompareAdapter = {
  paradigm: 'rest',
  async start({ origin, notes }) {
    const store = new BookStore();
    const reset = store.checkpoint();
    const server = await httpBehindTap(createRestApp(store), { origin });
    const client = createHttpClient(server.url);
    const accept = { Accept: 'application/json' };
    let etag = '';
    // Short polling at a steady beat; the book arrives half an interval after the second
    // poll went out, between two polls, where an event falls on average. Its timer is due
    // before the next poll's, so the order holds however busy the machine is.
    const pollAt = async (intervalMs: number) => {
      let addedAt = 0;
      let adding: Promise<void> | undefined;
      let sentAt = performance.now();
      for (let polls = 1; ; polls++) {
        await sleep(Math.max(0, sentAt + intervalMs - performance.now()));
        sentAt = performance.now();
        const reply = await client.send({ path: '/v1/books', headers: { ...accept, 'If-None-Match': etag } });
        if (reply.status === 200) {
          await adding;
          return { latencyMs: performance.now() - addedAt, note: notes.polling({ polls }) };
        }
        if (polls === 2) {
          adding = sleep(Math.max(0, sentAt + intervalMs / 2 - performance.now())).then(() => {
            addedAt = performance.now();
            store.add({ ...newBook, isbn: null });
          });
        }
      }
    };
    return {
      taps: [server.tap],
      reset,
      // HTTP needs no set-up of its own; the first request opens the TCP connection.
      connect: async () => {},
      useCases: {
        1: async () => {
          const reply = await client.send({ path: '/v1/books', headers: accept });
          return { fieldsReceived: countFields(reply.json), fieldsNeeded: listFieldsNeeded };
        },
        2: async () => {
          const book = await client.send({ path: '/v1/books/1', headers: accept });
          const reviews = await client.send({ path: '/v1/books/1/reviews', headers: accept });
          return {
            fieldsReceived: countFields(book.json) + countFields(reviews.json),
            fieldsNeeded: detailFieldsNeeded,
          };
        },
        3: async () => {
          const reply = await client.send({ method: 'POST', path: '/v1/books', headers: accept, body: newBook });
          return { note: `${reply.status}` };
        },
        4: async () => {
          const reply = await client.send({ path: '/v1/books/999', headers: accept });
          return { note: `${reply.status}` };
        },
        5: {
          // The client has the list and its ETag (not measured); it asks again, conditionally.
          prepare: async () => {
            etag = String((await client.send({ path: '/v1/books', headers: accept })).headers.etag);
          },
          run: async () => {
            const reply = await client.send({ path: '/v1/books', headers: { ...accept, 'If-None-Match': etag } });
            return { note: `${reply.status}`, fieldsReceived: countFields(reply.json ?? []), fieldsNeeded: 0 };
          },
        },
        6: {
          // Up to date first (not measured), then short polling with the ETag: a 304 says "nothing new" cheaply.
          prepare: async () => {
            etag = String((await client.send({ path: '/v1/books', headers: accept })).headers.etag);
          },
          run: () => pollAt(pollIntervalMs),
          // Its latency is set by the interval: the runner measures it at other intervals too.
          polling: { intervalMs: pollIntervalMs, runAt: pollAt },
        },
      },
      close: async () => {
        client.close();
        await server.close();
      },
    };
  },
};
