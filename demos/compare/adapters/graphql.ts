import { performance } from 'node:perf_hooks';
import { createClient, type Client } from 'graphql-ws';
import { WebSocket } from 'ws';
import { BookStore } from '../../books/store.js';
import { createGraphqlApp } from '../../graphql/server.js';
import { createHttpClient } from '../../wire/http-client.js';
import { httpBehindTap } from '../../wire/http-behind-tap.js';
import { bookClubToken } from '../../websocket/auth.js';
import { wsUrl } from '../../websocket/clients.js';
import { startWebsocket } from '../../websocket/session.js';
import type { CompareAdapter } from '../adapter.js';
import { countFields, detailFieldsNeeded, listFieldsNeeded, newBook } from '../use-cases.js';

const listQuery = '{ books { title author } }';

export const graphqlAdapter: CompareAdapter = {
  paradigm: 'graphql',
  async start({ origin }) {
    const server = await httpBehindTap(createGraphqlApp(new BookStore()), { origin });
    // Subscriptions need a socket: the WebSocket demo's server speaks graphql-ws (its own tap).
    const live = await startWebsocket();
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
      taps: [server.tap, ...live.taps],
      // Queries need no set-up; the subscription socket does: upgrade, connection_init, connection_ack.
      connect: async () => {
        subscriber = createClient({
          url: wsUrl(live.url, '/graphql', { access_token: bookClubToken }),
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
          const listening = live.servers.graphql.whenSubscribed();
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
          live.store.add({ ...newBook, isbn: null });
          const latencyMs = await next;
          stop();
          return { latencyMs, note: 'subscription: next' };
        },
      },
      close: async () => {
        client.close();
        await subscriber?.dispose();
        await Promise.all([server.close(), live.close()]);
      },
    };
  },
};
