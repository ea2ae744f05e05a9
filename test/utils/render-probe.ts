/** Pure rendering entry points for callInWorker: strings in, plain text out (structured-clone safe). */
import { bodyView } from '../../demos/render/body-view.js';
import { bodyLimits } from '../../demos/render/body-limits.js';
import { wrap } from '../../demos/render/lines.js';
import { renderHttpExchange } from '../../demos/render/http-exchange.js';
import { createTheme } from '../../demos/render/theme.js';
import { paint } from '../../demos/render/lines.js';
import { messages } from '../../demos/core/messages/index.js';
import type { HttpExchange } from '../../demos/wire/trace.js';

export function renderBody(body: string, contentType: string, full = false): { text: string; total: number } {
  const view = bodyView(body, contentType, bodyLimits(full));
  return { text: view.lines.map((line) => line.map((s) => s.text).join('')).join('\n'), total: view.total };
}

export function wrapText(text: string, width: number): number {
  return wrap([{ text }], width).length;
}

/** One exchange whose request and response both carry this body, as the decoder would hand it over. */
export function exchangeWithBody(body: string, contentType: string): HttpExchange {
  const message = {
    headers: [['Content-Type', contentType]] as Array<[string, string]>,
    body,
    headBytes: 40,
    bodyBytes: body.length,
    contentBytes: body.length,
    chunked: false,
    raw: body,
    firstByteAt: 0,
    lastByteAt: 1,
  };
  return {
    kind: 'http',
    connection: 1,
    onConnection: 1,
    at: 0,
    durationMs: 1,
    request: { ...message, startLine: 'POST / HTTP/1.1', method: 'POST', target: '/' },
    response: { ...message, startLine: 'HTTP/1.1 200 OK', status: 200, statusText: 'OK' },
  };
}

/** An exchange with this request body, painted as the live view paints it. */
export function renderExchange(body: string, contentType: string, width = 120, full = false): string {
  const exchange = exchangeWithBody(body, contentType);
  const options = { width, theme: createTheme(false), messages: messages.en, raw: false, full };
  return paint(renderHttpExchange(exchange, options), options.theme);
}

/** Many exchanges in one call (one worker start): [body, content type, width, full] each. */
export function renderExchanges(cases: Array<[string, string, number?, boolean?]>): string[] {
  return cases.map(([body, type, width, full]) => renderExchange(body, type, width, full));
}
