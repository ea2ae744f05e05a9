/**
 * The GraphQL schema, written SDL-first as in the lecture, with resolvers attached
 * to the fields that need more than reading a property.
 */
import {
  buildSchema,
  defaultFieldResolver,
  GraphQLError,
  isObjectType,
  type GraphQLFieldResolver,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import type { BookStore } from '../books/store.js';
import type { Book } from '../books/types.js';
import { toIsbn10, toIsbn13, validateNewBook } from '../books/validation.js';
import type { ResolverContext } from './resolver-context.js';
import { readerOf } from './resolver-log.js';

export const typeDefs = /* GraphQL */ `
  """
  A book in the shop.
  """
  type Book {
    id: ID!
    title: String!
    author: String!
    year: Int
    "The old 10-digit ISBN; books since 2007 have 13 digits, and 979- ISBNs have no 10-digit form."
    isbn: String @deprecated(reason: "Use isbn13: ISBNs have had 13 digits since 2007.")
    "The ISBN in its 13-digit form (added without a new API version)."
    isbn13: String
    createdAt: String!
    reviews: [Review!]!
  }

  type Review {
    id: ID!
    "1 to 5 stars"
    rating: Int!
    comment: String!
  }

  type Query {
    "All books."
    books: [Book!]!
    "One book, or null when there is none with this id."
    book(id: ID!): Book
  }

  type Mutation {
    "Adds a book; the same validation rules as REST and SOAP."
    addBook(title: String!, author: String!, year: Int, isbn: String): Book!
  }
`;

type Resolvers = Record<string, Record<string, GraphQLFieldResolver<unknown, unknown, Record<string, unknown>>>>;

function resolvers(store: BookStore): Resolvers {
  // Requests through graphql-http bring a context with a counted reader; other callers read the store directly.
  const uncounted = readerOf(store);
  const reader = (context: unknown) => (context as Partial<ResolverContext> | undefined)?.reader ?? uncounted;
  return {
    Query: {
      books: (_root, _args, context) => reader(context).list(),
      book: (_root, args, context) => reader(context).get(String(args.id)) ?? null,
    },
    Mutation: {
      addBook: (_root, args) => {
        const result = validateNewBook(args, store.openedAt);
        if (!result.ok) {
          // Same rules, same codes as REST's problem details, carried in the error's extensions.
          throw new GraphQLError('The book is not valid.', {
            extensions: { code: 'BAD_USER_INPUT', problems: result.problems },
          });
        }
        return store.add(result.value);
      },
    },
    Book: {
      isbn: (book) => ((book as Book).isbn ? toIsbn10((book as Book).isbn!) : null),
      isbn13: (book) => ((book as Book).isbn ? toIsbn13((book as Book).isbn!) : null),
      // With a DataLoader in the context, each call only names its book; the loader reads once for all of them.
      reviews: (book, _args, context) => {
        const loader = (context as Partial<ResolverContext> | undefined)?.reviews;
        return loader ? loader.load((book as Book).id) : reader(context).reviewsOf((book as Book).id);
      },
    },
  };
}

export function createSchema(store: BookStore): GraphQLSchema {
  const schema = buildSchema(typeDefs);
  for (const [typeName, fields] of Object.entries(resolvers(store))) {
    const type = schema.getType(typeName) as GraphQLObjectType;
    for (const [fieldName, resolve] of Object.entries(fields)) type.getFields()[fieldName]!.resolve = resolve;
  }
  logResolvers(schema);
  return schema;
}

/**
 * Every field of the schema's own types gets a resolver that tells the request's log
 * (when it has one) that it ran; fields without a resolver of their own keep graphql-js's
 * default, which reads the property of the same name from the parent object.
 */
function logResolvers(schema: GraphQLSchema): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const own = field.resolve !== undefined;
      const resolve = field.resolve ?? defaultFieldResolver;
      const name = `${type.name}.${field.name}`;
      field.resolve = (source, args, context, info) => {
        const log = (context as Partial<ResolverContext> | undefined)?.log;
        return log
          ? log.run(name, own, () => resolve(source, args, context, info))
          : resolve(source, args, context, info);
      };
    }
  }
}
