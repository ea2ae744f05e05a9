/**
 * The wire tap: a loopback TCP proxy in front of a real server. It forwards every
 * byte unchanged and records it, so what the trace shows is exactly what crossed the
 * socket, measured the same way for every paradigm.
 *
 * Forwarding comes first and never waits for decoding: a chunk is written on at once
 * and queued for the decoders, which run later (decode-queue.ts) with a time budget.
 * Nothing a client sends can delay another connection's bytes, and an error while
 * decoding one connection is shown as undecoded bytes instead of ending the process.
 * The proxy passes backpressure (a full socket pauses the other side), half-close (a FIN
 * becomes a FIN after the queued bytes are flushed) and destroys a connection only when
 * one of its sockets failed.
 */
import net from 'node:net';
import { performance } from 'node:perf_hooks';
import type { ConnectionDecoder, DecoderFactory } from './decoder.js';
import { DecodeQueue } from './decode-queue.js';
import type { ConnectionStats, WireItem } from './trace.js';

export interface TapOptions {
  target: { host: string; port: number };
  decoder: DecoderFactory;
  /** Port to listen on; 0 (the default) lets the system choose. */
  port?: number;
  /** Called for each item once it is decoded (the live view of `--serve`); errors it throws are its own. */
  onItem?: (item: WireItem) => void;
  /** performance.now() at which times start; taps of one session share it so their items interleave. */
  origin?: number;
  /**
   * The connection to the target failed: never made (`connected` false: refused, unreachable)
   * or broken after the target had accepted it (reset). The client's connection is closed too.
   */
  onUpstreamError?: (connection: number, code: string, connected: boolean) => void;
  /**
   * Keep only the most recent this many items and connections. Unset: a tap with a live
   * consumer (`--serve`, which runs for hours and must keep its memory flat) keeps
   * `liveWindow`; one without keeps everything (a scenario run is short and reads them all).
   */
  retain?: number;
}

export interface Tap extends AsyncDisposable {
  readonly port: number;
  /** http://127.0.0.1:<port> */
  readonly url: string;
  readonly items: readonly WireItem[];
  readonly connections: readonly ConnectionStats[];
  /** ms since the tap started, on the same clock as the items. */
  now(): number;
  /** Resolves once every byte received so far is decoded. */
  settled(): Promise<void>;
  /**
   * Ends every connection now, both sides, where a half-closed one would wait for its
   * peer: a client that has given up (an exercise check after its timeout) wants the
   * decoders to report what they hold, such as a request left unanswered.
   */
  dropConnections(): void;
  /** Ends one connection (the tap's number for it) now, both sides: to either peer, the other just died. */
  dropConnection(id: number): void;
  close(): Promise<void>;
}

/** Items a tap with a live consumer keeps for later readers; the consumer has seen each one. */
export const liveWindow = 500;

/** Queued but not yet decoded bytes above which the sockets stop reading until the decoders catch up. */
const backlogHigh = 16 * 1024 * 1024;

