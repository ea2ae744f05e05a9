/**
 * The REST and GraphQL servers on the same store, each behind its own tap, so SOAP's
 * answers can be set beside theirs with bytes measured the same way in the same run.
 * They are loaded only when the scenario runs (`--serve` and `--schema` never need them).
 */
import type { BookStore } from '../books/store.js';
import { partOf } from '../registry.js';
import type { FieldProblem } from '../books/validation.js';
import { createHttpClient } from '../wire/http-client.js';
import { httpBehindTap } from '../wire/http-behind-tap.js';
import { httpExchanges } from '../wire/http-facts.js';
import type { HttpExchange, WireItem } from '../wire/trace.js';

/** Every field of the book, as REST's GET /v1/books returns it and SOAP's ListBooks too. */
export const allBookFields = '{ books { id title author year isbn createdAt } }';

export interface Measured {
  /** Body bytes (content, without any chunked framing). */
  body: number;
  /** Head and body, as they crossed the socket. */
  total: number;
}

export interface Neighbours {
  /** REST GET /v1/books and the GraphQL query for all fields, measured on their taps. */
  listBooks(): Promise<{ rest: Measured; graphql: Measured }>;
  /** The problem codes REST and GraphQL give for the same new book. */
  problemsFor(book: Record<string, unknown>): Promise<{ rest: string[]; graphql: string[] }>;
  close(): Promise<void>;
}

const graphqlAccept = 'application/graphql-response+json, application/json;q=0.9';

export async function startNeighbours(store: BookStore, origin: number): Promise<Neighbours> {
  const [createRestApp, createGraphqlApp] = await Promise.all([
    partOf('rest', 'httpApp'),
    partOf('graphql', 'httpApp'),
  ]);
  const rest = await httpBehindTap(createRestApp(store), { origin });
  const graphql = await httpBehindTap(createGraphqlApp(store), { origin }).catch(async (error: unknown) => {
    await rest.close();
    throw error;
  });
  const restClient = createHttpClient(rest.url);
  const graphqlClient = createHttpClient(graphql.url);
  const query = (body: object) =>
    graphqlClient.send({ method: 'POST', path: '/graphql', headers: { Accept: graphqlAccept }, body });

  return {
    async listBooks() {
      await restClient.send({ path: '/v1/books', headers: { Accept: 'application/json' } });
      await query({ query: allBookFields });
      return { rest: measure(rest.tap.items), graphql: measure(graphql.tap.items) };
    },
    async problemsFor(book) {
      const restReply = await restClient.send({
        method: 'POST',
        path: '/v1/books',
        headers: { Accept: 'application/json' },
        body: book,
      });
      const graphqlReply = await query({
        query: 'mutation ($title: String!, $author: String!) { addBook(title: $title, author: $author) { id } }',
        variables: book,
      });
      const restProblems = (restReply.json as { problems?: FieldProblem[] } | undefined)?.problems ?? [];
      const errors = (graphqlReply.json as { errors?: Array<{ extensions?: { problems?: FieldProblem[] } }> })?.errors;
      const graphqlProblems = errors?.[0]?.extensions?.problems ?? [];
      return { rest: restProblems.map(codeOf), graphql: graphqlProblems.map(codeOf) };
    },
    close: async () => {
      restClient.close();
      graphqlClient.close();
      await Promise.allSettled([rest.close(), graphql.close()]);
    },
  };
}

export const codeOf = (problem: Pick<FieldProblem, 'field' | 'code'>) => `${problem.field}:${problem.code}`;

function measure(items: readonly WireItem[]): Measured {
  const last: HttpExchange | undefined = httpExchanges(items).at(-1);
  const response = last?.response;
  return { body: response?.contentBytes ?? 0, total: (response?.headBytes ?? 0) + (response?.bodyBytes ?? 0) };
}
