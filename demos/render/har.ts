/**
 * HTTP exchanges as HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/), the format
 * browser devtools import and export. Pure: items in, plain objects out; the file is
 * written elsewhere. Bodies are kept up to a limit, so a served demo's log stays bounded.
 */
import type { HttpExchange, HttpMessage, WireItem } from '../wire/trace.js';

/** Longest body text kept per message; longer ones are cut and say so in a comment. */
export const harBodyLimit = 256 * 1024;

export interface HarContext {
  /** Wall-clock time (ms since the epoch) at which the trace's clock read 0. */
  startedAt: number;
  creator: { name: string; version: string };
}

export interface HarNameValue {
  name: string;
  value: string;
}

export interface HarEntry {
  startedDateTime: string;
  time: number;
  request: {
    method: string;
    url: string;
    httpVersion: string;
    cookies: HarNameValue[];
    headers: HarNameValue[];
    queryString: HarNameValue[];
    postData?: { mimeType: string; text: string; comment?: string };
    headersSize: number;
    bodySize: number;
  };
  response: {
    status: number;
    statusText: string;
    httpVersion: string;
    cookies: HarNameValue[];
    headers: HarNameValue[];
    content: { size: number; mimeType: string; text?: string; comment?: string };
    redirectURL: string;
    headersSize: number;
    bodySize: number;
    comment?: string;
  };
  cache: Record<string, never>;
  timings: { send: number; wait: number; receive: number };
  serverIPAddress: string;
  connection: string;
}

export interface HarLog {
  log: { version: '1.2'; creator: { name: string; version: string }; entries: HarEntry[]; comment?: string };
}

export function harLog(items: readonly WireItem[], context: HarContext): HarLog {
  return {
    log: {
      version: '1.2',
      creator: context.creator,
      entries: items.filter((item): item is HttpExchange => item.kind === 'http').map((e) => harEntry(e, context)),
    },
  };
}

const headerValue = (message: HttpMessage, name: string) =>
  message.headers.find(([n]) => n.toLowerCase() === name)?.[1];

const versionOf = (line: string, fallback: string) => /HTTP\/\d(\.\d)?/.exec(line)?.[0] ?? fallback;

const ms = (value: number) => Math.max(0, Math.round(value * 1000) / 1000);

export function harEntry(exchange: HttpExchange, context: HarContext): HarEntry {
  const { request, response } = exchange;
  const url = absoluteUrl(request.target, headerValue(request, 'host'));
  const sent = ms(request.lastByteAt - request.firstByteAt);
  const wait = response ? ms(response.firstByteAt - request.lastByteAt) : 0;
  const receive = response ? ms(response.lastByteAt - response.firstByteAt) : 0;
  const requestType = headerValue(request, 'content-type') ?? '';
  const responseType = response ? (headerValue(response, 'content-type') ?? '') : '';
  return {
    startedDateTime: new Date(context.startedAt + request.firstByteAt).toISOString(),
    time: ms(sent + wait + receive),
    request: {
      method: request.method,
      url,
      httpVersion: versionOf(request.startLine, 'HTTP/1.1'),
      cookies: [],
      headers: nameValues(request.headers),
      queryString: queryOf(url),
      ...(request.contentBytes > 0 || request.body !== ''
        ? { postData: { mimeType: requestType, ...bodyText(request.body) } }
        : {}),
      headersSize: request.headBytes,
      bodySize: request.bodyBytes,
    },
    response: response
      ? {
          status: response.status,
          statusText: response.statusText,
          httpVersion: versionOf(response.startLine, 'HTTP/1.1'),
          cookies: [],
          headers: nameValues(response.headers),
          content: {
            size: response.contentBytes,
            mimeType: responseType,
            ...(isBinary(responseType) ? { comment: 'binary body not kept' } : bodyText(response.body)),
          },
          redirectURL: headerValue(response, 'location') ?? '',
          headersSize: response.headBytes,
          bodySize: response.bodyBytes,
        }
      : {
          // HAR has no "no response"; devtools show status 0 as a failed request.
          status: 0,
          statusText: '',
          httpVersion: '',
          cookies: [],
          headers: [],
          content: { size: 0, mimeType: '' },
          redirectURL: '',
          headersSize: -1,
          bodySize: -1,
          comment: 'the connection closed before a response came',
        },
    cache: {},
    timings: { send: sent, wait, receive },
    serverIPAddress: '127.0.0.1',
    connection: String(exchange.connection),
  };
}

function nameValues(headers: ReadonlyArray<[string, string]>): HarNameValue[] {
  return headers.map(([name, value]) => ({ name, value }));
}

function bodyText(body: string): { text: string; comment?: string } {
  if (body.length <= harBodyLimit) return { text: body };
  return { text: body.slice(0, harBodyLimit), comment: `cut after ${harBodyLimit} characters of ${body.length}` };
}

function isBinary(mimeType: string): boolean {
  return /^(image\/(?!svg)|font\/|audio\/|video\/|application\/(octet-stream|wasm|zip|gzip))/i.test(mimeType.trim());
}

/**
 * The URL the client asked for: origin-form targets ("/v1/books") get the Host header
 * (RFC 9112 §3.2.1); a target that is no valid URL is kept, percent-encoded, under that host.
 */
function absoluteUrl(target: string, host: string | undefined): string {
  const origin = `http://${host && /^[\w.-]+(:\d+)?$|^\[[\da-f:.]+\](:\d+)?$/i.test(host) ? host : '127.0.0.1'}`;
  try {
    return new URL(target, origin).href;
  } catch {
    return `${origin}/${encodeURIComponent(target)}`;
  }
}

function queryOf(url: string): HarNameValue[] {
  try {
    return [...new URL(url).searchParams].map(([name, value]) => ({ name, value }));
  } catch {
    return [];
  }
}
