/**
 * `npm run bench`: how long the CLI takes, next to node's own start measured in the
 * same run (so the ratios hold on a slow or busy machine). Targets:
 * `--help` at most 1.35× node's start; the whole GraphQL demo at most 4×; the whole
 * microservices demo (about fifteen child processes, a TTL and a breaker's reset waited
 * for) at most 120×, which is 5 s where node starts in 40 ms.
 */
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

// The installed command: bin/launch.cts, which answers --help from a CommonJS bundle.
const bin = fileURLToPath(new URL('../../dist/bin/launch.cjs', import.meta.url));
const runs = Math.max(5, Number(process.env.BENCH_RUNS ?? 9));

const cases = [
  { name: 'node -e 0', args: ['-e', '0'], target: undefined },
  { name: 'awt-demo --help', args: [bin, '--help'], target: 1.35 },
  { name: 'awt-demo graphql --json', args: [bin, 'graphql', '--json'], target: 4 },
  { name: 'awt-demo microservices --json', args: [bin, 'microservices', '--json'], target: 120 },
] as const;

function once(args: readonly string[]): number {
  const start = performance.now();
  const result = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  const elapsed = performance.now() - start;
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed: ${result.stderr.toString()}`);
  return elapsed;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

// Interleaved, so a slow moment of the machine hits every case alike; one warm-up each.
const times: number[][] = cases.map(() => []);
cases.forEach((c) => once(c.args));
for (let i = 0; i < runs; i++) cases.forEach((c, j) => times[j]!.push(once(c.args)));

const baseline = median(times[0]!);
console.log(`median wall time of ${runs} runs each (node ${process.version})\n`);
console.log(`${'command'.padEnd(32)} ${'median'.padStart(9)} ${'× node'.padStart(7)}  target`);
cases.forEach((c, j) => {
  const ms = median(times[j]!);
  const ratio = ms / baseline;
  const verdict = c.target === undefined ? '' : `≤ ${c.target}×  ${ratio <= c.target ? 'met' : 'MISSED'}`;
  console.log(`${c.name.padEnd(32)} ${ms.toFixed(1).padStart(6)} ms ${ratio.toFixed(2).padStart(6)}×  ${verdict}`);
});
