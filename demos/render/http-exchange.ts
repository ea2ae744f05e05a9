import { bodyLines } from './body-view.js';
import { sideBySide, span, wrap, type Line } from './lines.js';
import { maxBodyLines, stackBelow, type RenderOptions } from './options.js';
import { rawLines } from './raw-bytes.js';
import type { Style } from './theme.js';
import type { HttpExchange, HttpMessage } from '../wire/trace.js';

/** One round trip: request on the left, response on the right (stacked when narrow). */
export function renderHttpExchange(exchange: HttpExchange, options: RenderOptions): Line[] {
  const t = options.messages.render;
  const { request, response } = exchange;
  const left: Line[] = [
    [
      span(`▶ ${t.request}`, 'up'),
      span(`  ${t.connection({ id: exchange.connection, nth: exchange.onConnection })}`, 'dim'),
    ],
    ...messageLines(request, options, 'up'),
  ];
  const right: Line[] = response
    ? [
        [span(`◀ ${t.response}`, 'down'), span(`  ${t.took({ ms: exchange.durationMs.toFixed(1) })}`, 'dim')],
        ...messageLines(response, options, 'down', statusStyle(response.status)),
      ]
    : [[span(`◀ ${t.response}`, 'down')], [span(t.noResponse, 'warn')]];

  if (options.width < stackBelow) {
    return [...left, [], ...right].flatMap((line) => wrap(line, options.width, options.raw ? 'exact' : 'indent'));
  }
  return sideBySide(left, right, options.width, span(' │ ', 'rule'), options.raw ? 'exact' : 'indent');
}

function messageLines(
  message: HttpMessage,
  options: RenderOptions,
  side: 'up' | 'down',
  startStyle: Style = 'bold',
): Line[] {
  const t = options.messages.render;
  const sizes: Line = [span(t.sizes({ head: message.headBytes, body: message.bodyBytes }), 'dim')];
  if (message.chunked) sizes.push(span(` (${t.chunked({ content: message.contentBytes })})`, 'dim'));
  if (options.raw) return [...cut(rawLines(message.raw), options, side), sizes];

  const head: Line[] = [
    [span(message.startLine, startStyle)],
    ...message.headers.map(([name, value]): Line => [span(`${name}: `, 'dim'), span(value, 'dim')]),
  ];
  const contentType = message.headers.find(([name]) => name.toLowerCase() === 'content-type')?.[1] ?? '';
  const body = bodyLines(message.body, contentType);
  return [...head, ...(body.length > 0 ? [[], ...cut(body, options, side)] : []), sizes];
}

function cut(lines: Line[], options: RenderOptions, side: 'up' | 'down'): Line[] {
  const most = Math.max(2, options.bodyLines?.[side] ?? maxBodyLines);
  if (options.full || lines.length <= most) return lines;
  const keep = most - 1;
  return [...lines.slice(0, keep), [span(options.messages.render.cut({ more: lines.length - keep }), 'warn')]];
}

function statusStyle(status: number): Style {
  if (status >= 500) return 'serverError';
  if (status >= 400) return 'clientError';
  if (status >= 300) return 'redirect';
  return 'ok';
}
