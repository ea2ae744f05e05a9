/**
 * The live view of `--serve` folds what a browser loads to show a page (HTML, scripts,
 * styles, images, fonts, the favicon) to one line per file: the requests a student
 * sends themselves, and the frames, stay readable between them. `--assets` shows them in full.
 */
import { span, wrap, type Line } from './lines.js';
import type { RenderOptions } from './options.js';
import type { HttpExchange } from '../wire/trace.js';

const assetTypes =
  /^(text\/(html|css|javascript)|application\/(javascript|ecmascript|wasm|manifest\+json)|image\/|font\/)/i;

/** C0, DEL, C1 and the bidi controls: shown as \u{…} so a target cannot move the cursor or reorder the line. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const invisible = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

function headerOf(headers: ReadonlyArray<[string, string]>, name: string): string | undefined {
  return headers.find(([n]) => n.toLowerCase() === name)?.[1];
}

/**
 * A file for the page rather than data: its response type says so, or it is a GET for
 * a favicon or a revalidated file (304 has no Content-Type, RFC 9110 §15.4.5).
 */
export function isStaticAsset(exchange: HttpExchange): boolean {
  const { request, response } = exchange;
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  if (/^\/favicon\.ico(\?|$)/.test(request.target)) return true;
  if (!response) return false;
  const type = headerOf(response.headers, 'content-type') ?? '';
  if (assetTypes.test(type.trim())) return true;
  return response.status === 304 && /\.(html?|css|m?js|png|svg|ico|woff2?)(\?|$)/i.test(request.target);
}

/** "▶ GET /explorer/graphiql.min.js  ◀ 200 OK  text/javascript  978,022 B  #3" (the connection) on one line. */
export function renderAssetLine(exchange: HttpExchange, options: RenderOptions): Line[] {
  const { request, response } = exchange;
  const words = options.messages.render;
  // The target comes off the wire: control characters made visible and cut, so one line stays one line.
  const visible = request.target.slice(0, 200).replace(invisible, (c) => `\\u{${c.charCodeAt(0).toString(16)}}`);
  const target = [...visible].length > 120 ? `${[...visible].slice(0, 119).join('')}…` : visible;
  const type = response ? (headerOf(response.headers, 'content-type') ?? '').split(';')[0]!.trim() : '';
  const line: Line = [
    span('▶ ', 'up'),
    span(`${request.method} ${target}`, 'bold'),
    span('  ◀ ', 'down'),
    response
      ? span(`${response.status} ${response.statusText}`, response.status >= 400 ? 'clientError' : 'ok')
      : span(words.noResponse, 'warn'),
    span(
      `  ${[type, response ? options.messages.numbers.bytes(response.bodyBytes) : ''].filter(Boolean).join('  ')}`,
      'dim',
    ),
    span(`  #${exchange.connection}`, 'dim'),
  ];
  return wrap(line, options.width, 'indent');
}
