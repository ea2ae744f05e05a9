/**
 * The load generator: `concurrency` loops, each doing one operation after the other
 * (a closed model: a loop sends its next request only when the answer to the last one
 * has arrived, as autocannon does without pipelining). Bounded in time and in count;
 * every latency is measured with performance.now() from before the call to the end
 * of the answer.
 */
import { performance } from 'node:perf_hooks';

/** One operation; resolves when its whole answer has arrived, rejects on any failure. */
export type SendRequest = () => Promise<unknown>;

export interface LoadOptions {
  /** One operation per loop: loops.length is the concurrency. */
  loops: readonly SendRequest[];
  /** No loop starts a new operation after this. */
  durationMs: number;
  /** No more operations than this are started, all loops together. */
  maxRequests?: number;
  /** How long operations still under way at the end may take before they count as failed. */
  graceMs?: number;
  /** Called every `progressEveryMs` while the load runs. */
  onProgress?: (progress: LoadProgress) => void;
  progressEveryMs?: number;
}

export interface LoadProgress {
  completed: number;
  errors: number;
  elapsedMs: number;
}

export interface LoadResult {
  /** Operations that succeeded; each one has a latency. */
  completed: number;
  errors: number;
  /** The first failure, in the words of whatever failed. */
  firstError: string | undefined;
  /** From the first start to the last answer (or to the end of the grace period). */
  elapsedMs: number;
  /** Milliseconds per successful operation, in the order they finished. */
  latenciesMs: Float64Array;
}

/** Plenty for a few seconds on loopback, and a bound on memory: 8 bytes per latency. */
export const defaultMaxRequests = 5_000_000;

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const maxRequests = options.maxRequests ?? defaultMaxRequests;
  let latencies = new Float64Array(Math.min(maxRequests, 65_536));
  let completed = 0;
  let errors = 0;
  let started = 0;
  let firstError: string | undefined;

  const record = (ms: number) => {
    if (completed === latencies.length) {
      const bigger = new Float64Array(Math.min(latencies.length * 2, maxRequests));
      bigger.set(latencies);
      latencies = bigger;
    }
    latencies[completed++] = ms;
  };

  const start = performance.now();
  const deadline = start + options.durationMs;

  const loop = async (operation: SendRequest) => {
    while (started < maxRequests && performance.now() < deadline) {
      started++;
      const t0 = performance.now();
      try {
        await operation();
        record(performance.now() - t0);
      } catch (error) {
        errors++;
        firstError ??= error instanceof Error ? error.message : String(error);
      }
    }
  };

  const progress = options.onProgress;
  const ticker = progress
    ? setInterval(
        () => progress({ completed, errors, elapsedMs: performance.now() - start }),
        options.progressEveryMs ?? 100,
      )
    : undefined;
  ticker?.unref();

  // A server that stops answering must not hang the benchmark: after the grace period,
  // whatever is still under way counts as failed.
  let watchdog: NodeJS.Timeout | undefined;
  const all = Promise.all(options.loops.map((operation) => loop(operation)));
  const overdue = new Promise<void>((resolve) => {
    watchdog = setTimeout(resolve, options.durationMs + (options.graceMs ?? 5_000));
  });
  try {
    await Promise.race([all, overdue]);
  } finally {
    clearTimeout(watchdog);
    clearInterval(ticker);
  }
  const hung = started - completed - errors;
  if (hung > 0) {
    errors += hung;
    firstError ??= `${hung} operations got no answer within the time allowed`;
  }
  const elapsedMs = performance.now() - start;
  progress?.({ completed, errors, elapsedMs });
  return { completed, errors, firstError, elapsedMs, latenciesMs: latencies.slice(0, completed) };
}
