import { once } from 'node:events';
import net from 'node:net';
import { performance } from 'node:perf_hooks';
import { WebSocket, WebSocketServer } from 'ws';
import type { Direction } from '../../demos/wire/decoder.js';
import {
  createWebSocketFrameDecoder,
  type WebSocketFrameDecoderOptions,
  type WebSocketFrameItem,
  type WebSocketWireItem,
} from '../../demos/wire/websocket-frames.js';

/** "81 05 48 65 6c" → bytes. Whitespace is ignored; anything else that is not hex is a test bug. */
export function hex(text: string): Buffer {
  const digits = text.replace(/\s+/g, '');
  if (!/^(?:[0-9a-f]{2})*$/i.test(digits)) throw new Error(`not hex: ${text}`);
  return Buffer.from(digits, 'hex');
}

export interface FrameSpec {
  opcode: number;
  payload?: Buffer | string;
  fin?: boolean;
  rsv?: [boolean, boolean, boolean];
  /** Masking key as 8 hex digits; omit for an unmasked frame. */
  mask?: string;
  /** Force a length form, also a non-minimal one (RFC 6455 §5.2). */
  lengthEncoding?: 7 | 16 | 64;
}

/** Lays out one frame as RFC 6455 §5.2 draws it; for building test input only. */
export function encodeFrame(spec: FrameSpec): Buffer {
  const payload = Buffer.from(spec.payload ?? '');
  const [rsv1, rsv2, rsv3] = spec.rsv ?? [false, false, false];
  const fin = spec.fin === false ? 0 : 0x80;
  const first = fin | (rsv1 ? 0x40 : 0) | (rsv2 ? 0x20 : 0) | (rsv3 ? 0x10 : 0) | spec.opcode;
  const encoding = spec.lengthEncoding ?? (payload.length < 126 ? 7 : payload.length < 0x10000 ? 16 : 64);
  const length = Buffer.alloc(encoding === 7 ? 0 : encoding === 16 ? 2 : 8);
  if (encoding === 16) length.writeUInt16BE(payload.length);
  if (encoding === 64) length.writeBigUInt64BE(BigInt(payload.length));
  const len7 = encoding === 7 ? payload.length : encoding === 16 ? 126 : 127;
  const key = spec.mask === undefined ? Buffer.alloc(0) : hex(spec.mask);
  const body = Buffer.from(payload.map((byte, i) => (key.length ? byte ^ key[i % 4]! : byte)));
  return Buffer.concat([Buffer.from([first, (key.length ? 0x80 : 0) | len7]), length, key, body]);
}

export type Chunk = [direction: Direction, bytes: Buffer, at?: number];

/** Feeds chunks through one decoder (connection 1) and returns everything it emitted. */
export function decodeWs(...chunks: Chunk[]): WebSocketWireItem[] {
  return decodeWsList(chunks);
}

export function decodeWsList(chunks: Chunk[], options?: WebSocketFrameDecoderOptions): WebSocketWireItem[] {
  const items: WebSocketWireItem[] = [];
  const decoder = createWebSocketFrameDecoder(1, (item) => items.push(item), options);
  for (const [direction, chunk, at] of chunks) decoder.push(direction, chunk, at ?? 0);
  decoder.end(0);
  return items;
}

export function framesOf(items: WebSocketWireItem[]): WebSocketFrameItem[] {
  return items.filter((item): item is WebSocketFrameItem => item.kind === 'ws-frame');
}

/** The chosen fields of each frame, as rows that read well in a deepEqual. */
export function pick<K extends keyof WebSocketFrameItem>(items: WebSocketWireItem[], ...keys: K[]): unknown[][] {
  return framesOf(items).map((frame) => keys.map((key) => frame[key]));
}

/**
 * `runs` seeded-random chunk lists for both directions: half pure noise, half `valid` frames
 * with a few bytes flipped, so the decoder also meets near-miss headers and broken UTF-8.
 */
