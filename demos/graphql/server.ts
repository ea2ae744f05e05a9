/** One endpoint, /graphql, served by graphql-http (the GraphQL over HTTP reference server) on express. */
import express from 'express';
import { createHandler } from 'graphql-http/lib/use/express';
import type { BookStore } from '../books/store.js';
import { createSchema } from './schema.js';

export interface GraphqlAppOptions {
  /** Pages for a browser (`--serve`): an index at / and GraphiQL on GET /graphql; the scenario needs none. */
  explorer?: express.Router;
}

export function createGraphqlApp(store: BookStore, options: GraphqlAppOptions = {}): express.Express {
  const app = express();
  app.disable('x-powered-by');
  if (options.explorer) app.use(options.explorer);
  app.all('/graphql', createHandler({ schema: createSchema(store) }));
  return app;
}
