/**
 * `npm run bench:micro`: the whole microservices demo, next to node's own start and the
 * REST demo measured in the same run, so the ratios hold on a busy machine. Besides the
 * wall time it prints the CPU time of each command with all its child processes (from
 * /proc: cutime + cstime), which load on the machine changes much less, and the load
 * average before and after. Target: under 5 s on a quiet machine, which is about 120×
 * node's start (40 ms) — the ratio is what is compared on a busy one.
 * BENCH_BASE=path/to/another/dist/bin/launch.cjs adds that build's microservices run (a
 * checkout of main, say), so a change is measured against it under the same load.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../dist/bin/launch.cjs', import.meta.url));
const runs = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));

const cases = [
  { name: 'node -e 0', args: ['-e', '0'] },
  { name: 'awt-demo rest --json', args: [bin, 'rest', '--json'] },
  { name: 'awt-demo microservices --json', args: [bin, 'microservices', '--json'] },
  { name: '… --broker embedded', args: [bin, 'microservices', '--json', '--broker', 'embedded'] },
  ...(process.env.BENCH_BASE
    ? [{ name: '… of BENCH_BASE', args: [process.env.BENCH_BASE, 'microservices', '--json'] }]
    : []),
];

/** CPU seconds of this process's waited-for children so far (Linux: /proc/self/stat fields 16 and 17). */
function childCpuMs(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // After "pid (comm) ", the state is field 3: cutime and cstime are fields 16 and 17, in ticks of 10 ms.
  return (Number(fields[13]) + Number(fields[14])) * 10;
}

const failures: string[] = [];

function once(args: readonly string[]): { wall: number; cpu: number } | undefined {
  const cpuBefore = childCpuMs();
  const start = performance.now();
  const result = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], timeout: 120_000 });
  const wall = performance.now() - start;
  if (result.status !== 0) {
    // Counted and shown, not fatal: on a machine this busy a run of the other build may fail too.
    failures.push(`${args.slice(1).join(' ')}: ${result.stderr.toString().split('\n')[0]}`);
    return undefined;
  }
  return { wall, cpu: childCpuMs() - cpuBefore };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

const loadBefore = load();
// Interleaved, so a busy moment of the machine falls on every case alike.
const times = cases.map(() => ({ wall: [] as number[], cpu: [] as number[] }));
for (let i = 0; i < runs; i++) {
  cases.forEach((c, j) => {
    const measured = once(c.args);
    if (!measured) return;
    times[j]!.wall.push(measured.wall);
    times[j]!.cpu.push(measured.cpu);
  });
}

const node = median(times[0]!.wall);
const rest = median(times[1]!.wall);
console.log(
  `median of ${runs} runs each (node ${process.version}); load average ${loadBefore} before, ${load()} after\n`,
);
console.log(
  `${'command'.padEnd(32)} ${'wall'.padStart(9)} ${'× node'.padStart(8)} ${'× rest'.padStart(7)} ${'CPU'.padStart(9)}`,
);
cases.forEach((c, j) => {
  const wall = median(times[j]!.wall);
  const cpu = median(times[j]!.cpu);
  console.log(
    `${c.name.padEnd(32)} ${wall.toFixed(0).padStart(6)} ms ${(wall / node).toFixed(1).padStart(7)}× ${(wall / rest).toFixed(2).padStart(6)}× ${cpu.toFixed(0).padStart(6)} ms`,
  );
});
const micro = median(times[2]!.wall);
console.log(
  `\nmicroservices: ${(micro / 1000).toFixed(2)} s, ${(micro / node).toFixed(0)}× node's start (target on a quiet machine: < 5 s, about 120×)`,
);
if (failures.length > 0)
  console.log(`\n${failures.length} failed run(s), left out of the medians:\n${failures.join('\n')}`);
