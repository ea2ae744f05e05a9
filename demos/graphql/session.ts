import { BookStore } from '../books/store.js';
import type { DemoSession, DemoStartOptions, ServeOptions, ServedDemo } from '../core/demo.js';
import { createHttpClient, type HttpReply } from '../wire/http-client.js';
import { httpBehindTap } from '../wire/http-behind-tap.js';
import { graphqlExplorer } from './explorer.js';
import { startLlmClient, type LlmClient } from './llm-client.js';
import { createGraphqlApp } from './server.js';

export interface GraphqlSession extends DemoSession {
  /** POSTs one GraphQL operation, as the GraphQL over HTTP spec describes. */
  query(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<HttpReply>;
  /** GETs one query, its text in the URL (GraphQL over HTTP §5.1.1): the form an HTTP cache can key on. */
  getQuery(query: string, headers?: Record<string, string>): Promise<HttpReply>;
  /** The model that writes queries from words (--llm-url), behind its own tap; none: recorded answers. */
  readonly llm?: LlmClient;
}

// The spec's own media type first: with it, status codes tell a bad request from a good one.
const accept = { Accept: 'application/graphql-response+json, application/json;q=0.9' };

export async function startGraphql(options: DemoStartOptions = {}): Promise<GraphqlSession> {
  const origin = performance.now();
  const server = await httpBehindTap(createGraphqlApp(new BookStore()), { origin });
  let llm: LlmClient | undefined;
  try {
    llm = options.llmUrl
      ? await startLlmClient(options.llmUrl, { origin, ...(options.llmModel ? { model: options.llmModel } : {}) })
      : undefined;
  } catch (error) {
    await server.close();
    throw error;
  }
  const client = createHttpClient(server.url);
  return {
    taps: llm ? [server.tap, llm.tap] : [server.tap],
    ...(llm ? { llm } : {}),
    query: (query, variables, headers = {}) =>
      client.send({
        method: 'POST',
        path: '/graphql',
        headers: { ...accept, ...headers },
        body: variables ? { query, variables } : { query },
      }),
    getQuery: (query, headers = {}) =>
      client.send({
        method: 'GET',
        path: `/graphql?query=${encodeURIComponent(query)}`,
        headers: { ...accept, ...headers },
      }),
    close: async () => {
      client.close();
      await llm?.close();
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
