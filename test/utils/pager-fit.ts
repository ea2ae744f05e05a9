/**
 * A demo run for real (in this process, as the pager runs it), and each of its steps drawn
 * as the pager draws it at a given size: how many lines each needs beyond the screen.
 */
import { drawPager, type PagerContent, type PagerSize } from '../../bin/pager/screen.js';
import { initialState } from '../../bin/pager/state.js';
import { collectTrace } from '../../demos/core/collect-trace.js';
import type { Lang } from '../../demos/core/lang.js';
import { messages } from '../../demos/core/messages/index.js';
import { findDemo } from '../../demos/registry.js';
import { createTheme } from '../../demos/render/theme.js';

export interface PagedDemo {
  /** Each step drawn at this size: the screen as it opens, and as scrolled to its end. */
  screens(size: PagerSize): Array<{ id: string; over: number; lines: string[]; end: string[] }>;
}

export async function pageDemoAt(id: string, lang: Lang): Promise<PagedDemo> {
  const demo = await findDemo(id)!.load();
  const trace = await collectTrace(demo, lang, { broker: 'auto' });
  const lesson = demo.lessons[lang];
  const content: PagerContent = {
    demo: demo.id,
    title: lesson.title,
    steps: demo.steps.map((step) => lesson.steps[step.id]!),
    traces: trace.steps,
    totals: trace.totals,
    fromMenu: false,
  };
  const base = { theme: createTheme(false), messages: messages[lang], raw: false, full: false };
  return {
    screens: (size) =>
      trace.steps.map((step, at) => {
        const state = { ...initialState(trace.steps.length, at + 1), recorded: trace.steps.length };
        const { page, lines } = drawPager(state, content, size, base);
        const end = drawPager({ ...state, scroll: page.lines }, content, size, base).lines;
        return { id: step.id, over: page.lines - page.rows, lines, end };
      }),
  };
}
