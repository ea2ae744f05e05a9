/**
 * A GraphQL subscription over WebSocket on the same server, spoken in the
 * graphql-transport-ws protocol (github.com/enisdenjo/graphql-ws, PROTOCOL.md):
 * connection_init → connection_ack, subscribe → next … → complete, each one JSON
 * message in one text frame.
 */
import { buildSchema, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import type { WebSocketServer } from 'ws';
import type { BookStore } from '../books/store.js';
import type { Book } from '../books/types.js';

const subscriptionTypeDefs = /* GraphQL */ `
  type Book {
    id: ID!
    title: String!
    author: String!
    year: Int
  }

  type Query {
    books: [Book!]!
  }

  type Subscription {
    "Every book added from now on, the moment it is added."
    bookAdded: Book!
  }
`;

export interface GraphqlWsServer {
  /** Resolves when the next subscription to bookAdded has started listening. */
  whenSubscribed(): Promise<void>;
}

export function serveGraphqlWs(wss: WebSocketServer, store: BookStore): GraphqlWsServer {
  const subscribed = new Set<() => void>();
  const schema = createSubscriptionSchema(store, () => {
    for (const resolve of subscribed) resolve();
    subscribed.clear();
  });
  useServer({ schema }, wss);
  return { whenSubscribed: () => new Promise<void>((resolve) => subscribed.add(resolve)) };
}

function createSubscriptionSchema(store: BookStore, onListening: () => void = () => {}): GraphQLSchema {
  const schema = buildSchema(subscriptionTypeDefs);
  (schema.getType('Query') as GraphQLObjectType).getFields().books!.resolve = () => store.list();
  const bookAdded = (schema.getType('Subscription') as GraphQLObjectType).getFields().bookAdded!;
  bookAdded.subscribe = () => {
    const books = booksAsAdded(store);
    onListening();
    return books;
  };
  bookAdded.resolve = (book: Book) => book;
  return schema;
}

/** The store's "book added" events as an async iterator; return() stops listening (on complete). */
function booksAsAdded(store: BookStore): AsyncIterableIterator<Book> {
  const queued: Book[] = [];
  let wake: ((result: IteratorResult<Book>) => void) | undefined;
  const stop = store.onBookAdded((book) => {
    if (wake) wake({ value: book, done: false });
    else queued.push(book);
    wake = undefined;
  });
  const finish = () => {
    stop();
    wake?.({ value: undefined, done: true });
    wake = undefined;
    return Promise.resolve<IteratorResult<Book>>({ value: undefined, done: true });
  };
  return {
    next: () =>
      queued.length > 0
        ? Promise.resolve({ value: queued.shift()!, done: false })
        : new Promise((resolve) => (wake = resolve)),
    return: finish,
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
