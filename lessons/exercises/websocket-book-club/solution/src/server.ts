/** The book club on PORT (default 8080): WebSocket at /chat, beside a plain HTTP server. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { isAuthorised } from './auth.js';
import { serveClub } from './club.js';
import { routeUpgrades } from './upgrade.js';

const port = Number(process.env.PORT ?? 8080);
const server = http.createServer((_req, res) => {
  res.writeHead(426, { 'Content-Type': 'text/plain; charset=utf-8', Upgrade: 'websocket' });
  res.end('The book club speaks WebSocket at /chat.\n');
});
// No permessage-deflate: the frames stay readable in the wire tap.
const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false, maxPayload: 64 * 1024 });
routeUpgrades(server, wss, isAuthorised);
serveClub(wss);
server.listen(port, () => {
  // The port really taken (PORT=0 asks the system for a free one).
  const { port: listening } = server.address() as AddressInfo;
  console.log(`WebSocket book club ready at http://localhost:${listening}/chat`);
});
