import type { Demo, DemoStartOptions } from './demo.js';
import type { Lang } from './lang.js';
import { runScenario } from './run-scenario.js';
import type { Trace } from '../wire/trace.js';

/** Runs every step of a demo and returns the whole trace as data (for --json, tests and comparisons). */
export async function collectTrace(demo: Demo, lang: Lang, startOptions?: DemoStartOptions): Promise<Trace> {
  const trace: Trace = {
    demo: demo.id,
    title: demo.lessons[lang].title,
    lang,
    steps: [],
    totals: { roundTrips: 0, connections: 0, bytesUp: 0, bytesDown: 0 },
  };
  const steps = runScenario(demo, {
    lang,
    startOptions,
    onStarted: (session) => {
      if (session.brokerUsed) trace.broker = session.brokerUsed;
    },
  });
  for (let next = await steps.next(); ; next = await steps.next()) {
    if (next.done) {
      if (next.value) trace.totals = next.value;
      return trace;
    }
    trace.steps.push(next.value);
  }
}
