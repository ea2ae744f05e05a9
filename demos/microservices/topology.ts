/**
 * The services of the demo and the settings each reads: one table that both the run
 * (child processes on loopback) and the deploy files (containers) are made from, so
 * the two cannot drift apart.
 */
import type { ServiceEntry } from './spawn-service.js';

export interface ServiceSpec {
  /** Its name in compose and Kubernetes, and the name it is reached by there. */
  name: string;
  entry: ServiceEntry;
  /** The port it listens on in a container (on loopback it takes any free port). */
  port: number;
  /** Settings of its own; REGISTRY_URL and the heartbeat settings come from `shared`. */
  env: Record<string, string>;
  /** Needs the broker (AMQP_URL, AMQP_PREFIX). */
  broker?: boolean;
  /** Reachable from outside the cluster. */
  public?: boolean;
}

/**
 * Heartbeat every second, gone 3 s after the last one: room for two missed beats when the
 * machine is busy, and few heartbeats on the wire. (The instance the discovery step
 * kills has a short TTL of its own.) The breaker half-opens 250 ms after it opened:
 * short, so the demo need not wait for it.
 */
export const timing = { HEARTBEAT_MS: '1000', TTL_MS: '3000', BREAKER_RESET_MS: '250', BREAKER_TIMEOUT_MS: '400' };

/** For instances the demo never asks in GraphQL: they load graphql only should a GraphQL request come. */
export const withoutGraphql = { GRAPHQL_LOAD: 'lazy' };

/** The key a client shows at the gateway; a demo value, printed in the examples. */
export const demoApiKey = 'awt-demo-key';

export const services: readonly ServiceSpec[] = [
  { name: 'registry', entry: 'registry', port: 8500, env: {} },
  { name: 'catalog', entry: 'catalog', port: 8081, env: { CATALOG_VERSION: '1' } },
  { name: 'reviews', entry: 'reviews', port: 8082, env: {} },
  { name: 'orders', entry: 'orders', port: 8083, env: {}, broker: true },
  { name: 'stock', entry: 'stock', port: 8084, env: {}, broker: true },
  {
    name: 'gateway',
    entry: 'gateway',
    port: 8080,
    env: {
      API_KEY: demoApiKey,
      BREAKER_RESET_MS: timing.BREAKER_RESET_MS,
      BREAKER_TIMEOUT_MS: timing.BREAKER_TIMEOUT_MS,
    },
    public: true,
  },
  { name: 'bff-web', entry: 'bff', port: 8090, env: { BFF_VARIANT: 'web' }, public: true },
  { name: 'bff-mobile', entry: 'bff', port: 8091, env: { BFF_VARIANT: 'mobile' }, public: true },
  { name: 'graphql', entry: 'graphql-gateway', port: 4000, env: {}, public: true },
];

/** The monolith of the first step: not part of the deployment, only of the comparison. */
export const monolith: ServiceSpec = { name: 'monolith', entry: 'monolith', port: 8000, env: {} };

export function spec(name: string): ServiceSpec {
  const found = services.find((s) => s.name === name);
  if (!found) throw new Error(`no service ${name}`);
  return found;
}
