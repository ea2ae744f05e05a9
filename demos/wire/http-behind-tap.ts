/**
 * Starts an HTTP server on 127.0.0.1 and a wire tap in front of it. Clients are
 * given the tap's URL, so every byte they exchange with the server is recorded.
 */
import http from 'node:http';
import type net from 'node:net';
import type { DecoderFactory } from './decoder.js';
import { httpDecoder } from './http-decoder.js';
import { startTap, type Tap } from './tap.js';
import type { WireItem } from './trace.js';

export interface HttpBehindTap {
  server: http.Server;
  tap: Tap;
  /** The tap's URL: the address clients use. */
  url: string;
  close(): Promise<void>;
}

export interface HttpBehindTapOptions {
  /** The tap's port (the one users see); the server itself always takes any free port. */
  port?: number;
  onItem?: (item: WireItem) => void;
  decoder?: DecoderFactory;
  origin?: number;
}

export async function httpBehindTap(
  handler: http.RequestListener,
  options: HttpBehindTapOptions = {},
): Promise<HttpBehindTap> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as net.AddressInfo;
  let tap: Tap;
  try {
    tap = await startTap({
      target: { host: '127.0.0.1', port },
      decoder: options.decoder ?? httpDecoder(),
      ...(options.port !== undefined ? { port: options.port } : {}),
      ...(options.onItem ? { onItem: options.onItem } : {}),
      ...(options.origin !== undefined ? { origin: options.origin } : {}),
    });
  } catch (error) {
    server.close();
    throw error;
  }
  const close = async () => {
    await tap.close();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return { server, tap, url: tap.url, close };
}
