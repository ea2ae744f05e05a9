import { BookStore } from '../../books/store.js';
import { createGraphqlApp } from '../../graphql/server.js';
import { createHttpClient } from '../../wire/http-client.js';
import { httpBehindTap } from '../../wire/http-behind-tap.js';
import type { CompareAdapter } from '../adapter.js';
import { countFields, detailFieldsNeeded, listFieldsNeeded, newBook } from '../use-cases.js';

const listQuery = '{ books { title author } }';

export const graphqlAdapter: CompareAdapter = {
  paradigm: 'graphql',
  async start({ origin }) {
    const server = await httpBehindTap(createGraphqlApp(new BookStore()), { origin });
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
      connect: async () => {},
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
      },
      close: async () => {
        client.close();
        await server.close();
      },
    };
  },
};
