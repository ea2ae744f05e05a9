/** Step 3: a registry, registrations and heartbeats with a TTL, and lookups, all on the wire. */
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { httpExchanges } from '../../wire/http-facts.js';
import type { MicroStep } from '../step.js';
import { timing, withoutGraphql } from '../topology.js';

interface Lookup {
  instances: Array<{ id: string; url: string; ageMs: number }>;
}

/**
 * The instance that is killed registers with a short TTL of its own (heartbeats every
 * 100 ms, gone 300 ms after the last), so the demo need not wait the others' TTL.
 */
export const shortLived = { HEARTBEAT_MS: '100', TTL_MS: '300' };
const reviews2 = { ...shortLived, ...withoutGraphql };

interface Expired {
  kind: 'expired';
  url: string;
  silentMs: number;
}

export const discoveryStep: MicroStep = {
  id: 'discovery',
  spares: [
    { service: 'reviews', as: 'reviews-2', env: reviews2 },
    { service: 'reviews', as: 'reviews-3' },
  ],
  async run({ session, lesson: t, items }) {
    const registry = session.client('registry');
    const registryProcess = session.process('registry');
    const second = await session.start('reviews', 'reviews-2', reviews2);
    const both = (await registry.send({ path: '/services/reviews' })).json as Lookup;
    const registered = httpExchanges(items()).find((e) => e.hop?.from === 'reviews-2' && e.request.method === 'POST');

    // Its first heartbeat crosses the wire before it dies, so the step shows what then stops
    // (bounded: a heartbeat that never comes leaves the count at 0, which the fact says).
    const beating = () => httpExchanges(items()).some((e) => e.hop?.background && e.hop.from === 'reviews-2');
    const beatWait = 20 * Number(shortLived.HEARTBEAT_MS);
    for (let waited = 0; !beating() && waited < beatWait; waited += 20) await sleep(20);

    // SIGKILL: the process cannot say goodbye; only the missing heartbeats tell the registry.
    const since = registryProcess.events.length;
    const killedAt = performance.now();
    await second.kill();
    const ttl = Number(shortLived.TTL_MS);
    // The registry reports the moment it drops the entry; bounded, should it never come.
    const expiry = (await registryProcess
      .event((e) => (e as Partial<Expired>).kind === 'expired' && (e as Expired).url === second.url, since, 20 * ttl)
      .catch(() => undefined)) as Expired | undefined;
    const goneAfter = performance.now() - killedAt;
    const left = ((await registry.send({ path: '/services/reviews' })).json as Lookup).instances.length;
    // A replacement takes its place, so the gateway has two instances again in the next step.
    await session.start('reviews', 'reviews-3');
    const heartbeats = httpExchanges(items()).filter((e) => e.hop?.background).length;
    return [
      t.facts.registered({ status: registered?.response?.status ?? 0, body: registered?.request.body ?? '' }),
      t.facts.lookupBoth({ count: both.instances.length, urls: both.instances.map((i) => i.url).join(', ') }),
      t.facts.expired({
        ms: goneAfter,
        silentMs: expiry?.silentMs ?? NaN,
        left,
        ttl,
        heartbeat: Number(shortLived.HEARTBEAT_MS),
        othersTtl: Number(timing.TTL_MS),
        gone: expiry !== undefined && left < both.instances.length,
      }),
      t.facts.heartbeats({ count: heartbeats }),
    ];
  },
};
