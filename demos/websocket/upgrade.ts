/**
 * The HTTP server hands every "Upgrade: websocket" request here (RFC 6455 §4.2.1).
 * The path picks the WebSocket server; Origin and token are checked before the 101 is
 * sent: a client that fails gets an ordinary HTTP error and never becomes a member.
 * Nothing in the request can throw past this listener: a target that is not a URL gets
 * 400, and an unexpected failure closes only that socket.
 */
import type http from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocketServer } from 'ws';
import { isAuthorised } from './auth.js';

export interface UpgradeOptions {
  /**
   * The origins of this server as a browser sees it (http://127.0.0.1:<port>, …).
   * RFC 6455 §10.2: a server that accepts browser clients checks Origin, or any web page
   * the user visits could open a socket here with `new WebSocket(...)`.
   */
  origins(): readonly string[];
}

export function routeUpgrades(
  server: http.Server,
  routes: Record<string, WebSocketServer>,
  options?: UpgradeOptions,
): void {
  server.on('upgrade', (request: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    // A client may vanish mid-handshake; that must not take the server down.
    socket.on('error', () => socket.destroy());
    try {
      route(request, socket, head, routes, options);
    } catch {
      socket.destroy();
    }
  });
}

function route(
  request: http.IncomingMessage,
  socket: Duplex,
  head: Buffer,
  routes: Record<string, WebSocketServer>,
  options: UpgradeOptions | undefined,
): void {
  const url = parseTarget(request.url);
  if (!url) return refuse(socket, 400, 'Bad Request', {}, 'The request target is not a valid path.');
  const wss = Object.hasOwn(routes, url.pathname) ? routes[url.pathname] : undefined;
  if (!wss) return refuse(socket, 404, 'Not Found', {}, `There is no WebSocket endpoint at ${url.pathname}.`);
  // Browsers always send Origin (RFC 6455 §4.1 step 8); other clients need not, and a token still guards them.
  const origin = request.headers.origin;
  if (origin !== undefined && options && !options.origins().includes(origin)) {
    return refuse(
      socket,
      403,
      'Forbidden',
      {},
      `Origin ${JSON.stringify(origin)} is not this server's: only its own pages (${options.origins()[0]}) may open a WebSocket here.`,
    );
  }
  if (!isAuthorised(request, url)) {
    // RFC 6750 §3: a 401 names the scheme the client should use.
    const challenge = { 'WWW-Authenticate': 'Bearer realm="book-club"' };
    return refuse(socket, 401, 'Unauthorized', challenge, 'Join with a bearer token.');
  }
  wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
}

/** The request target (RFC 9112 §3.2) as a URL, or undefined when it is none ("//[", "*", "http://["). */
function parseTarget(target: string | undefined): URL | undefined {
  const absolute = /^https?:\/\//i.test(target ?? '');
  if (!absolute && (!target?.startsWith('/') || target.startsWith('//'))) return undefined;
  try {
    // RFC 9112 §3.2.2: a server also accepts the absolute form ("http://host/chat").
    return new URL(target!, 'http://localhost');
  } catch {
    return undefined;
  }
}

/** A plain HTTP/1.1 answer instead of the 101; the connection ends after it. */
function refuse(socket: Duplex, status: number, text: string, headers: Record<string, string>, body: string): void {
  const lines = [
    `HTTP/1.1 ${status} ${text}`,
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
    'Content-Type: text/plain; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Connection: close',
  ];
  socket.once('finish', () => socket.destroy());
  socket.end(`${lines.join('\r\n')}\r\n\r\n${body}`);
}
