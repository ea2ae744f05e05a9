/**
 * The shared parts of every HTTP adapter: the server side, a node:http server on
 * 127.0.0.1, port 0, with the handler straight on the socket (no tap); the client
 * side, workers that send one fixed request over a keep-alive agent with as many
 * sockets as there are loops.
 */
import http from 'node:http';
import type net from 'node:net';
import type { BenchAddress, BenchAnswer, BenchClient, BenchAdapterOptions, BenchServer } from './adapter.js';

export interface FixedRequest {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

/** Counts the books in an answer body; throws when the body is not the list. */
export type CountBooks = (body: Buffer) => number;

/**
 * The check before the load must not hang on a server that never answers. Under load
 * the generator's own bound does that, with no timer per request.
 */
const checkTimeoutMs = 10_000;

export async function httpServer(handler: http.RequestListener): Promise<BenchServer & { server: http.Server }> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as net.AddressInfo;
  return {
    server,
    address: { url: `http://127.0.0.1:${port}` },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export function httpClient(
  address: BenchAddress,
  request: FixedRequest,
  countBooks: CountBooks,
  options: BenchAdapterOptions,
): BenchClient {
  const url = new URL(address.url);
  // maxSockets = concurrency: every loop has a connection of its own, opened once and kept.
  const agent = new http.Agent({
    keepAlive: true,
    maxSockets: options.concurrency,
    maxFreeSockets: options.concurrency,
  });
  const body = request.body === undefined ? undefined : Buffer.from(request.body);
  // The headers as a flat list, Host included: node then writes them as they are instead
  // of validating each one again on every request, which costs the load thread about
  // a tenth of its CPU time per request.
  const headers = [
    ['Host', url.host],
    ...Object.entries(request.headers ?? {}),
    ...(body ? [['Content-Length', String(body.length)]] : []),
  ].flat();
  const requestOptions: http.RequestOptions = {
    agent,
    host: url.hostname,
    port: url.port,
    method: request.method,
    path: request.path,
    headers,
    setHost: false,
  };
  const run = (check = false) => send(requestOptions, body, check ? countBooks : undefined);
  return {
    worker: async () => ({ run }),
    close: async () => agent.destroy(),
  };
}

function send(options: http.RequestOptions, body: Buffer | undefined, countBooks?: CountBooks): Promise<BenchAnswer> {
  return new Promise((resolve, reject) => {
    const request = http.request(options, (response) => {
      const chunks: Buffer[] = [];
      let bytes = 0;
      response.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        if (countBooks) chunks.push(chunk);
      });
      response.on('error', reject);
      response.on('end', () => {
        if (response.statusCode !== 200) return reject(new Error(`HTTP ${response.statusCode}`));
        try {
          resolve(countBooks ? { bytes, books: countBooks(Buffer.concat(chunks)) } : { bytes });
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
    });
    if (countBooks) {
      request.setTimeout(checkTimeoutMs, () => request.destroy(new Error(`no answer within ${checkTimeoutMs} ms`)));
    }
    request.on('error', reject);
    request.end(body);
  });
}

/** For JSON answers: the list found at `path` (e.g. ['data', 'books']), which must be an array. */
export function countJsonList(...path: string[]): CountBooks {
  return (body) => {
    let value: unknown = JSON.parse(body.toString('utf8'));
    for (const key of path) value = (value as Record<string, unknown> | null)?.[key];
    if (!Array.isArray(value)) throw new Error(`the answer has no list of books at ${path.join('.') || 'its top'}`);
    return value.length;
  };
}
