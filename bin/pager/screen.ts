/**
 * What the pager shows for a state, at a given terminal size: a pure function.
 * The step's title and what to notice stay on top (at most a quarter of the
 * screen; longer notes open the body); the trace fills the rows between them and
 * the status line at the bottom. The trace is folded just enough to fit the
 * screen (see `fitted`); what still does not fit scrolls.
 */
import { span, wrap, type Line } from '../../demos/render/lines.js';
import { maxBodyLines, type FrameColumn, type RenderOptions } from '../../demos/render/options.js';
import { renderStepBody, renderStepHeadParagraphs, summaryLines } from '../../demos/render/step.js';
import type { StepTrace, TraceTotals } from '../../demos/wire/trace.js';
import { paintRows } from './fit.js';
import { isWaiting, type PagerPage, type PagerState } from './state.js';

export interface PagerContent {
  demo: string;
  title: string;
  /** Every step's title and notes, from the lesson: shown before the step has run. */
  steps: ReadonlyArray<{ title: string; notice: readonly string[] }>;
  traces: readonly StepTrace[];
  totals: TraceTotals | undefined;
  /** Started from the menu: q and the end lead back to it. */
  fromMenu: boolean;
  /** A line about the run as a whole, under the first step's head and the summary (which AMQP broker the demo uses). */
  about?: string;
}

export interface PagerSize {
  columns: number;
  rows: number;
}

export interface PagerScreen {
  /** Exactly `size.rows` painted lines. */
  lines: string[];
  page: PagerPage;
}

/** Fewest body lines a cut leaves: enough to see what kind of body it is. */
const minBodyLines = 3;
/** Body lines that show more than an answer's outer brackets (a JSON list's first item). */
const roomyBody = 8;

/**
 * Bodies already laid out, by step, view and size: a recorded step never changes, and
 * laying out a long one (a sequence diagram of 180 lines, several cuts tried) takes
 * long enough to make scrolling lag. The driver keeps one per run.
 */
export type BodyCache = Map<string, Line[]>;

export function drawPager(
  state: PagerState,
  content: PagerContent,
  size: PagerSize,
  base: Omit<RenderOptions, 'width'>,
  cache: BodyCache = new Map(),
): PagerScreen {
  const columns = Math.max(20, size.columns);
  const rows = Math.max(3, size.rows);
  const pagerWords = base.messages.pager;
  // The pager's own hint in cut bodies: a key, not a flag.
  const messages = {
    ...base.messages,
    render: { ...base.messages.render, cut: pagerWords.cut, folded: pagerWords.folded },
    frames: { ...base.messages.frames, cut: pagerWords.framesCut },
    amqp: { ...base.messages.amqp, folded: pagerWords.amqpFolded },
  };
  const options: RenderOptions = { ...base, messages, width: columns };

  // The head keeps at most a quarter of the screen; notes beyond that open the body.
  const { head, overflow } = state.help
    ? { head: [[span(pagerWords.keysHeading, 'title')] as Line], overflow: [] }
    : splitHead(headParagraphs(state, content, options), headRows(rows));
  // Notes that go on in the body read on without a gap; otherwise an empty line under the head.
  const separator: Line[] = overflow.length > 0 ? [] : [[]];
  const bodyRows = rows - head.length - separator.length - 1;
  const cacheable = !state.help && state.at < state.recorded && state.at < state.total;
  const key = `${state.at} ${state.view} ${columns}×${bodyRows}`;
  const body =
    (cacheable && cache.get(key)) ||
    (overflow.length > 0
      ? [...overflow, [], ...bodyLines(state, content, options, bodyRows - overflow.length - 1)]
      : bodyLines(state, content, options, bodyRows));
  if (cacheable) cache.set(key, body);
  const scroll = Math.min(state.scroll, Math.max(0, body.length - bodyRows));
  const visible = body.slice(scroll, scroll + bodyRows);
  const filler = Array.from({ length: bodyRows - visible.length }, (): Line => []);
  const status = statusLine(state, content, options, { scroll, rows: bodyRows, lines: body.length });
  return {
    lines: paintRows([...head, ...separator, ...visible, ...filler, status], columns, options.theme),
    page: { rows: bodyRows, lines: body.length },
  };
}

