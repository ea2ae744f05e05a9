import { httpExchanges } from '../wire/http-facts.js';
import * as ops from './operations.js';
import { textToQueryStep } from './step-text-to-query.js';
import type { GraphqlStep } from './step-type.js';
import { cachingStep } from './steps-caching.js';
import { batchingStep, resolversStep } from './steps-resolvers.js';

type Json = Record<string, unknown>;
type TypeRef = { name: string | null; kind?: string; ofType?: TypeRef | null };

/** A type reference as SDL writes it: NON_NULL of ID is ID!, LIST of Book is [Book]. */
const sdlType = (type: TypeRef): string =>
  type.kind === 'NON_NULL' && type.ofType
    ? `${sdlType(type.ofType)}!`
    : type.kind === 'LIST' && type.ofType
      ? `[${sdlType(type.ofType)}]`
      : (type.name ?? '?');

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
  resolversStep,
  batchingStep,
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
      type Field = { name: string; args: Array<{ name: string; type: TypeRef }> };
      const fieldsOf = (json: unknown) =>
        ((json as Json).data as { __schema: { queryType: { fields: Field[] } } }).__schema.queryType.fields;
      const fields = fieldsOf((await session.query(ops.lectureIntrospection)).json);
      const signature = (f: Field) => (f.args.length ? `${f.name}(${f.args.map((a) => a.name).join(', ')})` : f.name);
      const unwrapped = fieldsOf((await session.query(ops.introspectionWithOfType)).json);
      const wrapped = unwrapped.flatMap((f) => f.args.map((arg) => ({ field: f.name, arg })));
      return [
        lesson.facts.queryFields({ fields: fields.map(signature).join(', ') }),
        ...wrapped
          .filter(({ arg }) => arg.type.kind === 'NON_NULL')
          .map(({ field, arg }) =>
            lesson.facts.nonNull({
              arg: `${field}(${arg.name})`,
              kind: arg.type.kind!,
              ofType: `${arg.type.ofType?.name ?? '?'} (${arg.type.ofType?.kind ?? '?'})`,
              sdl: sdlType(arg.type),
            }),
          ),
      ];
    },
  },
  textToQueryStep,
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
  cachingStep,
];
