import type { Step } from '../core/demo.js';
import { httpExchanges } from '../wire/http-facts.js';
import type { GraphqlLesson } from '../../lessons/graphql/en.js';
import * as ops from './operations.js';
import type { GraphqlSession } from './session.js';

type GraphqlStep = Step<GraphqlSession, GraphqlLesson>;
type Json = Record<string, unknown>;

export const graphqlSteps: GraphqlStep[] = [
  {
    id: 'query',
    async run({ session, lesson }) {
      const reply = await session.query(ops.booksQuery);
      const books = ((reply.json as Json).data as { books: Json[] }).books;
      const got = [...new Set(books.flatMap((book) => Object.keys(book)))];
      return [lesson.facts.exactFields({ asked: 'title, author', got: got.join(', ') })];
    },
  },
  {
    id: 'nested',
    async run({ session, lesson, items }) {
      const reply = await session.query(ops.bookWithReviews, { id: '1' });
      const book = ((reply.json as Json).data as { book: { reviews: unknown[] } }).book;
      return [lesson.facts.oneRoundTrip({ trips: httpExchanges(items()).length, reviews: book.reviews.length })];
    },
  },
  {
    id: 'mutation',
    async run({ session, lesson }) {
      const reply = await session.query(ops.addCleanCode);
      const book = ((reply.json as Json).data as { addBook: Json }).addBook;
      return [lesson.facts.created({ id: String(book.id), fields: Object.keys(book).join(', ') })];
    },
  },
  {
    id: 'unknownField',
    async run({ session, lesson }) {
      const reply = await session.query(ops.unknownField);
      const [error] = (reply.json as { errors: Array<{ message: string }> }).errors;
      return [lesson.facts.errors({ status: reply.status, message: error?.message ?? '' })];
    },
  },
  {
    id: 'missing',
    async run({ session, lesson }) {
      const reply = await session.query(ops.missingBook);
      return [lesson.facts.nullBook({ status: reply.status, data: JSON.stringify((reply.json as Json).data) })];
    },
  },
  {
    id: 'introspection',
    async run({ session, lesson }) {
      const reply = await session.query(ops.lectureIntrospection);
      type Field = { name: string; args: Array<{ name: string; type: { name: string | null } }> };
      const fields = ((reply.json as Json).data as { __schema: { queryType: { fields: Field[] } } }).__schema.queryType
        .fields;
      const signature = (f: Field) => (f.args.length ? `${f.name}(${f.args.map((a) => a.name).join(', ')})` : f.name);
      return [lesson.facts.queryFields({ fields: fields.map(signature).join(', ') })];
    },
  },
  {
    id: 'evolution',
    async run({ session, lesson }) {
      const old = await session.query(ops.oldAndNewIsbn);
      const book = ((old.json as Json).data as { book: { isbn: string; isbn13: string } }).book;
      const reply = await session.query(ops.deprecations);
      type Field = { name: string; isDeprecated: boolean; deprecationReason: string | null };
      const fields = ((reply.json as Json).data as { __type: { fields: Field[] } }).__type.fields;
      return [
        lesson.facts.stillAnswered({ isbn: book.isbn, isbn13: book.isbn13 }),
        ...fields
          .filter((f) => f.isDeprecated)
          .map((f) => lesson.facts.deprecated({ field: f.name, reason: f.deprecationReason ?? '' })),
      ];
    },
  },
];
