import type { ExerciseText } from '../../../demos/exercises/types.js';

export const en: ExerciseText = {
  title: 'A GraphQL book service with Apollo Server and TypeScript',
  summary: "The lecture's exercise: books, one book, addBook, introspection; checked over the wire",
  task: [
    "Build the GraphQL service of the lecture with Apollo Server (`@apollo/server`) in TypeScript. It keeps books in memory and answers the lecture's query and mutation:",
    '```graphql\nquery {\n  books {\n    title\n    author\n  }\n}\n\nmutation {\n  addBook(title: "Clean Code", author: "Robert C. Martin") {\n    id\n    title\n    author\n  }\n}\n```',
    'The schema has a type `Book` (`id: ID!`, `title: String!`, `author: String!`), the queries `books: [Book!]!` and `book(id: ID!): Book` (null when there is no such book), and the mutation `addBook(title: String!, author: String!): Book!`. These are the signatures of the graphql demo, which `awt-demo graphql --schema` prints.',
  ],
  steps: [
    '1. Open `src/server.ts`. The server starts and answers already, but the schema and the resolvers are only a skeleton: every `TODO` marks a place to fill in.',
    '2. Complete the schema (`typeDefs`), then a resolver for each field. Keep the books in the array of `src/books.ts`.',
    '3. Try your server in the browser at http://localhost:4000/ (Apollo Sandbox) or with `npx awt-demo tap http://localhost:4000/` in front of it, and run the checks after every step.',
  ],
  checks: {
    'books-title-author': {
      title: "The lecture's query returns exactly title and author of every book",
      expected:
        '`{ books { title author } }` answers data.books, a non-empty list whose books have exactly the fields title and author',
      hints: [
        'The client chooses the fields; the server only needs a `books` field on `Query` whose resolver returns the list of books.',
        'In the resolvers object, `Query.books` is a function: `books: () => books`, with `books` the array from src/books.ts. Apollo picks the requested fields out of each book by itself.',
        'Shape: `const resolvers = { Query: { books: () => books } };` and in typeDefs `type Query { books: [Book!]! }`. Make sure the array is not empty: start with a few seed books.',
      ],
    },
    'book-by-id': {
      title: 'book(id) returns that one book, and null for an id that does not exist',
      expected:
        'book(id) answers the book with this id (its id and title as in the list), and null for an unknown id, without errors',
      hints: [
        'A field with an argument: `book(id: ID!): Book` on `Query`. The result type has no `!`, so null is a valid answer when there is no such book.',
        'A resolver receives `(parent, args)`; the id is in `args.id` (always a string, since the type is ID). Find the book with `Array.prototype.find`.',
        'Shape: `book: (_parent: unknown, args: { id: string }) => books.find((book) => book.id === args.id) ?? null`.',
      ],
    },
    'add-book': {
      title: 'addBook adds a book, and the next books query lists it',
      expected:
        'addBook answers the new book (an id, the title and author sent), and the following books query contains it',
      hints: [
        'A mutation is a field of the type `Mutation`; its resolver changes the data and returns the new object.',
        'Declare `type Mutation { addBook(title: String!, author: String!): Book! }` and give the resolvers object a `Mutation` entry beside `Query`. Push the new book into the same array that `books` returns.',
        'Shape: `addBook: (_parent: unknown, args: { title: string; author: string }) => { const book = { id: String(books.length + 1), ...args }; books.push(book); return book; }`.',
      ],
    },
    'unknown-field': {
      title: 'A query for a field that does not exist gets the errors array',
      expected: '`{ books { title publisher } }` answers an errors array with a message, and no data',
      hints: [
        'GraphQL validates every query against the schema before it runs it; a field the schema does not declare is an error, not an empty value.',
        'Apollo does this for you, as long as `publisher` is not in your schema. Look at your typeDefs: does `Book` declare more than the task asks for?',
        'Remove fields from `type Book` that the task does not name (id, title, author; year is fine), and do not catch or hide errors in a plugin or formatError.',
      ],
    },
    introspection: {
      title: "The lecture's introspection query lists books, and the schema matches the contract",
      expected:
        "the introspection lists Query.books, Query.book and Mutation.addBook, with the signatures of the demo's schema (e.g. book(id: ID!): Book)",
      hints: [
        'Clients and tools (and AI assistants, says the lecture) learn your API from the schema itself, through introspection. It must be switched on, and the types must be as the task states them.',
        'Apollo Server allows introspection unless `introspection: false` is set (or NODE_ENV=production). Compare each signature with `awt-demo graphql --schema`.',
        'Shape: `new ApolloServer({ typeDefs, resolvers })` without `introspection: false`; `books: [Book!]!`, `book(id: ID!): Book`, `addBook(title: String!, author: String!): Book!` and `id: ID!`, `title: String!`, `author: String!` in Book.',
      ],
    },
    'graphql-over-http': {
      title: 'GraphQL over HTTP: the MUST audits of graphql-http pass',
      expected: 'every MUST audit of graphql-http passes (the SHOULDs are shown as advice, not failures)',
      hints: [
        'GraphQL over HTTP is a specification of its own: which methods, media types, encodings and status codes a server must use. Apollo follows it; changes to headers or bodies around it can break it.',
        'Look at the audit names in the failure: they say which rule is broken, e.g. the Content-Type of the response must be JSON in UTF-8. Check plugins, middleware and anything that sets headers.',
        'The plain setup passes: `startStandaloneServer(server, { listen: { port } })` with no plugin that rewrites the response.',
      ],
    },
  },
};
