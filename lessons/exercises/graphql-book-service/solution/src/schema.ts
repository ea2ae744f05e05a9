/** The schema of the book service and its resolvers: the lecture's query, one book, and addBook. */
import { books, type Book } from './books.js';

export const typeDefs = /* GraphQL */ `
  type Book {
    id: ID!
    title: String!
    author: String!
  }

  type Query {
    books: [Book!]!
    "One book, or null when there is none with this id."
    book(id: ID!): Book
  }

  type Mutation {
    addBook(title: String!, author: String!): Book!
  }
`;

export const resolvers = {
  Query: {
    books: (): Book[] => books,
    book: (_parent: unknown, args: { id: string }): Book | null => books.find((book) => book.id === args.id) ?? null,
  },
  Mutation: {
    addBook: (_parent: unknown, args: { title: string; author: string }): Book => {
      const book = { id: String(books.length + 1), title: args.title, author: args.author };
      books.push(book);
      return book;
    },
  },
};
