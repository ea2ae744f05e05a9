/**
 * The demo's WebSocket clients: the ws package, as a Node program would use it. They
 * offer permessage-deflate as browsers do; the server declines it (see limits.ts).
 */
import { once } from 'node:events';
import { WebSocket } from 'ws';
import { bookClubToken } from './auth.js';

export interface ClientOptions {
  /**
   * Send the bearer token in the Authorization header (RFC 6750 §2.1, the default); false
   * to try without it; 'query' to send it as a browser must, in the URL (§2.3).
   */
  token?: boolean | 'query';
  /** The Origin header a browser would send: the page that opened the socket (RFC 6455 §4.1). */
  origin?: string;
  /** Query parameters, e.g. { name: 'Ada' }. */
  query?: Record<string, string>;
}

export function wsUrl(httpUrl: string, path: string, query: Record<string, string> = {}): string {
  const url = new URL(path, httpUrl.replace(/^http/, 'ws'));
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
  return url.toString();
}

/** A client that may still be connecting; `open` settles with the handshake. */
export function connect(httpUrl: string, path: string, options: ClientOptions = {}): WebSocket {
  const inHeader = options.token === undefined || options.token === true;
  const headers = inHeader ? { Authorization: `Bearer ${bookClubToken}` } : {};
  const query = options.token === 'query' ? { ...options.query, access_token: bookClubToken } : options.query;
  const ws = new WebSocket(wsUrl(httpUrl, path, query), {
    headers,
    ...(options.origin !== undefined ? { origin: options.origin } : {}),
  });
  // Errors surface through opened() and closed(); an unhandled 'error' would end the process.
  ws.on('error', () => {});
  ws.once('close', (code: number, reason: Buffer) => closings.set(ws, { code, reason: String(reason) }));
  return ws;
}

/** Resolves when the 101 has arrived; rejects with the HTTP status if the server refused. */
export function opened(ws: WebSocket): Promise<void> {
  if (ws.readyState === WebSocket.OPEN) return Promise.resolve();
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('unexpected-response', (_request, response) => {
      response.resume();
      reject(new HandshakeRefused(response.statusCode ?? 0));
      ws.terminate();
    });
    ws.once('error', reject);
  });
}

export class HandshakeRefused extends Error {
  constructor(readonly status: number) {
    super(`the server answered the handshake with HTTP ${status}`);
  }
}

/** The HTTP status with which the server refused the handshake, or 0 when the socket opened. */
export async function refusedWith(ws: WebSocket): Promise<number> {
  try {
    await opened(ws);
    return 0;
  } catch (error) {
    if (!(error instanceof HandshakeRefused)) throw error;
    return error.status;
  }
}

export async function nextMessage(ws: WebSocket): Promise<{ data: Buffer; isBinary: boolean }> {
  const [data, isBinary] = (await once(ws, 'message')) as [Buffer, boolean];
  return { data, isBinary };
}

export interface Closing {
  code: number;
  reason: string;
}

const closings = new WeakMap<WebSocket, Closing>();

/** The close code and reason this client received, once the TCP connection has closed. */
export async function closed(ws: WebSocket): Promise<Closing> {
  const known = closings.get(ws);
  if (known) return known;
  const [code, reason] = (await once(ws, 'close')) as [number, Buffer];
  return { code, reason: String(reason) };
}
