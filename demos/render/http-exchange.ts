import { bodyLimits, capLine, type BodyLimits } from './body-limits.js';
import { bodyView, type BodyView } from './body-view.js';
import { shownHeaderValue } from './credentials.js';
import { safeSpans } from './escape.js';
import { sideBySide, span, wrap, type Line } from './lines.js';
import { stackBelow, type RenderOptions } from './options.js';
import { boundedRawLines } from './raw-bytes.js';
import type { Style } from './theme.js';
import type { HttpExchange, HttpMessage } from '../wire/trace.js';

/** One round trip: request on the left, response on the right (stacked when narrow). */
export function renderHttpExchange(exchange: HttpExchange, options: RenderOptions): Line[] {
  const words = options.messages.render;
  const { request, response } = exchange;
  // Compact and stacked, the sizes move up to the labels; side by side the columns have room below.
  const compact = options.compact !== undefined && options.width < stackBelow;
  const left: Line[] = [
    [
      span(`▶ ${words.request}`, 'up'),
      span(`  ${words.connection({ id: exchange.connection, nth: exchange.onConnection })}`, 'dim'),
      ...(compact ? [span(' · '), ...sizesLine(request, options)] : []),
    ],
    ...messageLines(request, options, 'up'),
  ];
  const right: Line[] = response
    ? [
        [
          span(`◀ ${words.response}`, 'down'),
          span(`  ${words.took({ ms: exchange.durationMs })}`, 'dim'),
          ...(compact ? [span(' · '), ...sizesLine(response, options)] : []),
        ],
        ...messageLines(response, options, 'down', statusStyle(response.status)),
      ]
    : [[span(`◀ ${words.response}`, 'down')], [span(words.noResponse, 'warn')]];

  if (options.width < stackBelow) {
    // Compact, the response label is the separator enough.
    const between: Line[] = compact ? [] : [[]];
    return [...left, ...between, ...right].flatMap((line) =>
      wrap(line, options.width, options.raw ? 'exact' : 'indent'),
    );
  }
  return sideBySide(left, right, options.width, span(' │ ', 'rule'), options.raw ? 'exact' : 'indent');
}

/**
 * One round trip as one line, for a screen too small for all of them (the pager):
 * request line, status, and the bytes each way; the line names the key that unfolds
 * it. Below it, the headers the step talks about (an ETag), each with its direction.
 */
export function renderHttpExchangeLine(exchange: HttpExchange, options: RenderOptions, targetRoom?: number): Line[] {
  const kept = (side: '▶' | '◀', message: HttpMessage | undefined): Line[] =>
    (message?.headers ?? [])
      .filter(([name]) => options.keepHeaders?.has(name.toLowerCase()))
      .flatMap(([name, value]) =>
        wrap(
          capLine(
            [
              span(`  ${side} `, side === '▶' ? 'up' : 'down'),
              ...safeSpans(`${name}: `, 'dim'),
              ...safeSpans(shownHeaderValue(name, value), 'dim'),
            ],
            bodyLimits(false).maxLineChars,
          ),
          options.width,
          'indent',
        ),
      );
  return [summaryLine(exchange, options, targetRoom), ...kept('▶', exchange.request), ...kept('◀', exchange.response)];
}

/** What a one-line round trip says: the request without its HTTP version, the status, the bytes each way. */
function summaryParts(exchange: HttpExchange, options: RenderOptions) {
  const words = options.messages.render;
  const numbers = options.messages.numbers;
  const { request, response } = exchange;
  const target = request.startLine.replace(/ HTTP\/\d(\.\d)?$/, '');
  const status = response ? response.startLine.replace(/^HTTP\/\d(\.\d)? /, '') : words.noResponse;
  const sizes = `${numbers.bytes(request.headBytes + request.bodyBytes)} ↑ · ${
    response ? numbers.bytes(response.headBytes + response.bodyBytes) : '—'
  } ↓ (f)`;
  // A long URL gives way, so that status and sizes always show (and the line stays below the width).
  const room = options.width - 1 - [...`▶   ◀ ${status} · ${sizes}`].length;
  return { target, status, sizes, room };
}

/** Room for the URLs of several one-line round trips: cut alike, the same URL reads the same on each line. */
export function sharedTargetRoom(exchanges: readonly HttpExchange[], options: RenderOptions): number {
  return exchanges.reduce((least, exchange) => Math.min(least, summaryParts(exchange, options).room), Infinity);
}

function summaryLine(exchange: HttpExchange, options: RenderOptions, targetRoom?: number): Line {
  const { target, status, sizes, room: own } = summaryParts(exchange, options);
  const room = Math.min(own, targetRoom ?? own);
  const chars = [...target];
  const shown = chars.length <= room ? target : `${chars.slice(0, Math.max(8, room - 1)).join('')}…`;
  return capLine(
    [
      span('▶ ', 'up'),
      ...safeSpans(shown, 'bold'),
      span('  ◀ ', 'down'),
      ...safeSpans(status, exchange.response ? statusStyle(exchange.response.status) : 'warn'),
      span(` · ${sizes}`, 'dim'),
    ],
    // The … of a cut line is one more character.
    options.width - 1,
  );
}

