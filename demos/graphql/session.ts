import { BookStore } from '../books/store.js';
import type { DemoSession, ServeOptions, ServedDemo } from '../core/demo.js';
import { createHttpClient, type HttpReply } from '../wire/http-client.js';
import { httpBehindTap } from '../wire/http-behind-tap.js';
import { graphqlExplorer } from './explorer.js';
import { createGraphqlApp } from './server.js';

export interface GraphqlSession extends DemoSession {
  /** POSTs one GraphQL operation, as the GraphQL over HTTP spec describes. */
  query(query: string, variables?: Record<string, unknown>): Promise<HttpReply>;
}

export async function startGraphql(): Promise<GraphqlSession> {
  const server = await httpBehindTap(createGraphqlApp(new BookStore()));
  const client = createHttpClient(server.url);
  return {
    taps: [server.tap],
    query: (query, variables) =>
      client.send({
        method: 'POST',
        path: '/graphql',
        // The spec's own media type first: with it, status codes tell a bad request from a good one.
        headers: { Accept: 'application/graphql-response+json, application/json;q=0.9' },
        body: variables ? { query, variables } : { query },
      }),
    close: async () => {
      client.close();
      await server.close();
    },
  };
}

export async function serveGraphql(options: ServeOptions): Promise<ServedDemo> {
  const server = await httpBehindTap(
    createGraphqlApp(new BookStore(), { explorer: graphqlExplorer('/graphql', options.lang) }),
    options,
  );
  const endpoint = `${server.url}/graphql`;
  const post = (body: object) => `curl -i ${endpoint} -H 'Content-Type: application/json' -d '${JSON.stringify(body)}'`;
  return {
    url: endpoint,
    browse: [`${server.url}/`, endpoint],
    examples: [
      post({ query: '{ books { title author } }' }),
      post({
        query: 'query ($id: ID!) { book(id: $id) { title reviews { rating comment } } }',
        variables: { id: '1' },
      }),
      post({ query: 'mutation { addBook(title: "Refactoring", author: "Martin Fowler") { id title } }' }),
      `curl -i '${endpoint}?query=%7Bbooks%7Btitle%7D%7D'`,
    ],
    close: server.close,
  };
}
