/** Step 8: catalog v2 replaces v1 one instance at a time, while requests keep flowing; failures counted. */
import { performance } from 'node:perf_hooks';
import { sleep } from '../hops.js';
import type { MicroStep } from '../step.js';

/** Bounds of the traffic: one request every 15 ms, at most 400 of them. */
const pauseMs = 15;
const maxRequests = 400;

export const deploymentStep: MicroStep = {
  id: 'deployment',
  async run({ session, lesson: t }) {
    const second = await session.start('catalog', 'catalog-2');
    const gateway = session.client('gateway');
    const tally = { requests: 0, failed: 0, v1: 0, v2: 0, statuses: new Set<number>() };
    let rolling = true;
    const traffic = (async () => {
      while (rolling && tally.requests < maxRequests) {
        tally.requests++;
        try {
          const reply = await gateway.send({ path: '/api/books/1', headers: { 'X-Api-Key': session.apiKey } });
          tally.statuses.add(reply.status);
          if (reply.status !== 200) tally.failed++;
          else if ((reply.json as { isbn10?: unknown }).isbn10 !== undefined) tally.v2++;
          else tally.v1++;
        } catch {
          tally.failed++;
        }
        await sleep(pauseMs);
      }
    })();
    const started = performance.now();
    const log: Array<{ ms: number; action: 'start' | 'stop'; name: string }> = [];
    const note = (action: 'start' | 'stop', name: string) =>
      log.push({ ms: performance.now() - started, action, name });
    // One at a time: a new instance is up and registered before an old one leaves.
    await session.start('catalog', 'catalog-v2a', { CATALOG_VERSION: '2' });
    note('start', 'catalog-v2a');
    await session.process('catalog').stop();
    note('stop', 'catalog');
    await session.start('catalog', 'catalog-v2b', { CATALOG_VERSION: '2' });
    note('start', 'catalog-v2b');
    await second.stop();
    note('stop', 'catalog-2');
    await sleep(100);
    rolling = false;
    await traffic;
    return [
      t.facts.rollout({ steps: log.map((entry) => t.facts.rolloutStep(entry)).join(', ') }),
      t.facts.zeroFailed({ ...tally, statuses: [...tally.statuses].join(', ') }),
    ];
  },
};