function messageLines(
  message: HttpMessage,
  options: RenderOptions,
  side: 'up' | 'down',
  startStyle: Style = 'bold',
): Line[] {
  const words = options.messages.render;
  const limits = bodyLimits(options.full);
  // Compact and stacked, the sizes stand on the label line instead.
  const sizes: Line[] = options.compact && options.width < stackBelow ? [] : [sizesLine(message, options)];
  if (options.raw) {
    const raw = boundedRawLines(message.raw, limits);
    const skipped = Math.max(0, message.raw.length - limits.maxChars);
    return [
      ...cut(raw.lines, raw.total, limits, options, side),
      ...skippedNote(skipped, message.raw.length, options),
      ...sizes,
    ];
  }

  // The head is bounded by the HTTP parser (80 KB); each line is still cut before wrapping.
  const compact = options.compact;
  // A header the step talks about (ETag in a caching step) stays, however tight the screen.
  const kept = (name: string) => options.keepHeaders?.has(name.toLowerCase()) === true;
  const folds = (name: string) => !kept(name) && (compact === 'headers' || (compact === 'routine' && isRoutine(name)));
  const head: Line[] = [
    safeSpans(message.startLine, startStyle),
    ...message.headers
      .filter(([name]) => !folds(name))
      .slice(0, limits.maxLines * 4)
      .map((header): Line =>
        capLine(
          [...safeSpans(`${header[0]}: `, 'dim'), ...safeSpans(shownHeaderValue(header[0], header[1]), 'dim')],
          limits.maxLineChars,
        ),
      ),
  ];
  const contentType = message.headers.find(([name]) => name.toLowerCase() === 'content-type')?.[1] ?? '';
  const body = viewOf(message, contentType, limits);
  const bodyFolded = !options.full && options.bodyLines?.[side] === 0 && body.total > 0;
  const foldedNames = message.headers.filter(([name]) => folds(name)).map(([name]) => name);
  const folded: Line[] =
    foldedNames.length > 0 || bodyFolded ? [foldLine(foldedNames, bodyFolded ? body.total : 0, options)] : [];
  const notes: Line[] = [
    ...(body.deep ? [[span(words.deep({ depth: limits.maxDepth }), 'warn')]] : []),
    ...skippedNote(body.skippedChars, message.body.length, options),
  ];
  // Compact, the fold line ends the head: no empty line before the body.
  const bodyShown = body.lines.length > 0 && !bodyFolded;
  return [
    ...head,
    ...folded,
    ...(bodyShown ? [...(compact ? [] : [[]]), ...cut(body.lines, body.total, limits, options, side)] : []),
    ...(bodyFolded ? [] : notes),
    ...sizes,
  ];
}

/**
 * A body laid out once per message and limits: the pager renders a step many times over
 * while it looks for the fold that fits, and only the cut differs between those renders.
 */
const views = new WeakMap<HttpMessage, Map<BodyLimits, BodyView>>();

function viewOf(message: HttpMessage, contentType: string, limits: BodyLimits): BodyView {
  let byLimits = views.get(message);
  if (!byLimits) views.set(message, (byLimits = new Map()));
  let view = byLimits.get(limits);
  if (!view) byLimits.set(limits, (view = bodyView(message.body, contentType, limits)));
  return view;
}

/** One line of its column: the first names that fit, how many more, and the key that unfolds them. */
function foldLine(names: string[], bodyLines: number, options: RenderOptions): Line {
  const room = options.width < stackBelow ? options.width : Math.floor((options.width - 3) / 2);
  const text = (shown: number) =>
    options.messages.fit.folded({
      names: shown >= names.length ? names.join(', ') : `${names.slice(0, shown).join(', ')} +${names.length - shown}`,
      lines: bodyLines,
    });
  let shown = Math.min(3, names.length);
  while (shown > 0 && [...text(shown)].length > room - 1) shown--;
  return capLine(safeSpans(text(shown), 'dim'), room - 1);
}

function sizesLine(message: HttpMessage, options: RenderOptions): Line {
  const words = options.messages.render;
  const sizes: Line = [span(words.sizes({ head: message.headBytes, body: message.bodyBytes }), 'dim')];
  if (message.chunked) sizes.push(span(` (${words.chunked({ content: message.contentBytes })})`, 'dim'));
  return sizes;
}

/**
 * Headers every exchange carries and no step is about: the connection's plumbing and
 * what the size line already says (Content-Length, Transfer-Encoding).
 */
const routineHeaders = new Set([
  'host',
  'user-agent',
  'connection',
  'keep-alive',
  'date',
  'content-length',
  'transfer-encoding',
  'x-powered-by',
]);

const isRoutine = (name: string) => routineHeaders.has(name.toLowerCase());

/**
 * The first lines and one note for the rest; with --full the limit is higher but still
 * there. The pager may ask for fewer lines on one side, so that a step fits its screen.
 */
function cut(lines: Line[], total: number, limits: BodyLimits, options: RenderOptions, side: 'up' | 'down'): Line[] {
  const asked = options.full ? undefined : options.bodyLines?.[side];
  const most = asked === undefined ? limits.maxLines : Math.min(limits.maxLines, Math.max(2, asked));
  if (total <= most && lines.length === total) return lines;
  const words = options.messages.render;
  const keep = Math.min(lines.length, most - 1);
  const more = total - keep;
  return [...lines.slice(0, keep), [span(options.full ? words.cutFull({ more }) : words.cut({ more }), 'warn')]];
}

function skippedNote(skipped: number, length: number, options: RenderOptions): Line[] {
  if (skipped <= 0) return [];
  return [[span(options.messages.render.skipped({ shown: length - skipped, total: length }), 'warn')]];
}

function statusStyle(status: number): Style {
  if (status >= 500) return 'serverError';
  if (status >= 400) return 'clientError';
  if (status >= 300) return 'redirect';
  return 'ok';
}
