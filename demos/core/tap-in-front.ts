/**
 * The wire tap in front of a server the tool did not start: a student's own server,
 * or a broker. The URL says which decoder reads the bytes: http:// is HTTP/1.1, with
 * WebSocket frames after a 101 upgrade (RFC 6455 §4), amqp:// is AMQP 0-9-1. Before
 * the tap listens, one TCP connection proves the target answers, so a wrong address
 * ends in a clear message instead of a tap that silently closes every connection.
 */
import net from 'node:net';
import { AwtError } from './errors.js';
import { parseUrl } from './url.js';
import { createAmqpFrameDecoder } from '../wire/amqp-frames.js';
import type { DecoderFactory } from '../wire/decoder.js';
import { httpDecoder } from '../wire/http-decoder.js';
import { startTap, type Tap } from '../wire/tap.js';
import type { WireItem } from '../wire/trace.js';
import { createWebSocketFrameDecoder } from '../wire/websocket-frames.js';

export type TapProtocol = 'http' | 'amqp';

export interface TapTarget {
  protocol: TapProtocol;
  /** The URL as given. */
  url: URL;
  host: string;
  port: number;
  /** The URL without a password, for messages. */
  shown: string;
}

/** What tap accepts; anything else is a usage error naming the forms that work. */
export const tapUrlForms = 'http://host:port/path | amqp://user:password@host:port/vhost';

export function parseTapTarget(value: string, option = '<url>'): TapTarget {
  const url = parseUrl(value);
  // https:// and amqps:// are TLS: the tap would see ciphertext only, with nothing to decode.
  const protocol = url?.protocol === 'http:' ? 'http' : url?.protocol === 'amqp:' ? 'amqp' : undefined;
  if (!url || !protocol || !url.hostname) {
    throw new AwtError('AWT_BAD_OPTION', { option, value, expected: tapUrlForms });
  }
  const shownUrl = new URL(url.href);
  shownUrl.password = '';
  return {
    protocol,
    url,
    // new URL keeps the brackets of an IPv6 literal; net.connect wants the bare address.
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    // RFC 9110 §4.2.1: 80 for http; AMQP 0-9-1 §4.2.2 (IANA): 5672.
    port: url.port !== '' ? Number(url.port) : protocol === 'http' ? 80 : 5672,
    shown: shownUrl.href,
  };
}

/** The same URL pointed at the tap: path, user, password, vhost and query stay as they were. */
export function viaTapUrl(target: TapTarget, tapPort: number): string {
  const url = new URL(target.url.href);
  url.hostname = '127.0.0.1';
  url.port = String(tapPort);
  return url.href;
}

export function decoderFor(protocol: TapProtocol): DecoderFactory {
  if (protocol === 'amqp') return (connection, emit) => createAmqpFrameDecoder(connection, emit);
  return httpDecoder({ onUpgrade: (connection, emit) => createWebSocketFrameDecoder(connection, emit) });
}

export const reachMs = 3000;

/**
 * One TCP connection to the target, closed at once, or AWT_TARGET_UNREACHABLE with
 * the reason in the user's terms after at most `timeoutMs`.
 */
export function reachTarget(target: TapTarget, timeoutMs = reachMs): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: target.host, port: target.port });
    const fail = (reason: 'refused' | 'timeout' | 'unknown-host' | 'other', detail: string) => {
      socket.destroy();
      reject(new AwtError('AWT_TARGET_UNREACHABLE', { url: target.shown, reason, detail }));
    };
    socket.setTimeout(timeoutMs, () => fail('timeout', `${timeoutMs / 1000} s`));
    socket.once('connect', () => {
      socket.destroy();
      resolve();
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      const code = error.code ?? error.message;
      if (code === 'ECONNREFUSED') fail('refused', code);
      else if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') fail('unknown-host', code);
      else fail('other', code);
    });
  });
}

export interface TapInFront {
  tap: Tap;
  target: TapTarget;
  /** The address to use instead of the target's. */
  url: string;
  close(): Promise<void>;
}

export interface TapInFrontOptions {
  port?: number;
  onItem?: (item: WireItem) => void;
  /** A connection through the tap could not reach the target (it stopped, or never listened). */
  onUnreachable?: (connection: number, code: string) => void;
  reachTimeoutMs?: number;
  /** performance.now() at which the items' clock starts (so --har can give wall-clock times). */
  origin?: number;
}

export async function tapInFront(target: TapTarget, options: TapInFrontOptions = {}): Promise<TapInFront> {
  await reachTarget(target, options.reachTimeoutMs);
  const { onUnreachable } = options;
  const tap = await startTap({
    target: { host: target.host, port: target.port },
    decoder: decoderFor(target.protocol),
    ...(options.port !== undefined ? { port: options.port } : {}),
    ...(options.onItem ? { onItem: options.onItem } : {}),
    // Only a connection the target never accepted: one it resets later ends in the trace.
    ...(onUnreachable
      ? {
          onUpstreamError: (connection: number, code: string, connected: boolean) => {
            if (!connected) onUnreachable(connection, code);
          },
        }
      : {}),
    ...(options.origin !== undefined ? { origin: options.origin } : {}),
  });
  return { tap, target, url: viaTapUrl(target, tap.port), close: () => tap.close() };
}
