/** One endpoint, /graphql, served by graphql-http (the GraphQL over HTTP reference server) on express. */
import express from 'express';
import type { BookStore } from '../books/store.js';
import { graphqlHandler } from './http-handler.js';
import { createSchema } from './schema.js';

/**
 * Tokens one document may have. graphql-js validates overlapping fields in time that grows
 * with the square of the selections (OverlappingFieldsCanBeMergedRule): a 56 KB query of
 * 2000 aliases holds the event loop for seconds, and with it every other connection.
 * The lecture's largest document, the full introspection query, has under 200 tokens.
 */
export const maxTokens = 3000;

export interface GraphqlAppOptions {
  /** Pages for a browser (`--serve`): an index at / and GraphiQL on GET /graphql; the scenario needs none. */
  explorer?: express.Router;
}

export function createGraphqlApp(store: BookStore, options: GraphqlAppOptions = {}): express.Express {
  const app = express();
  app.disable('x-powered-by');
  if (options.explorer) app.use(options.explorer);
  app.all('/graphql', graphqlHandler(createSchema(store), store, maxTokens));
  return app;
}
