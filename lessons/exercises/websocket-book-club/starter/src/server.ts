/**
 * The book club on PORT (default 8080): WebSocket at /chat, beside a plain HTTP server.
 * It starts and accepts connections already; the club's rules are yours to write.
 * Check your progress with:  npx awt-demo exercise check websocket-book-club
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/** The club's shared secret, sent as a bearer token (RFC 6750). */
export const token = 'book-club';

const port = Number(process.env.PORT ?? 8080);
const server = http.createServer((_req, res) => {
  res.writeHead(426, { 'Content-Type': 'text/plain; charset=utf-8', Upgrade: 'websocket' });
  res.end('The book club speaks WebSocket at /chat.\n');
});
// No permessage-deflate: the frames stay readable in the wire tap.
const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false, maxPayload: 64 * 1024 });

server.on('upgrade', (request, socket, head) => {
  // A client may vanish mid-handshake; that must not take the server down.
  socket.on('error', () => socket.destroy());
  // TODO: only /chat, and only with the token (Authorization: Bearer … or ?access_token=…);
  //       without it answer "HTTP/1.1 401 Unauthorized" with a WWW-Authenticate header instead of the 101
  wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
});

wss.on('connection', (ws: WebSocket, request: http.IncomingMessage) => {
  const name = new URL(request.url ?? '/', 'http://localhost').searchParams.get('name') || 'guest';
  ws.on('error', () => {});
  ws.on('message', (data) => {
    // TODO: a binary frame closes the connection with 1003
    // TODO: {"type":"chat","text":"…"} goes to every member as {"type":"chat","from":name,"text":"…"}
    //       (this only answers the sender for now)
    ws.send(
      JSON.stringify({
        type: 'error',
        message: `${name}, the club does not understand ${String(data).slice(0, 40)} yet.`,
      }),
    );
  });
});

server.listen(port, () => {
  // The port really taken (PORT=0 asks the system for a free one).
  const { port: listening } = server.address() as AddressInfo;
  console.log(`WebSocket book club ready at http://localhost:${listening}/chat`);
});
