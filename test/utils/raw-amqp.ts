/**
 * A raw AMQP 0-9-1 client for bad-input tests: it writes exactly the bytes a test wants
 * (amqplib's encoder for well-formed frames) and decodes what comes back with the tap's
 * own frame decoder.
 */
import { createRequire } from 'node:module';
import net from 'node:net';
import { dirname, join } from 'node:path';
import { createAmqpFrameDecoder, type AmqpFrameItem } from '../../demos/wire/amqp-frames.js';

const require = createRequire(import.meta.url);
const defs = require(join(dirname(require.resolve('amqplib')), 'lib', 'defs.js')) as {
  encodeMethod(id: number, channel: number, fields: Record<string, unknown>): Buffer;
  encodeProperties(id: number, channel: number, size: number, fields: Record<string, unknown>): Buffer;
};

export const HEADER = Buffer.from('AMQP\x00\x00\x09\x01', 'latin1');

export const method = (id: number, channel: number, fields: Record<string, unknown> = {}) =>
  defs.encodeMethod(id, channel, fields);

export const contentHeader = (channel: number, size: number) => defs.encodeProperties(60, channel, size, {});

export function bodyFrame(channel: number, body: Buffer): Buffer {
  const frame = Buffer.alloc(8 + body.length);
  frame[0] = 3;
  frame.writeUInt16BE(channel, 1);
  frame.writeUInt32BE(body.length, 3);
  body.copy(frame, 7);
  frame[7 + body.length] = 0xce;
  return frame;
}

export interface RawClient {
  readonly socket: net.Socket;
  /** Frames from the broker so far. */
  readonly frames: AmqpFrameItem[];
  /** Every byte from the broker so far. */
  readonly bytes: () => Buffer;
  send(bytes: Buffer): void;
  /** Resolves with the first frame (from now on, or already there) that `test` accepts; rejects after `ms`. */
  waitFor(test: (frame: AmqpFrameItem) => boolean, ms?: number): Promise<AmqpFrameItem>;
  /** Resolves when the broker closed the socket; rejects after `ms`. */
  closed(ms?: number): Promise<void>;
  destroy(): void;
}

export async function rawClient(port: number): Promise<RawClient> {
  const socket = net.connect({ host: '127.0.0.1', port });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  socket.on('error', () => undefined);
  const frames: AmqpFrameItem[] = [];
  const chunks: Buffer[] = [];
  const listeners = new Set<() => void>();
  const decoder = createAmqpFrameDecoder(1, (item) => frames.push(item));
  let ended = false;
  socket.on('data', (chunk: Buffer) => {
    chunks.push(chunk);
    decoder.push('down', chunk, 0);
    for (const listener of listeners) listener();
  });
  socket.on('close', () => {
    ended = true;
    for (const listener of listeners) listener();
  });
  const until = <T>(check: () => T | undefined, ms: number, what: string) =>
    new Promise<T>((resolve, reject) => {
      const run = () => {
        const result = check();
        if (result === undefined) return;
        listeners.delete(run);
        clearTimeout(timer);
        resolve(result);
      };
      const timer = setTimeout(() => {
        listeners.delete(run);
        reject(
          new Error(`timed out waiting for ${what}; got ${frames.map((f) => f.method ?? f.frameType).join(', ')}`),
        );
      }, ms);
      listeners.add(run);
      run();
    });
  return {
    socket,
    frames,
    bytes: () => Buffer.concat(chunks),
    send: (bytes) => socket.write(bytes),
    waitFor: (test, ms = 3000) => until(() => frames.find(test), ms, 'a frame'),
    closed: (ms = 3000) => until(() => (ended ? true : undefined), ms, 'the close').then(() => undefined),
    destroy: () => socket.destroy(),
  };
}

/** Header, StartOk (PLAIN guest/guest), TuneOk, Open "/": a connection ready for channels. */
export async function openRaw(port: number, heartbeat = 0): Promise<RawClient> {
  const client = await rawClient(port);
  client.send(HEADER);
  await client.waitFor((f) => f.method === 'Connection.Start');
  client.send(
    method(0x000a000b, 0, {
      clientProperties: {},
      mechanism: 'PLAIN',
      response: Buffer.from('\x00guest\x00guest'),
      locale: 'en_US',
    }),
  );
  await client.waitFor((f) => f.method === 'Connection.Tune');
  client.send(method(0x000a001f, 0, { channelMax: 0, frameMax: 131072, heartbeat }));
  client.send(method(0x000a0028, 0, { virtualHost: '/', capabilities: '', insist: false }));
  await client.waitFor((f) => f.method === 'Connection.OpenOk');
  return client;
}
