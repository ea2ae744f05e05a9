/**
 * Client-side service discovery: register with the registry on start, keep the entry
 * alive with heartbeats (it expires after its TTL otherwise), deregister on a clean
 * stop; look services up and spread calls over their instances (round robin).
 */
import type { ServiceClient } from './service-client.js';
import type { TraceContext } from './trace-context.js';

export interface Instance {
  id: string;
  url: string;
}

export interface Registration {
  readonly id: string;
  /** Deregisters (DELETE) and stops the heartbeats. */
  leave(): Promise<void>;
}

/** Joining is once per process and worth waiting for; heartbeats keep the client's shorter default. */
const joinTimeoutMs = 5000;

export async function register(
  client: ServiceClient,
  registryUrl: string,
  entry: { service: string; url: string; ttlMs: number; heartbeatMs: number },
): Promise<Registration> {
  const join = async () => {
    const ask = () =>
      client.call(`${registryUrl}/instances`, {
        method: 'POST',
        body: { service: entry.service, url: entry.url, ttlMs: entry.ttlMs },
        timeoutMs: joinTimeoutMs,
      });
    // Asked twice at most: a registry slow to answer on a busy machine gets a second chance, not a third.
    const reply = await ask().catch(ask);
    const id = (reply.json as { id?: unknown } | undefined)?.id;
    if (reply.status !== 201 || typeof id !== 'string') throw new Error(`registry answered ${reply.status}`);
    return id;
  };
  let id = await join();
  let beating = false;
  const timer = setInterval(() => {
    if (beating) return;
    beating = true;
    client
      .call(`${registryUrl}/instances/${id}`, { method: 'PUT' })
      // 404: the entry expired meanwhile (a long pause); join again, as a new instance would.
      .then(async (reply) => (reply.status === 404 ? (id = await join()) : id))
      .catch(() => undefined)
      .finally(() => (beating = false));
  }, entry.heartbeatMs);
  return {
    get id() {
      return id;
    },
    async leave() {
      clearInterval(timer);
      await client.call(`${registryUrl}/instances/${id}`, { method: 'DELETE' }).catch(() => undefined);
    },
  };
}

/** Looks a service up for every call and takes its instances in turn. */
export function createResolver(client: ServiceClient, registryUrl: string) {
  const turns = new Map<string, number>();
  return {
    async instances(service: string, trace?: TraceContext): Promise<Instance[]> {
      const reply = await client.call(`${registryUrl}/services/${encodeURIComponent(service)}`, {
        ...(trace ? { trace } : {}),
      });
      const list = (reply.json as { instances?: unknown } | undefined)?.instances;
      return Array.isArray(list) ? (list as Instance[]) : [];
    },
    /** Instances in the order to try them: the next in turn first, the others as fall-backs. */
    async ordered(service: string, trace?: TraceContext): Promise<Instance[]> {
      const all = await this.instances(service, trace);
      const turn = turns.get(service) ?? 0;
      turns.set(service, turn + 1);
      const start = all.length > 0 ? turn % all.length : 0;
      return [...all.slice(start), ...all.slice(0, start)];
    },
  };
}

export type Resolver = ReturnType<typeof createResolver>;
