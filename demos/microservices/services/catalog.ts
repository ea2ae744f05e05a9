/**
 * The catalog service: the books, and nothing else. Its data lives in this process
 * only. CATALOG_VERSION=2 adds a field (isbn10): the new version a rolling update
 * brings in while the old one keeps answering.
 */
import { BookStore } from '../../books/store.js';
import { toIsbn10 } from '../../books/validation.js';
import type { Book } from '../../books/types.js';
import { sendJson } from '../runtime/http-io.js';
import { runService } from '../runtime/service-runtime.js';
import { graphqlHandler } from '../runtime/graphql-endpoint.js';

const store = new BookStore();
const version = process.env.CATALOG_VERSION === '2' ? 2 : 1;
const shape = (book: Book) => (version === 2 ? { ...book, isbn10: book.isbn ? toIsbn10(book.isbn) : null } : book);

const sdl = /* GraphQL */ `
  type Book {
    id: ID!
    title: String!
    author: String!
    year: Int
    isbn: String
  }
  type Query {
    books: [Book!]!
    book(id: ID!): Book
  }
`;
const graphql = graphqlHandler(sdl, {
  books: () => store.list(),
  book: ({ id }: { id: string }) => store.get(id) ?? null,
});

await runService({
  registerAs: 'catalog',
  preload: graphql.preload,
  async handle(request, response, context) {
    const path = context.url.pathname;
    if (path === '/graphql') return graphql(request, response);
    if (request.method !== 'GET') return false;
    if (path === '/books') return sendJson(response, 200, store.list().map(shape));
    const id = /^\/books\/(\d{1,9})$/.exec(path)?.[1];
    const book = id === undefined ? undefined : store.get(id);
    if (!book) return false;
    sendJson(response, 200, shape(book));
  },
});