/** Rows the head may take: a quarter of the screen, at least the title and one line of notes. */
export function headRows(rows: number): number {
  return Math.max(2, Math.floor(rows / 4));
}

/**
 * Whole paragraphs stay on top while they fit `most` rows; the rest opens the body. A
 * note is cut between its lines only where not even the first one fits beside the title.
 */
function splitHead(paragraphs: Line[][], most: number): { head: Line[]; overflow: Line[] } {
  const lines = paragraphs.flat();
  if (lines.length <= most) return { head: lines, overflow: [] };
  let rows = paragraphs[0]!.length;
  let kept = 1;
  while (kept < paragraphs.length && rows + paragraphs[kept]!.length <= most) rows += paragraphs[kept++]!.length;
  const at = kept > 1 ? rows : most;
  return { head: lines.slice(0, at), overflow: lines.slice(at) };
}

function headParagraphs(state: PagerState, content: PagerContent, options: RenderOptions): Line[][] {
  const about = content.about ? [wrap([span(content.about, 'dim')], options.width, 'words')] : [];
  // The line about the run belongs where the run begins and ends, not under every step.
  if (state.at >= state.total) return [wrap([span(content.title, 'title')], options.width, 'words'), ...about];
  const step = content.steps[state.at]!;
  const head = renderStepHeadParagraphs(
    { index: state.at + 1, title: step.title, notice: step.notice },
    state.total,
    options,
  );
  return state.at === 0 ? [...head, ...about] : head;
}

function bodyLines(state: PagerState, content: PagerContent, options: RenderOptions, rows: number): Line[] {
  const pagerWords = options.messages.pager;
  if (state.help) {
    const keyWidth = Math.max(...pagerWords.keyList.map(([keys]) => [...keys].length));
    // A description that wraps goes on under itself, not under the keys.
    const indent = keyWidth + 4;
    return [
      ...pagerWords.keyList.flatMap(([keys, what]) =>
        wrap([span(what)], options.width - indent, 'words').map((line, i) => [
          i === 0 ? span(`  ${keys.padEnd(keyWidth)}  `, 'key') : span(' '.repeat(indent)),
          ...line,
        ]),
      ),
      [],
      [span(pagerWords.anyKey, 'dim')],
    ];
  }
  if (state.at >= state.total) {
    if (!content.totals) return [];
    const end = content.fromMenu ? pagerWords.endFromMenu : pagerWords.end;
    return [...summaryLines(content.totals, options), [], ...wrap([span(end, 'dim')], options.width, 'words')];
  }
  const trace = content.traces[state.at];
  if (!trace) return [];
  switch (state.view) {
    case 'json':
      return JSON.stringify(trace, null, 2)
        .split('\n')
        .flatMap((text) => wrap([span(text)], options.width));
    case 'full':
      return renderStepBody(trace, { ...options, full: true });
    case 'raw':
      return fitted(trace, { ...options, raw: true }, rows);
    case 'trace':
      return fitted(trace, options, rows);
  }
}

/**
 * The step made to fit `rows`, in steps that each give up as little as possible:
 * as recorded; the routine headers named on one line; response bodies cut, then
 * request bodies (the query is what a step is about); every header named on one
 * line; response bodies folded into that line (request bodies instead, where those
 * are empty), then both; then every round trip but the last as one line; then the
 * last too. Every fold names the key that unfolds it. What even the last does not
 * fit scrolls.
 */