export async function startTap(options: TapOptions): Promise<Tap> {
  const origin = options.origin ?? performance.now();
  const now = () => Math.round((performance.now() - origin) * 1000) / 1000;
  const items: WireItem[] = [];
  const connections: ConnectionStats[] = [];
  const sockets = new Set<net.Socket>();
  const byConnection = new Map<number, net.Socket[]>();
  const retain = options.retain ?? (options.onItem ? liveWindow : Infinity);
  let opened = 0;
  const keep = <T>(list: T[], value: T) => {
    list.push(value);
    // Dropped in batches, so trimming costs O(1) per item on average.
    if (list.length > retain * 2) list.splice(0, list.length - retain);
  };
  const queue = new DecodeQueue(backlogHigh);
  const deliver = (item: WireItem) => {
    try {
      options.onItem?.(item);
    } catch {
      // The live view reports its own failures (one line per item); the tap keeps serving.
    }
  };
  const emit = (item: WireItem) => {
    keep(items, item);
    // Each item is its own job: one chunk of 500 pipelined requests is 500 renderings, and
    // the event loop gets a turn between slices of them.
    if (options.onItem) queue.push(0, 0, () => deliver(item));
  };

  const server = net.createServer({ allowHalfOpen: true }, (client) => {
    const stats: ConnectionStats = { id: ++opened, openedAt: now(), bytesUp: 0, bytesDown: 0 };
    keep(connections, stats);
    const decoder = safeDecoder(stats.id, options.decoder, emit);
    const upstream = net.connect({ port: options.target.port, host: options.target.host, allowHalfOpen: true });
    sockets.add(client).add(upstream);
    byConnection.set(stats.id, [client, upstream]);
    client.setNoDelay(true);
    upstream.setNoDelay(true);

    let open = 2;
    const closed = () => {
      if (--open > 0) return;
      byConnection.delete(stats.id);
      stats.closedAt = now();
      const at = stats.closedAt;
      queue.push(stats.id, 0, () => decoder.end(at));
    };

    let connected = false;
    upstream.once('connect', () => (connected = true));
    upstream.on('error', (error: NodeJS.ErrnoException) =>
      options.onUpstreamError?.(stats.id, error.code ?? error.message, connected),
    );
    for (const [from, to, direction] of [
      [client, upstream, 'up'],
      [upstream, client, 'down'],
    ] as const) {
      queue.register(from, stats.id);
      from.on('data', (chunk: Buffer) => {
        if (direction === 'up') stats.bytesUp += chunk.length;
        else stats.bytesDown += chunk.length;
        // Forward first: the decoders see the chunk later, off this path.
        if (!to.write(chunk) && queue.block(from)) to.once('drain', () => queue.unblock(from));
        const at = now();
        queue.push(stats.id, chunk.length, () => decoder.push(direction, chunk, at));
      });
      // Half-close is passed on after the bytes already queued (end() flushes first), so
      // "Connection: close", a shutdown(SHUT_WR) and AMQP's close handshake behave as without the tap.
      from.on('end', () => to.end());
      from.on('error', () => to.destroy());
      from.on('close', (hadError) => {
        sockets.delete(from);
        if (hadError) to.destroy();
        closed();
      });
    }
  });

  await new Promise<void>((resolve, reject) => {
    // node's own error (EADDRINUSE, EACCES …) goes up as it is; the CLI says it in the user's words.
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const port = (server.address() as net.AddressInfo).port;

  const dropConnections = () => {
    for (const socket of sockets) socket.destroy();
  };
  const close = async () => {
    dropConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    items,
    connections,
    now,
    settled: () => queue.settled(),
    dropConnections,
    dropConnection: (id) => byConnection.get(id)?.forEach((socket) => socket.destroy()),
    close,
    [Symbol.asyncDispose]: close,
  };
}

/**
 * A decoder whose failure stays with its connection: the bytes it could not take are
 * reported as undecoded, and the connection's further bytes are only counted.
 */
function safeDecoder(connection: number, factory: DecoderFactory, emit: (item: WireItem) => void): ConnectionDecoder {
  let decoder: ConnectionDecoder | undefined;
  let failed = false;
  const fail = (error: unknown, direction: 'up' | 'down', bytes: number, at: number) => {
    failed = true;
    const reason = `decoder failed: ${error instanceof Error ? error.message : String(error)}`;
    emit({ kind: 'undecoded', connection, at, direction, bytes, reason });
  };
  try {
    decoder = factory(connection, emit);
  } catch (error) {
    fail(error, 'up', 0, 0);
  }
  return {
    push(direction, chunk, at) {
      if (failed || !decoder) return;
      try {
        decoder.push(direction, chunk, at);
      } catch (error) {
        fail(error, direction, chunk.length, at);
      }
    },
    end(at) {
      if (failed || !decoder) return;
      try {
        decoder.end(at);
      } catch (error) {
        fail(error, 'up', 0, at);
      }
    },
  };
}
