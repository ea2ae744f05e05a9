/**
 * The GraphQL book service. It starts and answers already; the schema and the
 * resolvers are yours to write. Check your progress with:
 *   npx awt-demo exercise check graphql-book-service
 */
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { books } from './books.js';

// The schema: which types exist and what a client may ask for.
const typeDefs = /* GraphQL */ `
  type Book {
    id: ID!
    title: String!
    author: String!
  }

  type Query {
    books: [Book!]!
    # TODO: book(id: ID!): Book — one book, or null when there is none with this id
  }

  # TODO: type Mutation with addBook(title: String!, author: String!): Book!
`;

// The resolvers: one function for each field that needs more than reading a property.
const resolvers = {
  Query: {
    // TODO: return the books (this returns an empty list for now)
    books: (): typeof books => [],
    // TODO: book
  },
  // TODO: Mutation: { addBook }
};

const server = new ApolloServer({ typeDefs, resolvers });
const port = Number(process.env.PORT ?? 4000);
const { url } = await startStandaloneServer(server, { listen: { port } });
console.log(`GraphQL book service ready at ${url}`);
