/**
 * The wire tap: a loopback TCP proxy in front of a real server. It forwards every
 * byte unchanged and records it first, so what the trace shows is exactly what
 * crossed the socket, measured the same way for every paradigm.
 */
import net from 'node:net';
import { performance } from 'node:perf_hooks';
import type { DecoderFactory } from './decoder.js';
import type { ConnectionStats, WireItem } from './trace.js';

export interface TapOptions {
  target: { host: string; port: number };
  decoder: DecoderFactory;
  /** Port to listen on; 0 (the default) lets the system choose. */
  port?: number;
  /** Called for each item as soon as it is decoded (the live view of `--serve`). */
  onItem?: (item: WireItem) => void;
  /** performance.now() at which times start; taps of one session share it so their items interleave. */
  origin?: number;
  /** The connection to the target failed (refused, reset): the client's connection is closed too. */
  onUpstreamError?: (connection: number, code: string) => void;
}

export interface Tap extends AsyncDisposable {
  readonly port: number;
  /** http://127.0.0.1:<port> */
  readonly url: string;
  readonly items: readonly WireItem[];
  readonly connections: readonly ConnectionStats[];
  /** ms since the tap started, on the same clock as the items. */
  now(): number;
  close(): Promise<void>;
}

export async function startTap(options: TapOptions): Promise<Tap> {
  const origin = options.origin ?? performance.now();
  const now = () => Math.round((performance.now() - origin) * 1000) / 1000;
  const items: WireItem[] = [];
  const connections: ConnectionStats[] = [];
  const sockets = new Set<net.Socket>();
  const emit = (item: WireItem) => {
    items.push(item);
    options.onItem?.(item);
  };

  const server = net.createServer((client) => {
    const stats: ConnectionStats = { id: connections.length + 1, openedAt: now(), bytesUp: 0, bytesDown: 0 };
    connections.push(stats);
    const decoder = options.decoder(stats.id, emit);
    const upstream = net.connect(options.target.port, options.target.host);
    sockets.add(client).add(upstream);
    client.setNoDelay(true);
    upstream.setNoDelay(true);

    let ended = false;
    const finish = () => {
      if (ended) return;
      ended = true;
      stats.closedAt = now();
      decoder.end(stats.closedAt);
    };

    client.on('data', (chunk: Buffer) => {
      stats.bytesUp += chunk.length;
      decoder.push('up', chunk, now());
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      stats.bytesDown += chunk.length;
      decoder.push('down', chunk, now());
      client.write(chunk);
    });
    // Half-close is passed on, so "Connection: close" and AMQP's close handshake behave as without the tap.
    client.on('end', () => upstream.end());
    upstream.on('end', () => client.end());
    upstream.on('error', (error: NodeJS.ErrnoException) =>
      options.onUpstreamError?.(stats.id, error.code ?? error.message),
    );
    for (const [socket, other] of [
      [client, upstream],
      [upstream, client],
    ] as const) {
      socket.on('error', () => other.destroy());
      socket.on('close', () => {
        sockets.delete(socket);
        other.destroy();
        finish();
      });
    }
  });

  await new Promise<void>((resolve, reject) => {
    // node's own error (EADDRINUSE, EACCES …) goes up as it is; the CLI says it in the user's words.
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const port = (server.address() as net.AddressInfo).port;

  const close = async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    items,
    connections,
    now,
    close,
    [Symbol.asyncDispose]: close,
  };
}
