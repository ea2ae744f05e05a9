/**
 * Runs the load of one paradigm on a worker thread (load-thread.ts). The server stays
 * on this thread: on two cores each gets one, so the throughput measured is the
 * server's, not the server's and the load generator's taking turns on one thread.
 */
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { track } from '../core/cleanup.js';
import type { BenchAddress, BenchAnswer } from './adapter.js';
import type { LoadProgress, LoadResult } from './load-generator.js';

export interface LoadJob {
  /** The adapter, by its id in adapters.ts. */
  id: string;
  address: BenchAddress;
  concurrency: number;
  warmupMs: number;
  durationMs: number;
}

export type ThreadMessage =
  | { kind: 'checked'; answer: BenchAnswer }
  | ({ kind: 'progress'; phase: 'warmup' | 'measure' } & LoadProgress)
  | { kind: 'result'; result: LoadResult; cpuMicros: number };

export interface ThreadOutcome {
  /** The one answer counted before the load. */
  answer: BenchAnswer;
  result: LoadResult;
  /** CPU time of the whole process during the measured load, in µs. */
  cpuMicros: number;
}

export async function runInThread(
  job: LoadJob,
  onProgress?: (phase: 'warmup' | 'measure', progress: LoadProgress) => void,
): Promise<ThreadOutcome> {
  const thread = spawn(job);
  const stop = track(async () => void (await thread.terminate()));
  let answer: BenchAnswer | undefined;
  let result: LoadResult | undefined;
  let cpuMicros = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      thread.on('message', (message: ThreadMessage) => {
        if (message.kind === 'checked') answer = message.answer;
        else if (message.kind === 'progress') onProgress?.(message.phase, message);
        else ({ result, cpuMicros } = message);
      });
      thread.once('error', reject);
      thread.once('exit', (code) =>
        answer && result ? resolve() : reject(new Error(`the load thread ended early (exit code ${code})`)),
      );
    });
  } finally {
    await stop();
  }
  return { answer: answer!, result: result!, cpuMicros };
}

function spawn(job: LoadJob): Worker {
  if (fileURLToPath(import.meta.url).endsWith('.ts')) {
    // From the TypeScript sources (tests, scripts) under tsx, whose loader a worker
    // thread does not inherit (privatenumber/tsx#354): register it there first.
    const entry = new URL('./load-thread.ts', import.meta.url).href;
    const tsx = import.meta.resolve('tsx/esm/api');
    const boot = `import(${JSON.stringify(tsx)}).then((api) => api.register()).then(() => import(${JSON.stringify(entry)}))`;
    return new Worker(boot, { eval: true, workerData: job });
  }
  return new Worker(new URL('./load-thread.js', import.meta.url), { workerData: job });
}
