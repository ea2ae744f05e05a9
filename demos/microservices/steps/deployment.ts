/** Step 8: catalog v2 replaces v1 one instance at a time, while requests keep flowing; failures counted. */
import { performance } from 'node:perf_hooks';
import { sleep } from '../hops.js';
import type { MicroStep } from '../step.js';
import { withoutGraphql } from '../topology.js';

/** Bounds of the traffic: one request every 20 ms, at most 200 of them. */
const pauseMs = 20;
const maxRequests = 200;
/** Requests that must still succeed after the last old instance stopped: v2 alone serves them. */
const afterwards = 3;

const v2 = { CATALOG_VERSION: '2', ...withoutGraphql };

export const deploymentStep: MicroStep = {
  id: 'deployment',
  spares: [
    { service: 'catalog', as: 'catalog-2', env: withoutGraphql },
    { service: 'catalog', as: 'catalog-v2a', env: v2 },
    { service: 'catalog', as: 'catalog-v2b', env: v2 },
  ],
  async run({ session, lesson: t }) {
    const second = await session.start('catalog', 'catalog-2', withoutGraphql);
    const gateway = session.client('gateway');
    const tally = { requests: 0, failed: 0, v1: 0, v2: 0, statuses: new Set<number>() };
    let rolling = true;
    let answered = () => undefined as void;
    /** Resolves once `count` requests have had their answer (or the traffic reached its bound). */
    const answersUpTo = (count: number) =>
      new Promise<void>((resolve) => {
        answered = () => {
          if (tally.requests >= count || tally.requests >= maxRequests) resolve();
        };
        answered();
      });
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
        answered();
        await sleep(pauseMs);
      }
    })();
    // The traffic runs against v1 alone first, so both versions are seen to answer.
    await answersUpTo(afterwards);
    const started = performance.now();
    const log: Array<{ ms: number; action: 'start' | 'stop'; name: string }> = [];
    const note = (action: 'start' | 'stop', name: string) =>
      log.push({ ms: performance.now() - started, action, name });
    // One at a time: a new instance is up and registered before an old one leaves.
    await session.start('catalog', 'catalog-v2a', v2);
    note('start', 'catalog-v2a');
    await session.process('catalog').stop();
    note('stop', 'catalog');
    await session.start('catalog', 'catalog-v2b', v2);
    note('start', 'catalog-v2b');
    await second.stop();
    note('stop', 'catalog-2');
    // A few more requests after the last v1 left (not a fixed pause: the traffic itself is the clock).
    await answersUpTo(tally.requests + afterwards);
    rolling = false;
    await traffic;
    return [
      t.facts.rollout({ steps: log.map((entry) => t.facts.rolloutStep(entry)).join(', ') }),
      t.facts.zeroFailed({ ...tally, statuses: [...tally.statuses].join(', ') }),
    ];
  },
};