function fitted(trace: StepTrace, base: RenderOptions, rows: number): Line[] {
  const longest = renderStepBody(trace, base);
  if (base.full || longest.length <= rows) return longest;
  const keepHeaders = headersTalkedAbout(trace);
  const keepFrameColumns = frameColumnsTalkedAbout(trace);
  const keepMethods = methodsTalkedAbout(trace);
  const at = (compact: RenderOptions['compact'], up: number, down: number) =>
    renderStepBody(trace, {
      ...base,
      compact,
      keepHeaders,
      keepFrameColumns,
      keepMethods,
      bodyLines: { up, down },
    });
  const routine = at('routine', maxBodyLines, maxBodyLines);
  if (routine.length <= rows) return routine;
  const tightest = at('headers', 0, 0);
  // Nothing to fold (a sequence diagram, a frame table): nothing more to try.
  if (tightest.length === routine.length) return routine;
  // Response bodies cut. Where that leaves an answer only its first few lines, the headers
  // nobody talks about are named on one line first, so that the answer keeps more of itself.
  const down = largest((n) => at('routine', maxBodyLines, n), rows);
  if (down.fits && down.n >= roomyBody) return down.lines;
  const downBare = largest((n) => at('headers', maxBodyLines, n), rows);
  if (downBare.fits && (!down.fits || downBare.n > down.n)) return downBare.lines;
  if (down.fits) return down.lines;
  for (const compact of ['routine', 'headers'] as const) {
    const up = largest((n) => at(compact, n, minBodyLines), rows);
    if (up.fits) return up.lines;
  }
  // One side's body in the rows that are left: the request's (the query a step is about),
  // or, where requests carry none (a GET), the response's.
  const upOnly = largest((n) => at('headers', n, 0), rows);
  if (upOnly.fits && upOnly.lines.length > tightest.length) return upOnly.lines;
  const downOnly = largest((n) => at('headers', 0, n), rows);
  if (downOnly.fits) return downOnly.lines;
  // Several round trips: all but the last become one line each; the last keeps what fits.
  const oneLineEach = largest((n) => at('lines', n, n), rows);
  if (oneLineEach.fits) return oneLineEach.lines;
  const lastFolded = at('lines', 0, 0);
  if (lastFolded.length <= rows) return lastFolded;
  // Then the last as one line too: what the step found (facts, a table) is what must show.
  const shortest = at('all-lines', 0, 0);
  return shortest.length < tightest.length ? shortest : tightest;
}

/**
 * The header names a step's title, notes or facts mention (ETag in the caching step), in
 * lower case. A name counts as a word of its own („Authorization-Header“ too); a header
 * every exchange carries (Date, Connection, Host …) only as written on the wire, with its
 * colon ("Connection: Upgrade"), so "of type Date" or "its own connection" keep nothing.
 * The subprotocol of a WebSocket handshake goes by that word, not by its header's name.
 */
function headersTalkedAbout(trace: StepTrace): Set<string> {
  const text = [trace.title, ...trace.notice, ...trace.facts].join(' ');
  const lower = text.toLowerCase();
  const escape = (name: string) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const mentions = (name: string) =>
    everydayWordHeaders.has(name)
      ? new RegExp(`(^|[^\\w-])${escape(name)}:`, 'i').test(text)
      : new RegExp(`(^|[^\\w-])${escape(name)}(?!\\w)`).test(lower) ||
        (name === 'sec-websocket-protocol' && /subprot/.test(lower));
  const names = new Set<string>();
  for (const item of trace.items) {
    if (item.kind !== 'http') continue;
    for (const [name] of [...item.request.headers, ...(item.response?.headers ?? [])]) names.add(name.toLowerCase());
  }
  // Each name tested once, however many exchanges carry it.
  return new Set([...names].filter(mentions));
}

/** Headers every exchange carries whose names are also everyday words: kept only where a step writes them with their colon. */
const everydayWordHeaders = new Set(['host', 'connection', 'date', 'content-length']);

