/**
 * Runs every chosen use case over every chosen paradigm through the wire tap and
 * measures it the same way for all: round trips, connections, bytes split into
 * overhead and payload, fields, and the median latency of N repetitions.
 */
import { performance } from 'node:perf_hooks';
import { track } from '../core/cleanup.js';
import { isAwtError } from '../core/errors.js';
import type { Lang } from '../core/lang.js';
import { countRoundTrips } from '../core/round-trips.js';
import type { Tap } from '../wire/tap.js';
import type { WireItem } from '../wire/trace.js';
import { messages } from '../core/messages/index.js';
import { lessons } from '../../lessons/compare/index.js';
import type { CompareSession, Polling, UseCaseOutcome, UseCaseRun } from './adapter.js';
import { credentialsOf } from './credentials.js';
import { loadCompareAdapter } from './paradigms.js';
import { payloadOf } from './payload.js';
import type { Cell, Comparison, Measurement, ParadigmId, PollingLatency, UseCaseId } from './types.js';

export interface ComparisonOptions {
  paradigms: ParadigmId[];
  useCases: UseCaseId[];
  repetitions: number;
  lang: Lang;
  amqpUrl?: string;
  broker?: string;
  /** Told when a paradigm starts, for a progress line. */
  onParadigm?: (paradigm: ParadigmId) => void;
  /** Told the bytes of every repetition (tests: each repetition starts from the same data). */
  onRepetition?: (paradigm: ParadigmId, useCase: UseCaseId, bytes: { up: number; down: number }) => void;
}

/** Intervals a polling client is measured at besides its own (as often as --repeat says, 3 at most). */
export const pollingIntervalsMs = [25, 50, 100];

export async function runComparison(options: ComparisonOptions): Promise<Comparison> {
  const lesson = lessons[options.lang];
  const comparison: Comparison = {
    lang: options.lang,
    paradigms: options.paradigms,
    setup: {},
    useCases: options.useCases.map((id) => ({ id, title: lesson.useCases[id], cells: {} })),
  };
  const origin = performance.now();
  for (const paradigm of options.paradigms) {
    options.onParadigm?.(paradigm);
    let session: CompareSession;
    try {
      const adapter = await loadCompareAdapter(paradigm);
      session = await adapter.start({
        origin,
        notes: messages[options.lang].compare.answers,
        ...(options.amqpUrl ? { amqpUrl: options.amqpUrl } : {}),
        ...(options.broker ? { broker: options.broker } : {}),
      });
      if (session.broker) comparison.broker = session.broker;
    } catch (error) {
      // A broker that is not there skips its column; the rest still runs.
      if (!isAwtError(error)) throw error;
      const reason = error.describe(messages[options.lang]).join(' ');
      comparison.setup[paradigm] = { fit: 'skipped', reason };
      for (const useCase of comparison.useCases) useCase.cells[paradigm] = { fit: 'skipped', reason };
      continue;
    }
    const close = track(() => session.close());
    try {
      comparison.setup[paradigm] = {
        fit: true,
        measurement: await measure(session, 1, session.connect),
      };
      for (const useCase of comparison.useCases) {
        const run = session.useCases[useCase.id];
        const told = options.onRepetition;
        const onRepetition = told && ((bytes: { up: number; down: number }) => told(paradigm, useCase.id, bytes));
        useCase.cells[paradigm] = run
          ? { fit: true, measurement: await measure(session, options.repetitions, run, onRepetition) }
          : {
              fit: false,
              reason: lesson.notAFit[paradigm][useCase.id] ?? messages[options.lang].compare.notAFitDefault,
            };
      }
    } finally {
      await close();
    }
  }
  return comparison;
}

interface Counts {
  items: number[];
  perConnection: Map<string, number>;
  bytesUp: number;
  bytesDown: number;
}

function counts(taps: readonly Tap[]): Counts {
  const perConnection = new Map<string, number>();
  let bytesUp = 0;
  let bytesDown = 0;
  taps.forEach((tap, i) =>
    tap.connections.forEach((c) => {
      perConnection.set(`${i}:${c.id}`, c.bytesUp + c.bytesDown);
      bytesUp += c.bytesUp;
      bytesDown += c.bytesDown;
    }),
  );
  return { items: taps.map((tap) => tap.items.length), perConnection, bytesUp, bytesDown };
}

