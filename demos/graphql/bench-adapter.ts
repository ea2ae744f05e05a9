/**
 * GraphQL: the list as one POST /graphql on the demo's own graphql-http server. The
 * query asks for every field REST sends, so both answers carry the same facts.
 */
import { BookStore } from '../books/store.js';
import { createGraphqlApp } from './server.js';
import type { BenchAdapter } from '../bench/adapter.js';
import { countJsonList, httpClient, httpServer } from '../bench/http-adapter.js';

export const booksQuery = '{ books { id title author year isbn createdAt } }';

export const benchAdapter: BenchAdapter = {
  id: 'graphql',
  name: 'GraphQL',
  operation: `POST /graphql ${booksQuery}`,
  start: () => httpServer(createGraphqlApp(new BookStore())),
  connect: async (address, options) =>
    httpClient(
      address,
      {
        method: 'POST',
        path: '/graphql',
        // GraphQL over HTTP §5.1: the spec's media type first, as the demo's client sends it.
        headers: {
          'Content-Type': 'application/json',
          Accept: 'application/graphql-response+json, application/json;q=0.9',
        },
        body: JSON.stringify({ query: booksQuery }),
      },
      countJsonList('data', 'books'),
      options,
    ),
};
