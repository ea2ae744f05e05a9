/**
 * HTTP calls between several processes as a sequence diagram: a lane per process, an
 * arrow per request and per response, time running down. One client request and the
 * requests it causes inside a system of services read as one picture (the fan-out).
 *
 *      ms    B  client  gateway  registry  catalog
 *     0.0  262  ├──────▶│                           GET /api/book-page/1 · traceparent 00-4bf9…-a3ce…-01
 *     1.4  205          ├───────▶│                  GET /services/catalog · traceparent 00-4bf9…-7d1e…-01
 *     2.0  257          │◀───────┤                  200 OK · 0.6 ms
 */
import { drawArrow, GAP, header, layout, leadColumns, toSpans, type LaneCell, type Lane } from './amqp-lanes.js';
import { span, wrap, type Line, type Span } from './lines.js';
import type { RenderOptions } from './options.js';
import type { Style } from './theme.js';
import type { HttpExchange } from '../wire/trace.js';

interface Row {
  at: number;
  from: number;
  to: number;
  bytes: number;
  style: Style;
  label: Line;
}

/** Targets and header values come from the socket: control characters are made visible, length is bounded. */
export function visible(text: string, max = 120): string {
  const shown = [...text].map((ch) => {
    const code = ch.codePointAt(0)!;
    return code < 0x20 || code === 0x7f || (code >= 0x80 && code < 0xa0)
      ? `\\x${code.toString(16).padStart(2, '0')}`
      : ch;
  });
  return shown.length > max ? `${shown.slice(0, max - 1).join('')}…` : shown.join('');
}

/** `00-4bf9…-a3ce…-01`: enough of the ids to follow them from hop to hop. */
function shortTraceparent(value: string): string {
  const match = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/.exec(value);
  return match ? `00-${match[1]!.slice(0, 4)}…-${match[2]!.slice(0, 4)}…-${match[3]}` : visible(value, 60);
}

/** Above this many arrows the middle is folded (unless --full); `keep` arrows stay at each end. */
const foldAbove = 60;
const keep = 20;

export function renderHttpSequence(exchanges: HttpExchange[], options: RenderOptions): Line[] {
  const words = options.messages;
  const shown = exchanges;
  if (shown.length === 0) return [];
  const names: string[] = [];
  const laneOf = (name: string) => {
    const at = names.indexOf(name);
    return at >= 0 ? at : names.push(name) - 1;
  };
  if (shown.some((e) => e.hop?.from === 'client')) laneOf('client');
  const rows: Row[] = [];
  for (const exchange of shown) {
    const from = laneOf(visible(exchange.hop?.from ?? 'client', 24));
    const to = laneOf(visible(exchange.hop?.to ?? '?', 24));
    const request = exchange.request;
    const parent = request.headers.find(([name]) => name.toLowerCase() === 'traceparent')?.[1];
    rows.push({
      at: request.firstByteAt,
      from,
      to,
      bytes: request.headBytes + request.bodyBytes,
      style: exchange.hop?.background ? 'dim' : 'up',
      label: [
        span(`${visible(request.method, 16)} ${visible(request.target)}`, 'bold'),
        ...(parent ? [span(` · traceparent ${shortTraceparent(parent)}`, 'dim')] : []),
      ],
    });
    const response = exchange.response;
    rows.push(
      response
        ? {
            at: response.firstByteAt,
            from: to,
            to: from,
            bytes: response.headBytes + response.bodyBytes,
            style: 'down',
            label: [
              span(`${response.status} ${visible(response.statusText, 40)}`, response.status >= 400 ? 'warn' : 'bold'),
              span(` · ${words.render.took({ ms: exchange.durationMs })}`, 'dim'),
              ...(options.full && response.body !== '' ? [span(` · ${visible(response.body, 160)}`, 'dim')] : []),
            ],
          }
        : {
            at: request.lastByteAt,
            from: to,
            to: from,
            bytes: 0,
            style: 'warn',
            label: [span(words.render.noResponse, 'warn')],
          },
    );
  }
  rows.sort((a, b) => a.at - b.at);

  const { times, sizes, width: leadWidth, lead } = leadColumns(rows[0]!.at, rows, words);
  const lanes: Lane[] = names.map((name) => ({ name, from: 0, to: rows.length - 1 }));
  // One more (empty) lane than processes: the header and layout treat the last lane as the widest-free one.
  const { step, labelWidth } = layout([...lanes, { name: '', from: 0, to: 0 }], leadWidth, options.width);
  const gutterWidth = (lanes.length - 1) * step + 1;
  const gutter = (arrow?: Row): Span[] => {
    const cells: LaneCell[] = Array.from({ length: gutterWidth }, () => ({ ch: ' ' }));
    lanes.forEach((_lane, i) => (cells[i * step] = { ch: '│', style: 'rule' }));
    if (arrow) drawArrow(cells, arrow.from * step, arrow.to * step, arrow.style, false);
    return toSpans(cells);
  };
  const lines: Line[] = header(lanes, step, lead, labelWidth + gutterWidth + GAP.length, words);
  // A long run (traffic during a rolling update) shows its beginning and its end unless --full.
  const fold = !options.full && rows.length > foldAbove ? { from: keep, to: rows.length - keep } : undefined;
  rows.forEach((row, i) => {
    if (fold && i >= fold.from && i < fold.to) {
      if (i === fold.from) {
        const count = shown.filter((e) => {
          const at = e.request.firstByteAt;
          return at >= row.at && at < rows[fold.to]!.at;
        }).length;
        lines.push([...lead(), ...gutter(), span(GAP), span(words.render.folded({ count }), 'warn')]);
      }
      return;
    }
    const [first, ...more] = wrap(row.label, labelWidth);
    lines.push([...lead(times[i], sizes[i]), ...gutter(row), span(GAP), ...first!]);
    for (const line of more) lines.push([...lead(), ...gutter(), span(GAP), ...line]);
  });
  return lines;
}