export function* garbage(seed: number, runs: number, valid: Buffer): Generator<Chunk[]> {
  const random = (below: number) => Math.floor(((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32) * below);
  for (let run = 0; run < runs; run++) {
    const chunks: Chunk[] = [];
    for (let n = random(20); n > 0; n--) {
      const bytes = run % 2 ? Buffer.from(valid) : Buffer.from(Array.from({ length: random(300) }, () => random(256)));
      for (let flips = run % 2 ? random(4) : 0; flips > 0; flips--) bytes[random(bytes.length)] = random(256);
      chunks.push([random(2) ? 'up' : 'down', bytes.subarray(0, random(bytes.length + 1))]);
    }
    yield chunks;
  }
}

/** One row per frame of a direction: opcode name, FIN, length form, and the payload as the application sent it. */
export function asSent(items: WebSocketWireItem[], direction: Direction): unknown[][] {
  return framesOf(items)
    .filter((frame) => frame.direction === direction)
    .map(({ opcodeName, fin, lengthEncoding, payloadText, payloadBase64 = '', closeCode, closeReason }) => {
      const payload =
        opcodeName === 'close' ? [closeCode, closeReason] : (payloadText ?? Buffer.from(payloadBase64, 'base64'));
      return [opcodeName, fin, lengthEncoding, payload];
    });
}

/** The one frame in `items`; anything else emitted is a test failure. */
export function onlyFrame(items: WebSocketWireItem[]): WebSocketFrameItem {
  const [frame, ...rest] = items;
  if (frame?.kind === 'ws-frame' && rest.length === 0) return frame;
  throw new Error(`expected one frame, got ${JSON.stringify(items)}`);
}

/**
 * A one-connection loopback TCP proxy that reports every chunk before forwarding it,
 * the way the wire tap does. `closed` settles once both sockets have closed.
 */
export async function startByteProxy(
  targetPort: number,
  onChunk: (direction: Direction, chunk: Buffer) => void,
): Promise<{ port: number; closed: Promise<void>; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  let markClosed: () => void = () => {};
  const closed = new Promise<void>((resolve) => (markClosed = resolve));
  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, '127.0.0.1');
    sockets.add(client).add(upstream);
    client.on('data', (chunk: Buffer) => {
      onChunk('up', chunk);
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      onChunk('down', chunk);
      client.write(chunk);
    });
    client.on('end', () => upstream.end());
    upstream.on('end', () => client.end());
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
    Promise.all([once(client, 'close'), once(upstream, 'close')]).then(() => markClosed(), markClosed);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as net.AddressInfo;
  const close = async () => {
    for (const socket of sockets) socket.destroy();
    if (server.listening) await new Promise((resolve) => server.close(resolve));
  };
  return { port, closed, close };
}

/**
 * Splits one direction's bytes into the HTTP/1.1 upgrade head (RFC 6455 §4) and the
 * frames after it; the frames go to `onFrames` exactly as they arrived.
 */
export function afterHttpHead(onFrames: (chunk: Buffer) => void): { push(chunk: Buffer): void; head(): string } {
  let head = Buffer.alloc(0);
  let done = false;
  return {
    push(chunk) {
      if (done) return onFrames(chunk);
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) return;
      done = true;
      const rest = head.subarray(end + 4);
      head = head.subarray(0, end + 4);
      if (rest.length) onFrames(rest);
    },
    head: () => head.toString('latin1'),
  };
}

export interface WsSession {
  items: WebSocketWireItem[];
  /** The HTTP/1.1 upgrade request and 101 response, as sent (RFC 6455 §4.1, §4.2.2). */
  heads: Record<Direction, string>;
}

/**
 * Runs `script` with a real ws client against a real ws server that echoes every
 * message, through a byte proxy whose frames go into the decoder. Everything started
 * here is disposed here, also when the script fails.
 */
export async function recordWsSession(script: (client: WebSocket) => Promise<void>): Promise<WsSession> {
  const leftovers: Array<() => unknown> = [];
  try {
    const server = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false });
    leftovers.push(() => new Promise((resolve) => server.close(resolve)));
    await once(server, 'listening');
    server.on('connection', (socket) => {
      socket.on('message', (data, isBinary) => socket.send(data, { binary: isBinary }));
    });

    const items: WebSocketWireItem[] = [];
    const started = performance.now();
    const decoder = createWebSocketFrameDecoder(1, (item) => items.push(item));
    const split = {
      up: afterHttpHead((chunk) => decoder.push('up', chunk, performance.now() - started)),
      down: afterHttpHead((chunk) => decoder.push('down', chunk, performance.now() - started)),
    };
    const { port } = server.address() as net.AddressInfo;
    const proxy = await startByteProxy(port, (direction, chunk) => split[direction].push(chunk));
    leftovers.push(() => proxy.close());

    const client = new WebSocket(`ws://127.0.0.1:${proxy.port}`, { perMessageDeflate: false });
    leftovers.push(() => client.terminate());
    await once(client, 'open');
    await script(client);
    await proxy.closed;
    decoder.end(performance.now() - started);
    return { items, heads: { up: split.up.head(), down: split.down.head() } };
  } finally {
    for (const dispose of leftovers.reverse()) await dispose();
  }
}
