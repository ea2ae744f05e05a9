/** One endpoint, /graphql, served by graphql-http (the GraphQL over HTTP reference server) on express. */
import express from 'express';
import { createHandler } from 'graphql-http/lib/use/express';
import type { BookStore } from '../books/store.js';
import { createSchema } from './schema.js';

export function createGraphqlApp(store: BookStore): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.all('/graphql', createHandler({ schema: createSchema(store) }));
  return app;
}
