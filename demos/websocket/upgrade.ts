/**
 * The HTTP server hands every "Upgrade: websocket" request here (RFC 6455 §4.2.1).
 * The path picks the WebSocket server, and the token is checked before the 101 is
 * sent: a client without it gets an ordinary HTTP error and never becomes a member.
 */
import type http from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocketServer } from 'ws';
import { isAuthorised } from './auth.js';

export function routeUpgrades(server: http.Server, routes: Record<string, WebSocketServer>): void {
  server.on('upgrade', (request: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    // A client may vanish mid-handshake; that must not take the server down.
    socket.on('error', () => socket.destroy());
    const url = new URL(request.url ?? '/', 'http://localhost');
    const wss = Object.hasOwn(routes, url.pathname) ? routes[url.pathname] : undefined;
    if (!wss) return refuse(socket, 404, 'Not Found', {}, `There is no WebSocket endpoint at ${url.pathname}.`);
    if (!isAuthorised(request, url)) {
      // RFC 6750 §3: a 401 names the scheme the client should use.
      const challenge = { 'WWW-Authenticate': 'Bearer realm="book-club"' };
      return refuse(socket, 401, 'Unauthorized', challenge, 'Join with a bearer token.');
    }
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
  });
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
