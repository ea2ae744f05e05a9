/** Step 3: a registry, registrations and heartbeats with a TTL, and lookups, all on the wire. */
import { performance } from 'node:perf_hooks';
import { httpExchanges } from '../../wire/http-facts.js';
import { sleep } from '../hops.js';
import type { MicroStep } from '../step.js';
import { timing } from '../topology.js';

interface Lookup {
  instances: Array<{ id: string; url: string; ageMs: number }>;
}

export const discoveryStep: MicroStep = {
  id: 'discovery',
  async run({ session, lesson: t, items }) {
    const registry = session.client('registry');
    const second = await session.start('reviews', 'reviews-2');
    const both = (await registry.send({ path: '/services/reviews' })).json as Lookup;
    const registered = httpExchanges(items()).find((e) => e.hop?.from === 'reviews-2' && e.request.method === 'POST');

    // SIGKILL: the process cannot say goodbye; only the missing heartbeats tell the registry.
    await second.kill();
    const killedAt = performance.now();
    let lookups = 0;
    let left = both.instances.length;
    while (left >= both.instances.length && performance.now() - killedAt < 5 * Number(timing.TTL_MS)) {
      await sleep(100);
      lookups++;
      left = ((await registry.send({ path: '/services/reviews' })).json as Lookup).instances.length;
    }
    const goneAfter = performance.now() - killedAt;
    // A replacement takes its place, so the gateway has two instances again in the next step.
    await session.start('reviews', 'reviews-3');
    const heartbeats = httpExchanges(items()).filter((e) => e.hop?.background).length;
    return [
      t.facts.registered({ status: registered?.response?.status ?? 0, body: registered?.request.body ?? '' }),
      t.facts.lookupBoth({ count: both.instances.length, urls: both.instances.map((i) => i.url).join(', ') }),
      t.facts.expired({
        ms: goneAfter,
        lookups,
        ttl: Number(timing.TTL_MS),
        heartbeat: Number(timing.HEARTBEAT_MS),
        gone: left < both.instances.length,
      }),
      t.facts.heartbeats({ count: heartbeats }),
    ];
  },
};
