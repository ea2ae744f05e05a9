/**
 * One call to "a" service: look it up in the registry, try the instance whose turn it
 * is, and, for a read, the next one when that instance cannot be reached (it may
 * have just stopped in a rolling update). Every attempt is a hop on the wire.
 */
import type { Resolver } from './discovery.js';
import { CallFailed, type CallOptions, type CallReply, type ServiceClient } from './service-client.js';

export class NoInstance extends Error {
  constructor(readonly service: string) {
    super(`no instance of ${service} is registered`);
  }
}

export async function callService(
  client: ServiceClient,
  resolver: Resolver,
  service: string,
  path: string,
  options: CallOptions = {},
): Promise<CallReply> {
  const instances = await resolver.ordered(service, options.trace);
  if (instances.length === 0) throw new NoInstance(service);
  const retry = (options.method ?? 'GET') === 'GET';
  let last: unknown;
  for (const instance of retry ? instances : instances.slice(0, 1)) {
    try {
      return await client.call(`${instance.url}${path}`, options);
    } catch (error) {
      last = error;
      if (!(error instanceof CallFailed) || error.reason !== 'unreachable') break;
    }
  }
  throw last;
}
