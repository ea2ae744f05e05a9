/**
 * The lecture's first server: every text message comes back as "Server: <message>",
 * every binary message comes back unchanged. It also sends the heartbeat ping.
 */
import { performance } from 'node:perf_hooks';
import type { WebSocket, WebSocketServer } from 'ws';

export interface EchoServer {
  /** Pings every echo client with `payload`; resolves with each round-trip time in ms. */
  ping(payload: string): Promise<number[]>;
}

export function serveEcho(wss: WebSocketServer): EchoServer {
  wss.on('connection', (ws: WebSocket) => {
    // Frame errors (bad masking, bad UTF-8, too big) close this socket with the right code; see limits.ts.
    ws.on('error', () => {});
    ws.on('message', (data, isBinary) => {
      if (isBinary) ws.send(data, { binary: true });
      else ws.send(`Server: ${String(data)}`);
    });
  });
  return {
    ping: (payload) =>
      Promise.all(
        [...wss.clients].map(
          (ws) =>
            new Promise<number>((resolve) => {
              const sent = performance.now();
              ws.once('pong', () => resolve(performance.now() - sent));
              ws.ping(payload);
            }),
        ),
      ),
  };
}
