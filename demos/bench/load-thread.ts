/**
 * The load thread: the clients and the load generator of one paradigm, on a thread of
 * their own. Started by run-in-thread.ts with a LoadJob; it checks the answer once,
 * warms up, runs the measured load and posts the result back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { BenchWorker } from './adapter.js';
import { benchAdapters } from './adapters.js';
import { runLoad, type LoadProgress } from './load-generator.js';
import type { LoadJob, ThreadMessage } from './run-in-thread.js';

const job = workerData as LoadJob;
const post = (message: ThreadMessage, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(message, transfer);

const entry = benchAdapters.find((candidate) => candidate.id === job.id);
if (!entry) throw new Error(`no bench adapter "${job.id}" in adapters.ts`);
const adapter = await entry.load();
const client = await adapter.connect(job.address, { concurrency: job.concurrency });
const workers: BenchWorker[] = [];
try {
  for (let i = 0; i < job.concurrency; i++) workers.push(await client.worker());
  post({ kind: 'checked', answer: await workers[0]!.run(true) });
  const loops = workers.map((worker) => () => worker.run());
  const progress = (phase: 'warmup' | 'measure') => (p: LoadProgress) => post({ kind: 'progress', phase, ...p });
  if (job.warmupMs > 0) await runLoad({ loops, durationMs: job.warmupMs, onProgress: progress('warmup') });
  // CPU time of the whole process (both threads, GC): the work each request costs,
  // apart from the time spent waiting for a core while other programs run.
  const before = process.cpuUsage();
  const result = await runLoad({ loops, durationMs: job.durationMs, onProgress: progress('measure') });
  const cpu = process.cpuUsage(before);
  post({ kind: 'result', result, cpuMicros: cpu.user + cpu.system }, [result.latenciesMs.buffer as ArrayBuffer]);
} finally {
  await Promise.allSettled(workers.map((worker) => worker.close?.()));
  await client.close();
}
