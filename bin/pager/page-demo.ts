/**
 * A demo on a terminal, one step per screen. The steps run lazily, each once, in
 * order, as the pager asks for them; the keys go to the pure state machine, and
 * every change is drawn again (also when the terminal is resized).
 */
import type { Demo } from '../../demos/core/demo.js';
import { AwtError } from '../../demos/core/errors.js';
import type { RenderOptions } from '../../demos/render/options.js';
import type { StepTrace } from '../../demos/wire/trace.js';
import { startOptionsOf, type RunOptions } from '../options.js';
import { drawPager, type BodyCache, type PagerContent, type PagerScreen } from './screen.js';
import { finished, initialState, needsTotals, press, recorded, stepToRun, type PagerState } from './state.js';
import type { Terminal } from './terminal.js';

export interface PageDemoOptions {
  run: RunOptions;
  render: Omit<RenderOptions, 'width'>;
  terminal: Terminal;
  fromMenu: boolean;
  /** 1-based step to show first; the steps before it run first, unseen. */
  fromStep: number;
}

/** How the walkthrough ended: q, or Enter after the summary. */
export type PagerEnd = 'quit' | 'done';

export async function pageDemo(demo: Demo, options: PageDemoOptions): Promise<PagerEnd> {
  const { runScenario } = await import('../../demos/core/run-scenario.js');
  const lesson = demo.lessons[options.run.lang];
  const traces: StepTrace[] = [];
  const content: { -readonly [K in keyof PagerContent]: PagerContent[K] } = {
    demo: demo.id,
    title: lesson.title,
    steps: demo.steps.map((step) => lesson.steps[step.id]!),
    traces,
    totals: undefined,
    fromMenu: options.fromMenu,
  };
  const steps = runScenario(demo, {
    lang: options.run.lang,
    startOptions: startOptionsOf(options.run),
    // The one line that says which broker the run uses (RabbitMQ, or the embedded one).
    onStarted: (session) => {
      if (session.brokerUsed) content.about = options.render.messages.broker.used(session.brokerUsed);
    },
  });
  const { terminal } = options;

  let state: PagerState = initialState(demo.steps.length, options.fromStep);
  let screen: PagerScreen | undefined;
  let running = false;
  const cache: BodyCache = new Map();

  const draw = () => {
    screen = drawPager(state, content, terminal.size(), options.render, cache);
    terminal.draw(screen.lines);
  };

  const ended = new Promise<void>((resolve, reject) => {
    const stopKeys = terminal.onKeys((key) => {
      // Raw mode turns Ctrl-C into a byte: end the run as Ctrl-C ends any other (exit 130).
      if (key === 'ctrlC') return fail(new AwtError('AWT_INTERRUPTED', {}));
      state = press(state, key, screen?.page ?? { rows: 0, lines: 0 });
      advance();
    });
    const stopResize = terminal.onResize(draw);
    let over = false;

    function fail(error: unknown) {
      if (over) return;
      over = true;
      stopKeys();
      stopResize();
      reject(error);
    }

    function advance() {
      if (over) return;
      draw();
      if (running) return;
      if (state.quit || state.done) {
        over = true;
        stopKeys();
        stopResize();
        // Closes the demo's servers and clients (the scenario's own clean-up).
        steps.return(undefined).then(() => resolve(), reject);
        return;
      }
      if (stepToRun(state) === undefined && !needsTotals(state)) return;
      running = true;
      steps.next().then((next) => {
        running = false;
        if (next.done) {
          content.totals = next.value;
          state = finished(state);
        } else {
          traces.push(next.value);
          state = recorded(state);
        }
        advance();
      }, fail);
    }

    advance();
  });
  await ended;
  return state.quit ? 'quit' : 'done';
}
