/**
 * The pager as a pure state machine: a key and the current state give the next
 * state. Nothing here reads a terminal or runs a step; the driver asks
 * `stepToRun(state)` what to run next and reports each step with `recorded`.
 *
 * Screens are numbered 0 … total-1 for the steps and `total` for the summary.
 * Going back shows a step as it was recorded; going forward past the last recorded
 * step makes the driver run the steps in between, each once, in order.
 */
import { isChar, type Key } from './keys.js';

/** What the body shows: the trace as usual, with every body in full, the exact bytes, or the step as JSON. */
export type PagerView = 'trace' | 'full' | 'raw' | 'json';

export interface PagerState {
  readonly total: number;
  /** Steps run so far (they are 0 … recorded-1). */
  readonly recorded: number;
  /** The scenario has ended and its totals are known. */
  readonly finished: boolean;
  /** The screen shown: a step index, or `total` for the summary. */
  readonly at: number;
  readonly scroll: number;
  readonly view: PagerView;
  readonly help: boolean;
  /** Digits typed after `g`, while a jump target is being entered. */
  readonly goto: string | undefined;
  /** q was pressed: stop, close everything. */
  readonly quit: boolean;
  /** Enter on the summary: the walkthrough is over. */
  readonly done: boolean;
}

/** What the last drawing showed, so scrolling knows the page and the end. */
export interface PagerPage {
  /** Rows the body has on screen. */
  readonly rows: number;
  /** Lines the body has in all. */
  readonly lines: number;
}

export function initialState(total: number, from = 1): PagerState {
  return {
    total,
    recorded: 0,
    finished: false,
    at: Math.min(Math.max(from, 1), total) - 1,
    scroll: 0,
    view: 'trace',
    help: false,
    goto: undefined,
    quit: false,
    done: false,
  };
}

/** The step the driver must run now (0-based), or undefined when the screen shown is there. */
export function stepToRun(state: PagerState): number | undefined {
  if (state.quit || state.done) return undefined;
  if (state.at >= state.recorded && state.recorded < state.total) return state.recorded;
  return undefined;
}

/** The scenario must be finished (its totals collected) before the summary can show. */
export function needsTotals(state: PagerState): boolean {
  return !state.quit && !state.done && state.at === state.total && state.recorded === state.total && !state.finished;
}

/** True while the screen shown waits for steps still to run. */
export function isWaiting(state: PagerState): boolean {
  return stepToRun(state) !== undefined || needsTotals(state);
}

export function recorded(state: PagerState): PagerState {
  return { ...state, recorded: Math.min(state.recorded + 1, state.total) };
}

export function finished(state: PagerState): PagerState {
  return { ...state, recorded: state.total, finished: true };
}

export function press(state: PagerState, key: Key, page: PagerPage): PagerState {
  if (state.quit || state.done) return state;
  if (key === 'ctrlC' || isChar(key, 'q', 'Q')) return { ...state, quit: true };
  if (state.help) return { ...state, help: false };
  if (state.goto !== undefined) return typingGoto(state, key);

  const maxScroll = Math.max(0, page.lines - page.rows);
  const scrollTo = (scroll: number) => ({ ...state, scroll: Math.min(Math.max(scroll, 0), maxScroll) });
  switch (key) {
    case 'enter':
      return next(state);
    case 'space':
    case 'right':
      return nextStep(state);
    case 'left':
      return show(state, state.at - 1);
    case 'up':
      return scrollTo(state.scroll - 1);
    case 'down':
      return scrollTo(state.scroll + 1);
    case 'pageUp':
      return scrollTo(state.scroll - Math.max(1, page.rows - 1));
    case 'pageDown':
      return scrollTo(state.scroll + Math.max(1, page.rows - 1));
    case 'home':
      return scrollTo(0);
    case 'end':
      return scrollTo(maxScroll);
    case 'escape':
      return state.view === 'trace' ? state : { ...state, view: 'trace', scroll: 0 };
    case 'backspace':
      return show(state, state.at - 1);
  }
  if (isChar(key, 'b', 'B', 'p')) return show(state, state.at - 1);
  if (isChar(key, 'n')) return nextStep(state);
  if (isChar(key, 'j', 'J')) return toggle(state, 'json');
  if (isChar(key, 'f', 'F')) return toggle(state, 'full');
  if (isChar(key, 'r', 'R')) return toggle(state, 'raw');
  if (isChar(key, '?', 'h', 'H')) return { ...state, help: true };
  if (isChar(key, 'g', 'G')) return { ...state, goto: '' };
  if (typeof key === 'object' && /^[1-9]$/.test(key.char)) return show(state, Number(key.char) - 1);
  return state;
}

function typingGoto(state: PagerState, key: Key): PagerState {
  const typed = state.goto ?? '';
  if (key === 'escape') return { ...state, goto: undefined };
  if (key === 'backspace') return { ...state, goto: typed.slice(0, -1) };
  if (key === 'enter') {
    const target = Number(typed);
    const cleared = { ...state, goto: undefined };
    // A number out of range goes as far as there are steps: g 99 to the last, g 0 to the first.
    return typed === '' ? cleared : show(cleared, Math.min(Math.max(target, 1), state.total) - 1);
  }
  // Two digits are enough for every demo; more would only be a typo.
  if (typeof key === 'object' && /^[0-9]$/.test(key.char) && typed.length < 2)
    return { ...state, goto: typed + key.char };
  return state;
}

/**
 * The next screen. While the screen shown still waits for its step, a second press
 * does not queue another: a lecturer who presses twice must not skip a step unseen.
 */
function next(state: PagerState): PagerState {
  if (state.at === state.total) return state.finished ? { ...state, done: true } : state;
  return nextStep(state);
}

/**
 * The next screen, but never past the summary: a presenter's remote sends → (and some
 * Space), and one click too many must not end the demo and lose the recorded run. Only
 * Enter (or q) leaves the summary, as its line says.
 */
function nextStep(state: PagerState): PagerState {
  if (state.at >= state.total || state.at >= state.recorded) return state;
  return show(state, state.at + 1);
}

/** Another screen, from its top, in the usual view. */
function show(state: PagerState, at: number): PagerState {
  const target = Math.min(Math.max(at, 0), state.total);
  if (target === state.at) return state;
  return { ...state, at: target, scroll: 0, view: 'trace' };
}

function toggle(state: PagerState, view: PagerView): PagerState {
  // The summary has no trace to show differently.
  if (state.at >= state.total || state.at >= state.recorded) return state;
  return { ...state, view: state.view === view ? 'trace' : view, scroll: 0 };
}
