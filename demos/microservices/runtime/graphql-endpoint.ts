/**
 * A minimal GraphQL-over-HTTP endpoint (POST, JSON body with query and variables) for
 * the services. graphql is loaded on the first request: processes that never get
 * a GraphQL request start without it.
 */
import type http from 'node:http';
import type { GraphQLSchema } from 'graphql';
import { BadRequest, readJson, sendJson } from './http-io.js';

export interface Executable {
  schema: GraphQLSchema;
  rootValue?: unknown;
}

export function graphqlEndpoint(load: () => Promise<Executable>, contextValue?: unknown) {
  let loaded: Promise<Executable> | undefined;
  const endpoint = async (request: http.IncomingMessage, response: http.ServerResponse) => {
    if (request.method !== 'POST') throw new BadRequest(405, 'GraphQL here takes POST');
    const { query, variables } = ((await readJson(request)) ?? {}) as { query?: unknown; variables?: unknown };
    if (typeof query !== 'string') throw new BadRequest(400, 'query: a string');
    const { graphql } = await import('graphql');
    loaded ??= load();
    const { schema, rootValue } = await loaded;
    const result = await graphql({
      schema,
      source: query,
      rootValue,
      contextValue,
      variableValues: variables && typeof variables === 'object' ? (variables as Record<string, unknown>) : undefined,
    });
    sendJson(response, 200, result);
  };
  /** Loads graphql and the schema now rather than on the first request. */
  endpoint.load = async () => {
    loaded ??= load();
    await loaded;
  };
  /**
   * A service's preload: graphql is loaded before the service registers, since loading it
   * later would stall the heartbeats; with GRAPHQL_LOAD=lazy (instances the demo never asks
   * in GraphQL) on the first GraphQL request instead.
   */
  endpoint.preload = async () => (process.env.GRAPHQL_LOAD === 'lazy' ? undefined : endpoint.load());
  return endpoint;
}

/** A service's own schema from its SDL, resolved by the functions of `rootValue`. */
export function graphqlHandler(sdl: string, rootValue: Record<string, unknown>) {
  return graphqlEndpoint(async () => {
    const { buildSchema } = await import('graphql');
    return { schema: buildSchema(sdl), rootValue };
  });
}