/** AMQP methods a step's words name (Basic.Qos, Queue.Bind). */
function methodsTalkedAbout(trace: StepTrace): Set<string> {
  const text = [trace.title, ...trace.notice, ...trace.facts].join(' ');
  return new Set(text.match(/\b(?:Connection|Channel|Exchange|Queue|Basic|Confirm|Tx)\.[A-Z]\w*/g) ?? []);
}

/** Frame columns a step's words are about: masking ("masked", „maskiert“), FIN, the length's bit form. */
function frameColumnsTalkedAbout(trace: StepTrace): Set<FrameColumn> {
  const text = [trace.title, ...trace.notice, ...trace.facts].join(' ');
  const columns = new Set<FrameColumn>();
  if (/mask/i.test(text)) columns.add('mask');
  if (/\bFIN\b/.test(text)) columns.add('fin');
  // "the 16-bit form", "(64-bit length)", „16-Bit-Form“, „64-Bit-Länge“; not "a 64-bit integer".
  if (/\b(7|16|64)[- ]bit[- ](form|length|Länge)/i.test(text)) columns.add('length');
  return columns;
}

/** The largest cut from minBodyLines to maxBodyLines whose lines fit `rows`; fewer lines never make a step longer. */
function largest(render: (n: number) => Line[], rows: number): { lines: Line[]; fits: boolean; n: number } {
  let best = render(minBodyLines);
  let n = minBodyLines;
  if (best.length > rows) return { lines: best, fits: false, n };
  let [low, high] = [minBodyLines + 1, maxBodyLines];
  while (low <= high) {
    const mid = Math.floor((low + high) / 2);
    const lines = render(mid);
    if (lines.length <= rows) [best, n, low] = [lines, mid, mid + 1];
    else high = mid - 1;
  }
  return { lines: best, fits: true, n };
}

function statusLine(
  state: PagerState,
  content: PagerContent,
  options: RenderOptions,
  page: PagerPage & { scroll: number },
): Line {
  const pagerWords = options.messages.pager;
  if (state.goto !== undefined) return [span(pagerWords.goto({ typed: state.goto, total: state.total }), 'title')];
  const where =
    state.at < state.total
      ? options.messages.render.step({ index: state.at + 1, total: state.total })
      : options.messages.render.summaryHeading;
  const parts: Line = [span(`${content.demo} · ${where}`, 'bold')];
  const note = (text: string, style: 'dim' | 'warn' = 'dim') => parts.push(span(' · '), span(text, style));
  if (state.quit) note(pagerWords.stopping, 'warn');
  else if (isWaiting(state))
    note(
      state.at >= state.total
        ? pagerWords.closing
        : // The step on screen needs no number again; one run on the way to it does.
          state.recorded === state.at
          ? pagerWords.runningThis
          : pagerWords.running({ index: state.recorded + 1 }),
      'warn',
    );
  if (state.view !== 'trace' && !state.help) note(pagerWords.views[state.view]!, 'warn');
  if (page.lines > page.rows) {
    const below = page.lines - page.rows - page.scroll;
    note(
      page.scroll === 0
        ? pagerWords.below({ lines: below })
        : pagerWords.scrolled({
            from: page.scroll + 1,
            to: Math.min(page.lines, page.scroll + page.rows),
            of: page.lines,
          }),
    );
  }
  const used = parts.reduce((sum, s) => sum + [...s.text].length, 0);
  // The key hint goes to the right edge; where the whole hint has no room, the short one.
  // Where nothing scrolls, the hint leaves out the scroll keys: it fits 80 columns in both languages.
  const fitWords = options.messages.fit;
  const hints =
    page.lines > page.rows
      ? [content.fromMenu ? pagerWords.keysFromMenu : pagerWords.keys]
      : [content.fromMenu ? fitWords.keysFromMenu : fitWords.keys];
  for (const keys of [...hints, pagerWords.keysShort]) {
    const gap = options.width - used - [...keys].length;
    if (gap >= 3) return [...parts, span(' '.repeat(gap)), span(keys, 'dim')];
  }
  return parts;
}
