/**
 * `npm run bench:agreement`: does our load generator measure what autocannon measures?
 * Both load the same REST server (the bench adapter's, no tap, on the main thread)
 * from a worker thread, with the same concurrency and duration, in turns (ours,
 * autocannon, autocannon, ours, …), so a machine that gets busier or quieter hits both
 * alike. Prints every round and the median difference; exits 1 when it is over 15 %.
 *
 * Many short rounds rather than a few long ones: on a shared machine the figures swing
 * by tens of percent from one second to the next; pairs of runs close in time, many
 * times over, are what averages that out.
 *
 * BENCH_CONCURRENCY (10), BENCH_DURATION seconds (1) and BENCH_ROUNDS (15) change the run.
 */
import { createRequire } from 'node:module';
import os from 'node:os';
import { benchAdapter as adapter } from '../../demos/rest/bench-adapter.js';
import { summarise } from '../../demos/bench/percentiles.js';
import { runInThread } from '../../demos/bench/run-in-thread.js';

interface AutocannonResult {
  duration: number;
  errors: number;
  non2xx: number;
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
}
type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  pipelining: number;
  workers: number;
}) => Promise<AutocannonResult>;

// autocannon is CommonJS without types; the few fields read here are typed above.
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 10);
const seconds = Number(process.env.BENCH_DURATION ?? 1);
const rounds = Number(process.env.BENCH_ROUNDS ?? 15);
const tolerance = 0.15;
/** Each of our runs starts a new load thread, whose JIT warms up first, as in `awt-demo bench`. */
const warmupMs = 500;
for (const [name, value] of Object.entries({ concurrency, seconds, rounds })) {
  if (!(Number.isInteger(value) && value > 0)) throw new Error(`${name} must be a whole number above 0, not ${value}`);
}

const server = await adapter.start({ concurrency });
try {
  const url = `${server.address.url}/v1/books`;
  // Exactly what `awt-demo bench` runs: the load thread, with its warm-up.
  const ours = async (warmupMs: number) => {
    const { answer, result } = await runInThread({
      id: adapter.id,
      address: server.address,
      concurrency,
      warmupMs,
      durationMs: seconds * 1000,
    });
    if (answer.books !== 6) throw new Error(`GET /v1/books returned ${answer.books} books, not 6`);
    if (result.errors > 0) throw new Error(`our generator saw ${result.errors} errors: ${result.firstError}`);
    const rps = result.completed / (result.elapsedMs / 1000);
    const latency = summarise(result.latenciesMs);
    console.log(
      `  ours        ${rps.toFixed(0).padStart(7)} req/s   median ${latency.median.toFixed(2)} ms, p99 ${latency.p99.toFixed(2)} ms`,
    );
    return rps;
  };
  const theirs = async () => {
    // One worker thread, as our load thread; pipelining 1: one request per connection at a time, like our loops.
    const result = await autocannon({ url, connections: concurrency, duration: seconds, pipelining: 1, workers: 1 });
    if (result.errors > 0 || result.non2xx > 0) {
      throw new Error(`autocannon saw ${result.errors} errors and ${result.non2xx} answers other than 2xx`);
    }
    const overall = result.requests.total / result.duration;
    console.log(
      `  autocannon  ${result.requests.average.toFixed(0).padStart(7)} req/s   median ${result.latency.p50} ms, p99 ${result.latency.p99} ms` +
        `   (${result.requests.total} in ${result.duration.toFixed(2)} s = ${overall.toFixed(0)} req/s)`,
    );
    return result.requests.average;
  };

  console.log(
    `REST, GET /v1/books, ${concurrency} connections, ${seconds} s per run, ${rounds} rounds, no tap; ` +
      'the server on the main thread, each load generator on a thread of its own',
  );
  const loadAtStart = os.loadavg()[0]!;
  // Each round is a pair of runs next to each other in time; the median pair decides,
  // so one round that another program on the machine disturbed does not.
  const differences: number[] = [];
  for (let round = 0; round < rounds; round++) {
    let ourRps: number;
    let theirRps: number;
    if (round % 2 === 0) {
      ourRps = await ours(warmupMs);
      theirRps = await theirs();
    } else {
      theirRps = await theirs();
      ourRps = await ours(warmupMs);
    }
    differences.push((ourRps - theirRps) / theirRps);
    console.log(`  round ${round + 1}: ours ${signed(differences.at(-1)!)} against autocannon`);
  }
  const sorted = [...differences].sort((x, y) => x - y);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  const difference = at(0.5);
  const verdict = Math.abs(difference) <= tolerance ? 'agree' : 'DISAGREE';
  console.log(
    `${rounds} rounds; ours against autocannon: median ${signed(difference)}, ` +
      `middle half ${signed(at(0.25))} … ${signed(at(0.75))} (how much the machine moved the figures)`,
  );
  // Both clients need CPU time of their own; once other programs keep the cores busy,
  // the client that needs more (node:http's, about twice autocannon's) falls behind.
  const busiest = Math.max(loadAtStart, os.loadavg()[0]!);
  console.log(
    `load average ${loadAtStart.toFixed(2)} at the start, ${os.loadavg()[0]!.toFixed(2)} at the end, ` +
      `on ${os.availableParallelism()} cores${busiest > os.availableParallelism() ? ': a busy machine, the figures are less sure' : ''}`,
  );
  console.log(`median difference ${signed(difference)} (allowed: ±${tolerance * 100} %): ${verdict}`);
  process.exitCode = Math.abs(difference) <= tolerance ? 0 : 1;
} finally {
  await server.close();
}

function signed(fraction: number): string {
  return `${fraction >= 0 ? '+' : ''}${(fraction * 100).toFixed(1)} %`;
}
