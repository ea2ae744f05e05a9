/**
 * Every "Upgrade: websocket" request comes here (RFC 6455 §4.2.1). The token is checked
 * before the 101 is sent: a client without it gets an ordinary HTTP 401 and never joins.
 */
import type http from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocketServer } from 'ws';

export function routeUpgrades(
  server: http.Server,
  wss: WebSocketServer,
  isAuthorised: (request: http.IncomingMessage, url: URL) => boolean,
): void {
  server.on('upgrade', (request: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    // A client may vanish mid-handshake; that must not take the server down.
    socket.on('error', () => socket.destroy());
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname !== '/chat') return refuse(socket, '404 Not Found', {});
    if (!isAuthorised(request, url)) {
      // RFC 6750 §3: a 401 names the scheme the client should use.
      return refuse(socket, '401 Unauthorized', { 'WWW-Authenticate': 'Bearer realm="book-club"' });
    }
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
  });
}

/** A plain HTTP/1.1 answer instead of the 101; the connection ends after it. */
function refuse(socket: Duplex, status: string, headers: Record<string, string>): void {
  const lines = [`HTTP/1.1 ${status}`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
  socket.end([...lines, 'Content-Length: 0', 'Connection: close', '', ''].join('\r\n'));
}
