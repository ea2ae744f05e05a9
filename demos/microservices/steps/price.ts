/** Step 10: the same book page from the monolith and from the services, measured in this run. */
import { bytesOf, hopsOf, median } from '../hops.js';
import type { MicroStep } from '../step.js';

const runs = 5;

interface Visit {
  trips: number;
  bytes: number;
  ms: number;
}

export const priceStep: MicroStep = {
  id: 'price',
  async run({ session, lesson: t, items }) {
    const sides = {
      mono: { client: session.client('monolith'), path: '/book-page/1', headers: {} as Record<string, string> },
      micro: { client: session.client('gateway'), path: '/api/book-page/1', headers: { 'X-Api-Key': session.apiKey } },
    };
    const results = { mono: [] as Visit[], micro: [] as Visit[] };
    // One request each first, not counted: both sides start warm (connections open, code compiled).
    for (const side of Object.values(sides)) await side.client.send({ path: side.path, headers: side.headers });
    // Taken in turns, so a busy moment of the machine falls on both sides alike.
    for (let i = 0; i < runs; i++) {
      for (const name of ['mono', 'micro'] as const) {
        const side = sides[name];
        const trace = session.newTrace();
        await side.client.send({ path: side.path, headers: { ...trace.headers, ...side.headers } });
        const hops = hopsOf(items(), trace.traceId);
        const outer = hops.find((e) => e.hop?.from === 'client');
        results[name].push({ trips: hops.length, bytes: bytesOf(hops), ms: outer?.durationMs ?? NaN });
      }
    }
    const summary = (visits: Visit[]) => ({
      trips: median(visits.map((r) => r.trips)),
      bytes: median(visits.map((r) => r.bytes)),
      ms: median(visits.map((r) => r.ms)),
    });
    const mono = summary(results.mono);
    const micro = summary(results.micro);
    const services = [...session.processes.values()].filter((p) => p.alive && p.entry !== 'monolith');
    const monoRss = await session.process('monolith').rss();
    const microRss = (await Promise.all(services.map((p) => p.rss()))).reduce((a, b) => a + b, 0);
    const rows = [
      { label: t.price.trips, mono: t.format.int({ value: mono.trips }), micro: t.format.int({ value: micro.trips }) },
      { label: t.price.bytes, mono: t.format.int({ value: mono.bytes }), micro: t.format.int({ value: micro.bytes }) },
      { label: t.price.latency, mono: t.format.ms({ value: mono.ms }), micro: t.format.ms({ value: micro.ms }) },
      { label: t.price.processes, mono: '1', micro: t.format.int({ value: services.length }) },
      { label: t.price.memory, mono: t.format.mb({ bytes: monoRss }), micro: t.format.mb({ bytes: microRss }) },
    ];
    return {
      facts: [
        t.facts.price({
          trips: micro.trips / mono.trips,
          bytes: micro.bytes / mono.bytes,
          ms: micro.ms / mono.ms,
          runs,
          names: services.map((p) => p.instance).join(', '),
        }),
      ],
      figures: [
        {
          kind: 'table',
          rows: [
            [t.price.what, t.price.monolith, t.price.microservices],
            ...rows.map((r) => [r.label, r.mono, r.micro]),
          ],
          align: ['left', 'right', 'right'],
        },
      ],
    };
  },
};
