import { performance } from 'node:perf_hooks';
import { createClient, type Client } from 'graphql-ws';
import { WebSocket, WebSocketServer } from 'ws';
import { BookStore } from '../books/store.js';
import { createHttpClient } from '../wire/http-client.js';
import { httpBehindTap } from '../wire/http-behind-tap.js';
import { httpDecoder } from '../wire/http-decoder.js';
import { createWebSocketFrameDecoder } from '../wire/websocket-frames.js';
import { createGraphqlApp } from './server.js';
import { serveGraphqlWs } from './subscription.js';
import type { CompareAdapter } from '../compare/adapter.js';
import { markWire } from '../compare/wire-wait.js';
import { countFields, detailFieldsNeeded, listFieldsNeeded, newBook } from '../compare/use-cases.js';

const listQuery = '{ books { title author } }';

export const compareAdapter: CompareAdapter = {
  paradigm: 'graphql',
  async start({ origin, notes }) {
    const store = new BookStore();
    const reset = store.checkpoint();
    // Queries over HTTP and subscriptions over a WebSocket on the same server and tap,
    // as Apollo and graphql-ws set it up: the upgrade to /graphql speaks graphql-transport-ws.
    const server = await httpBehindTap(createGraphqlApp(store), {
      origin,
      decoder: httpDecoder({ onUpgrade: (connection, emit) => createWebSocketFrameDecoder(connection, emit) }),
    });
    const wss = new WebSocketServer({ server: server.server, path: '/graphql', perMessageDeflate: false });
    const subscriptions = serveGraphqlWs(wss, store);
    let subscriber: Client | undefined;
    const client = createHttpClient(server.url);
    const query = async (text: string, variables?: Record<string, unknown>) => {
      const reply = await client.send({
        method: 'POST',
        path: '/graphql',
        headers: { Accept: 'application/graphql-response+json, application/json;q=0.9' },
        body: variables ? { query: text, variables } : { query: text },
      });
      return { status: reply.status, data: (reply.json as { data?: unknown }).data };
    };
    return {
      taps: [server.tap],
      reset,
      // Queries need no set-up; the subscription socket does: upgrade, connection_init, connection_ack.
      connect: async () => {
        subscriber = createClient({
          url: `${server.url.replace(/^http/, 'ws')}/graphql`,
          webSocketImpl: WebSocket,
          lazy: false,
          retryAttempts: 0,
        });
        await new Promise<void>((resolve, reject) => {
          subscriber!.on('connected', () => resolve());
          subscriber!.on('error', reject);
        });
      },
      useCases: {
        1: async () => ({ fieldsReceived: countFields((await query(listQuery)).data), fieldsNeeded: listFieldsNeeded }),
        2: async () => {
          const { data } = await query(
            'query ($id: ID!) { book(id: $id) { title author reviews { rating comment } } }',
            {
              id: '1',
            },
          );
          return { fieldsReceived: countFields(data), fieldsNeeded: detailFieldsNeeded };
        },
        3: async () => {
          const { status } = await query(
            'mutation ($title: String!, $author: String!, $year: Int) { addBook(title: $title, author: $author, year: $year) { id } }',
            newBook,
          );
          return { note: `${status}` };
        },
        4: async () => {
          const { status, data } = await query('{ book(id: "999") { title author } }');
          return { note: `${status}, ${JSON.stringify(data)}` };
        },
        // POST is not cached by HTTP (RFC 9110 §9.3.3): the same query costs the same again.
        5: async () => {
          const { status, data } = await query(listQuery);
          return { note: `${status}`, fieldsReceived: countFields(data), fieldsNeeded: 0 };
        },
        // subscribe, next (the push), complete: graphql-ws messages in WebSocket frames.
        6: async () => {
          const wire = markWire([server.tap]);
          const listening = subscriptions.whenSubscribed();
          let addedAt = 0;
          let stop = () => {};
          const next = new Promise<number>((resolve, reject) => {
            stop = subscriber!.subscribe(
              { query: 'subscription { bookAdded { title author } }' },
              { next: () => resolve(performance.now() - addedAt), error: reject, complete: () => {} },
            );
          });
          await listening;
          addedAt = performance.now();
          store.add({ ...newBook, isbn: null });
          const latencyMs = await next;
          stop();
          await wire((item) => item.kind === 'ws-frame' && /"complete"/.test(item.payloadText ?? ''));
          return { latencyMs, note: notes.subscription };
        },
      },
      close: async () => {
        client.close();
        await subscriber?.dispose();
        for (const ws of wss.clients) ws.terminate();
        await new Promise<void>((resolve) => wss.close(() => resolve()));
        await server.close();
      },
    };
  },
};
