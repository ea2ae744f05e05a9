/**
 * The price of the split, measured: the same book page from the monolith and through the
 * gateway, taken in turns, as data. Step 10 shows it; `awt-demo compare microservices`
 * measures it on its own and prints it as a table or JSON.
 */
import { bytesOf, hopsOf, median } from './hops.js';
import type { WireItem } from '../wire/trace.js';
import type { MicroSession } from './session.js';

export interface PriceSide {
  /** Median round trips on the wire for one page (the client's and all inside). */
  roundTrips: number;
  /** Median bytes on the wire for one page, both ways, heads included. */
  bytes: number;
  /** Median time the client waited for the page, in ms. */
  latencyMs: number;
  /** The processes that served the page: the monolith, or every process a hop went to. */
  processes: string[];
  /** Their resident memory together, in bytes. */
  rssBytes: number;
}

export interface Price {
  runs: number;
  monolith: PriceSide;
  microservices: PriceSide;
}

interface Visit {
  trips: number;
  bytes: number;
  ms: number;
  to: string[];
}

export async function measurePrice(session: MicroSession, items: () => readonly WireItem[], runs = 5): Promise<Price> {
  const sides = {
    monolith: { client: session.client('monolith'), path: '/book-page/1', headers: {} as Record<string, string> },
    microservices: {
      client: session.client('gateway'),
      path: '/api/book-page/1',
      headers: { 'X-Api-Key': session.apiKey },
    },
  };
  const visits = { monolith: [] as Visit[], microservices: [] as Visit[] };
  // One request each first, not counted: both sides start warm (connections open, code compiled).
  for (const side of Object.values(sides)) await side.client.send({ path: side.path, headers: side.headers });
  // Taken in turns, so a busy moment of the machine falls on both sides alike.
  for (let i = 0; i < runs; i++) {
    for (const name of ['monolith', 'microservices'] as const) {
      const side = sides[name];
      const trace = session.newTrace();
      await side.client.send({ path: side.path, headers: { ...trace.headers, ...side.headers } });
      const hops = hopsOf(items(), trace.traceId);
      const outer = hops.find((e) => e.hop?.from === 'client');
      visits[name].push({
        trips: hops.length,
        bytes: bytesOf(hops),
        ms: outer?.durationMs ?? NaN,
        to: [...hops].sort((a, b) => a.at - b.at).map((e) => e.hop?.to ?? '?'),
      });
    }
  }
  const summary = async (list: Visit[]): Promise<PriceSide> => {
    // The process the client asked first, then the others in the order the page reached them.
    const names = [...new Set(list.flatMap((v) => v.to))].filter((name) => session.processes.has(name));
    const rss = await Promise.all(names.map((name) => session.process(name).rss()));
    return {
      roundTrips: median(list.map((v) => v.trips)),
      bytes: median(list.map((v) => v.bytes)),
      latencyMs: median(list.map((v) => v.ms)),
      processes: names,
      rssBytes: rss.reduce((a, b) => a + b, 0),
    };
  };
  return { runs, monolith: await summary(visits.monolith), microservices: await summary(visits.microservices) };
}

/** How many times the monolith's figure the services need: the step's and the view's one sentence. */
export function priceRatios(price: Price) {
  const { monolith: mono, microservices: micro } = price;
  return {
    trips: micro.roundTrips / mono.roundTrips,
    bytes: micro.bytes / mono.bytes,
    ms: micro.latencyMs / mono.latencyMs,
    runs: price.runs,
    names: micro.processes.join(', '),
  };
}
