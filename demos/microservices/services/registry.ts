/**
 * The service registry: instances register (POST), keep their entry alive with
 * heartbeats (PUT) and leave (DELETE); a lookup (GET) returns the instances whose
 * last heartbeat is younger than their TTL. An instance that dies without leaving
 * disappears when its TTL runs out, which is the point of the heartbeats.
 */
import { randomBytes } from 'node:crypto';
import { BadRequest, readJson, sendJson } from '../runtime/http-io.js';
import { runService } from '../runtime/service-runtime.js';

interface Entry {
  id: string;
  service: string;
  url: string;
  ttlMs: number;
  seenAt: number;
}

/** Bounds: the registry is reachable by anyone on the machine during --serve. */
const maxEntries = 100;
const servicePattern = /^[a-z][a-z0-9-]{0,39}$/;

const entries = new Map<string, Entry>();
const alive = (entry: Entry, now: number) => now - entry.seenAt <= entry.ttlMs;
let expired: (entry: Entry, now: number) => void = () => undefined;
const sweep = (now: number) => {
  for (const [id, entry] of entries) {
    if (alive(entry, now)) continue;
    entries.delete(id);
    expired(entry, now);
  }
};

/** How often the registry looks for expired entries by itself (it also does at every request). */
const sweepMs = 50;

await runService({
  async setUp(_env, _client, send) {
    // awt-demo learns the moment an entry expires, so the demo waits for that rather than polling.
    expired = (entry, now) =>
      send({
        kind: 'expired',
        service: entry.service,
        url: entry.url,
        silentMs: now - entry.seenAt,
        ttlMs: entry.ttlMs,
      });
    setInterval(() => sweep(Date.now()), sweepMs).unref();
  },
  async handle(request, response, { url }) {
    const now = Date.now();
    sweep(now);
    const path = url.pathname;
    if (request.method === 'POST' && path === '/instances') {
      const entry = validEntry(await readJson(request));
      if (entries.size >= maxEntries) throw new BadRequest(503, `registry full (${maxEntries} instances)`);
      const id = randomBytes(4).toString('hex');
      entries.set(id, { id, ...entry, seenAt: now });
      return sendJson(response, 201, { id, ttlMs: entry.ttlMs }, { Location: `/instances/${id}` });
    }
    const instance = /^\/instances\/([0-9a-f]{8})$/.exec(path)?.[1];
    if (instance && (request.method === 'PUT' || request.method === 'DELETE')) {
      const entry = entries.get(instance);
      if (!entry) throw new BadRequest(404, 'no such instance (expired or never registered)');
      if (request.method === 'PUT') entry.seenAt = now;
      else entries.delete(instance);
      response.writeHead(204).end();
      return;
    }
    const service = /^\/services\/([^/]+)$/.exec(path)?.[1];
    if (service !== undefined && request.method === 'GET') {
      const name = decodeURIComponent(service);
      if (!servicePattern.test(name)) throw new BadRequest(400, 'service names are lower-case words');
      const instances = [...entries.values()]
        .filter((entry) => entry.service === name)
        .map((entry) => ({ id: entry.id, url: entry.url, ageMs: now - entry.seenAt }));
      return sendJson(response, 200, { service: name, instances });
    }
    return false;
  },
});

function validEntry(body: unknown): Omit<Entry, 'id' | 'seenAt'> {
  const { service, url, ttlMs } = (body ?? {}) as Record<string, unknown>;
  if (typeof service !== 'string' || !servicePattern.test(service)) {
    throw new BadRequest(400, 'service: a lower-case name, up to 40 characters');
  }
  if (typeof url !== 'string' || url.length > 200 || !/^https?:\/\/[^\s/]+\/?$/.test(url)) {
    throw new BadRequest(400, 'url: http://host:port, up to 200 characters');
  }
  if (typeof ttlMs !== 'number' || !Number.isInteger(ttlMs) || ttlMs < 100 || ttlMs > 60_000) {
    throw new BadRequest(400, 'ttlMs: a whole number from 100 to 60000');
  }
  return { service, url: url.replace(/\/$/, ''), ttlMs };
}
