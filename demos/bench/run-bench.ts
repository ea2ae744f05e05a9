/**
 * Runs the benchmark: one paradigm after the other, each on a fresh server with no
 * tap (on this thread) and its clients on a load thread, with the same operation,
 * concurrency and duration; a warm-up first (so the JIT and the keep-alive sockets
 * are ready), then the measured run. Rows are plain data.
 */
import type { BrokerInfo } from '../wire/trace.js';
import os from 'node:os';
import { seedBooks } from '../books/seed.js';
import { track } from '../core/cleanup.js';
import { isAwtError } from '../core/errors.js';
import type { Lang } from '../core/lang.js';
import { messages } from '../core/messages/index.js';
import type { BenchAdapter, BenchServer } from './adapter.js';
import { benchAdapters, referenceId } from './adapters.js';
import { summarise, type LatencySummary } from './percentiles.js';
import { runInThread } from './run-in-thread.js';

export interface BenchSettings {
  /** Which paradigms, in the order of adapters.ts. */
  ids: readonly string[];
  concurrency: number;
  durationMs: number;
  warmupMs: number;
  lang: Lang;
  /** --amqp-url, handed to every adapter's start(); only the mq adapter reads it. */
  amqpUrl?: string | undefined;
  /** --broker, for the mq adapter. */
  broker?: string | undefined;
  onProgress?: (progress: BenchProgress) => void;
  onRow?: (row: BenchRow) => void;
  /** The paradigms to choose from; adapters.ts unless a test brings its own. */
  adapters?: typeof benchAdapters;
}

export interface BenchProgress {
  id: string;
  name: string;
  phase: 'warmup' | 'measure';
  elapsedMs: number;
  durationMs: number;
  completed: number;
}

export interface BenchRow {
  id: string;
  name: string;
  operation: string;
  /** Why the paradigm did not run (a broker that is not there), in the chosen language. */
  skipped?: string;
  /** The mq row: which AMQP broker it ran against. */
  broker?: BrokerInfo;
  requests: number;
  errors: number;
  firstError?: string;
  seconds: number;
  requestsPerSecond: number;
  /** requestsPerSecond divided by the reference's; null without a measured reference. */
  ratio: number | null;
  /** null when no request succeeded. */
  latencyMs: LatencySummary | null;
  /** CPU time the process (servers and client together) spent per request; null when none succeeded. */
  cpuMicrosPerRequest: number | null;
  /** Payload bytes of one answer, and the books in it (checked before the load). */
  answerBytes: number;
  books: number;
}

export interface BenchReport {
  operation: 'list books';
  concurrency: number;
  durationSeconds: number;
  warmupSeconds: number;
  /** Always false: the servers are measured without the wire tap. */
  tap: false;
  machine: { node: string; platform: string; cpus: number; cpuModel: string; loadAverage: number };
  rows: BenchRow[];
}

export async function runBench(settings: BenchSettings): Promise<BenchReport> {
  const rows: BenchRow[] = [];
  const machine = {
    node: process.version,
    platform: `${os.platform()} ${os.arch()}`,
    cpus: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model.trim() ?? '?',
    loadAverage: round(os.loadavg()[0] ?? 0, 2),
  };
  for (const entry of (settings.adapters ?? benchAdapters).filter((e) => settings.ids.includes(e.id))) {
    const row = await benchOne(await entry.load(), settings);
    rows.push(row);
    settings.onRow?.(row);
  }
  const reference = rows.find((row) => row.id === referenceId && !row.skipped && row.requestsPerSecond > 0);
  for (const row of rows) {
    row.ratio = reference && !row.skipped ? round(row.requestsPerSecond / reference.requestsPerSecond, 4) : null;
  }
  return {
    operation: 'list books',
    concurrency: settings.concurrency,
    durationSeconds: settings.durationMs / 1000,
    warmupSeconds: round(settings.warmupMs / 1000, 3),
    tap: false,
    machine,
    rows,
  };
}

async function benchOne(adapter: BenchAdapter, settings: BenchSettings): Promise<BenchRow> {
  const base = { id: adapter.id, name: adapter.name, operation: adapter.operation };
  let server: BenchServer;
  try {
    server = await adapter.start({
      concurrency: settings.concurrency,
      amqpUrl: settings.amqpUrl,
      broker: settings.broker,
    });
  } catch (error) {
    if (!isAwtError(error)) throw error;
    return { ...base, ...emptyFigures(), skipped: error.describe(messages[settings.lang]).join(' ') };
  }
  const close = track(() => server.close());
  try {
    const { concurrency, warmupMs, durationMs } = settings;
    const { answer, result, cpuMicros } = await runInThread(
      { id: adapter.id, address: server.address, concurrency, warmupMs, durationMs },
      (phase, p) =>
        settings.onProgress?.({
          id: adapter.id,
          name: adapter.name,
          phase,
          durationMs: phase === 'warmup' ? settings.warmupMs : settings.durationMs,
          completed: p.completed,
          elapsedMs: p.elapsedMs,
        }),
    );
    if (answer.books !== seedBooks.length) {
      throw new Error(`the ${adapter.id} adapter got ${answer.books} books, not the ${seedBooks.length} of the list`);
    }
    const seconds = result.elapsedMs / 1000;
    const measured = result.completed > 0;
    return {
      ...base,
      ...(server.broker ? { broker: server.broker } : {}),
      requests: result.completed,
      errors: result.errors,
      ...(result.firstError !== undefined ? { firstError: result.firstError } : {}),
      seconds: round(seconds, 3),
      requestsPerSecond: round(result.completed / seconds, 1),
      ratio: null,
      latencyMs: measured ? roundSummary(summarise(result.latenciesMs)) : null,
      cpuMicrosPerRequest: measured ? round(cpuMicros / result.completed, 1) : null,
      answerBytes: answer.bytes,
      books: answer.books,
    };
  } finally {
    await close();
  }
}

function emptyFigures() {
  return {
    requests: 0,
    errors: 0,
    seconds: 0,
    requestsPerSecond: 0,
    ratio: null,
    latencyMs: null,
    cpuMicrosPerRequest: null,
    answerBytes: 0,
    books: 0,
  };
}

function roundSummary(summary: LatencySummary): LatencySummary {
  const ms = (value: number) => round(value, 3);
  return {
    count: summary.count,
    mean: ms(summary.mean),
    median: ms(summary.median),
    p90: ms(summary.p90),
    p99: ms(summary.p99),
    max: ms(summary.max),
  };
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