/**
 * Wire numbers come from the first repetition; latency is the median of all. Every
 * repetition starts from the same data (the session takes back what the last one
 * added), so the first is like every other.
 */
async function measure(
  session: CompareSession,
  repetitions: number,
  useCase: UseCaseRun | (() => Promise<void>),
  onRepetition?: (bytes: { up: number; down: number }) => void,
): Promise<Measurement> {
  const { taps } = session;
  const { prepare, run, polling } = typeof useCase === 'function' ? { run: useCase } : useCase;
  const latencies: number[] = [];
  let first: Omit<Measurement, 'latencyMs' | 'repetitions'> | undefined;
  for (let i = 0; i < repetitions; i++) {
    session.reset();
    await prepare?.();
    const before = counts(taps);
    const started = performance.now();
    const outcome: UseCaseOutcome = (await run()) ?? {};
    latencies.push(outcome.latencyMs ?? performance.now() - started);
    const after = counts(taps);
    onRepetition?.({ up: after.bytesUp - before.bytesUp, down: after.bytesDown - before.bytesDown });
    if (first) continue;
    const items: WireItem[] = taps.flatMap((tap, t) => tap.items.slice(before.items[t]));
    const payload = payloadOf(items);
    const up = after.bytesUp - before.bytesUp;
    const down = after.bytesDown - before.bytesDown;
    const used = [...after.perConnection].filter(([id, bytes]) => before.perConnection.get(id) !== bytes).length;
    const credentials = credentialsOf(items);
    first = {
      roundTrips: countRoundTrips(items),
      connections: used,
      up: { total: up, payload: payload.up, overhead: up - payload.up },
      down: { total: down, payload: payload.down, overhead: down - payload.down },
      fieldsReceived: outcome.fieldsReceived ?? null,
      fieldsNeeded: outcome.fieldsNeeded ?? null,
      ...(outcome.note ? { note: outcome.note } : {}),
      ...(credentials ? { credentials } : {}),
    };
  }
  const latencyMs = round(median(latencies));
  const measurement: Measurement = { ...first!, latencyMs, repetitions };
  if (polling) {
    measurement.polling = await pollingLatency(session, prepare, polling, latencyMs, Math.min(repetitions, 3));
  }
  return measurement;
}

/**
 * A polling client's latency at the other intervals: as many repetitions as the use case
 * had, 3 at most, latency only (the wire numbers stay those of its own interval). Bounded:
 * each run waits about 2.5 intervals, so at most 3 × 2.5 × (25 + 50) ms ≈ 0.6 s in all.
 */
async function pollingLatency(
  session: CompareSession,
  prepare: (() => Promise<void>) | undefined,
  polling: Polling,
  measuredMs: number,
  pollingRepetitions: number,
): Promise<PollingLatency> {
  const byInterval: PollingLatency['byInterval'] = [];
  for (const intervalMs of pollingIntervalsMs) {
    if (intervalMs === polling.intervalMs) {
      byInterval.push({ intervalMs, latencyMs: measuredMs });
      continue;
    }
    const latencies: number[] = [];
    for (let i = 0; i < pollingRepetitions; i++) {
      session.reset();
      await prepare?.();
      const started = performance.now();
      const outcome = await polling.runAt(intervalMs);
      latencies.push(outcome.latencyMs ?? performance.now() - started);
    }
    byInterval.push({ intervalMs, latencyMs: round(median(latencies)) });
  }
  if (!byInterval.some((point) => point.intervalMs === polling.intervalMs)) {
    byInterval.push({ intervalMs: polling.intervalMs, latencyMs: measuredMs });
  }
  return { intervalMs: polling.intervalMs, byInterval: byInterval.sort((a, b) => a.intervalMs - b.intervalMs) };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const round = (ms: number) => Math.round(ms * 100) / 100;
export type { Cell };
