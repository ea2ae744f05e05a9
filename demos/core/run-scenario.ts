/**
 * Runs a demo's steps against its real servers and turns what the taps saw into
 * step traces. Steps are yielded one by one so the terminal can show each as soon
 * as it happened (and a lecturer can pause between them).
 */
import { track } from './cleanup.js';
import type { Demo, DemoSession, DemoStartOptions, Lesson } from './demo.js';
import type { Lang } from './lang.js';
import { countRoundTrips } from './round-trips.js';
import { numberWords } from './numbers.js';
import type { StepTrace, TraceTotals, WireItem } from '../wire/trace.js';

export interface ScenarioOptions {
  lang: Lang;
  /** Awaited before each step; returning false stops the run cleanly. */
  beforeStep?: (index: number) => Promise<boolean>;
  /** Passed on to the demo's start(). */
  startOptions?: DemoStartOptions;
  /** Called once the demo's servers run (so a title is not printed above a start-up error). */
  onStarted?: (session: DemoSession) => void;
}

export async function* runScenario<S extends DemoSession, L extends Lesson>(
  demo: Demo<S, L>,
  options: ScenarioOptions,
): AsyncGenerator<StepTrace, TraceTotals | undefined> {
  const lesson = demo.lessons[options.lang];
  const numbers = numberWords(options.lang);
  const session = await demo.start(options.startOptions);
  const close = track(() => session.close());
  options.onStarted?.(session);
  try {
    for (const [i, step] of demo.steps.entries()) {
      if (options.beforeStep && !(await options.beforeStep(i + 1))) return undefined;
      const before = snapshot(session);
      const items = () => itemsSince(session, before);
      const outcome = (await step.run({ session, lesson, numbers, items })) ?? [];
      const { facts, figures } = Array.isArray(outcome) ? { facts: outcome, figures: [] } : outcome;
      // Decoding runs off the forwarding path: a response the client already has may still be
      // in the decoder. The step's window ends when every byte it caused is decoded, so a late
      // item is never counted in the next step.
      await Promise.all(session.taps.map((tap) => tap.settled()));
      const after = snapshot(session);
      const stepItems = items();
      yield {
        index: i + 1,
        id: step.id,
        title: lesson.steps[step.id]!.title,
        notice: lesson.steps[step.id]!.notice,
        facts,
        figures,
        items: stepItems,
        roundTrips: countRoundTrips(stepItems),
        bytesUp: after.bytesUp - before.bytesUp,
        bytesDown: after.bytesDown - before.bytesDown,
        connectionsOpened: after.connections - before.connections,
      };
    }
    return totals(session);
  } finally {
    await close();
  }
}

interface Snapshot {
  itemCounts: number[];
  connections: number;
  bytesUp: number;
  bytesDown: number;
}

function snapshot(session: DemoSession): Snapshot {
  const connections = session.taps.flatMap((tap) => tap.connections);
  return {
    itemCounts: session.taps.map((tap) => tap.items.length),
    connections: connections.length,
    bytesUp: connections.reduce((sum, c) => sum + c.bytesUp, 0),
    bytesDown: connections.reduce((sum, c) => sum + c.bytesDown, 0),
  };
}

/** Items from all taps since the snapshot, in the order they happened. */
function itemsSince(session: DemoSession, before: Snapshot): WireItem[] {
  return session.taps.flatMap((tap, i) => tap.items.slice(before.itemCounts[i])).sort((a, b) => a.at - b.at);
}

export function totals(session: DemoSession): TraceTotals {
  const now = snapshot(session);
  return {
    roundTrips: countRoundTrips(session.taps.flatMap((tap) => tap.items)),
    connections: now.connections,
    bytesUp: now.bytesUp,
    bytesDown: now.bytesDown,
  };
}
