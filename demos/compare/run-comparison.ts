/**
 * Runs every chosen use case over every chosen paradigm through the wire tap and
 * measures it the same way for all: round trips, connections, bytes split into
 * overhead and payload, fields, and the median latency of N repetitions.
 */
import { performance } from 'node:perf_hooks';
import { track } from '../core/cleanup.js';
import { isAwtError } from '../core/errors.js';
import type { Lang } from '../core/lang.js';
import { countRoundTrips } from '../core/run-scenario.js';
import type { Tap } from '../wire/tap.js';
import type { WireItem } from '../wire/trace.js';
import { messages } from '../core/messages/index.js';
import { lessons } from '../../lessons/compare/index.js';
import type { CompareSession, UseCaseOutcome, UseCaseRun } from './adapter.js';
import { loadCompareAdapter } from './paradigms.js';
import { payloadOf } from './payload.js';
import type { Cell, Comparison, Measurement, ParadigmId, UseCaseId } from './types.js';

export interface ComparisonOptions {
  paradigms: ParadigmId[];
  useCases: UseCaseId[];
  repetitions: number;
  lang: Lang;
  amqpUrl?: string;
  broker?: string;
  /** Told when a paradigm starts, for a progress line. */
  onParadigm?: (paradigm: ParadigmId) => void;
}

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
        notes: messages[options.lang].compare.notes,
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
        measurement: (await measure(session.taps, 1, session.connect)).measurement,
      };
      for (const useCase of inMeasuringOrder(comparison.useCases)) {
        const run = session.useCases[useCase.id];
        useCase.cells[paradigm] = run
          ? { fit: true, measurement: (await measure(session.taps, options.repetitions, run)).measurement }
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
 * Wire numbers come from the first repetition; latency is the median of all. Use cases
 * 3 and 6 add books, so they run last: every list is then the same six seed books.
 */
async function measure(
  taps: readonly Tap[],
  repetitions: number,
  useCase: UseCaseRun | (() => Promise<void>),
): Promise<{ measurement: Measurement }> {
  const { prepare, run } = typeof useCase === 'function' ? { prepare: undefined, run: useCase } : useCase;
  const latencies: number[] = [];
  let first: Omit<Measurement, 'latencyMs' | 'repetitions'> | undefined;
  for (let i = 0; i < repetitions; i++) {
    await prepare?.();
    const before = counts(taps);
    const started = performance.now();
    const outcome: UseCaseOutcome = (await run()) ?? {};
    latencies.push(outcome.latencyMs ?? performance.now() - started);
    if (first) continue;
    const after = counts(taps);
    const items: WireItem[] = taps.flatMap((tap, t) => tap.items.slice(before.items[t]));
    const payload = payloadOf(items);
    const up = after.bytesUp - before.bytesUp;
    const down = after.bytesDown - before.bytesDown;
    const used = [...after.perConnection].filter(([id, bytes]) => before.perConnection.get(id) !== bytes).length;
    first = {
      roundTrips: countRoundTrips(items),
      connections: used,
      up: { total: up, payload: payload.up, overhead: up - payload.up },
      down: { total: down, payload: payload.down, overhead: down - payload.down },
      fieldsReceived: outcome.fieldsReceived ?? null,
      fieldsNeeded: outcome.fieldsNeeded ?? null,
      ...(outcome.note ? { note: outcome.note } : {}),
    };
  }
  return { measurement: { ...first!, latencyMs: round(median(latencies)), repetitions } };
}

function inMeasuringOrder<T extends { id: UseCaseId }>(useCases: T[]): T[] {
  const changesData = (id: UseCaseId) => id === 3 || id === 6;
  return [...useCases.filter((u) => !changesData(u.id)), ...useCases.filter((u) => changesData(u.id))];
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const round = (ms: number) => Math.round(ms * 100) / 100;
export type { Cell };
