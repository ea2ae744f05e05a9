/**
 * The demos' HTTP client: node:http with one keep-alive socket, so the trace shows
 * exactly the headers the demo chose (no hidden defaults) and how a connection is
 * reused from one request to the next.
 */
import http from 'node:http';

export interface HttpCall {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  /** A string is sent as is; anything else as JSON. */
  body?: unknown;
}

export interface HttpReply {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  /** The body parsed as JSON, when it is JSON. */
  json: unknown;
}

export interface HttpClient {
  send(call: HttpCall): Promise<HttpReply>;
  close(): void;
}

/** `limits` bound every reply, for a client of a server that is not the demo's own. */
export function createHttpClient(baseUrl: string, userAgent = 'awt-demo', limits: ReplyLimits = {}): HttpClient {
  // Nagle's algorithm off, as curl and browsers have it: a request that leaves in two
  // writes (head, then body) would otherwise wait for the server's delayed ACK.
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1, noDelay: true });
  const base = new URL(baseUrl);
  return {
    send: async ({ method = 'GET', path, headers = {}, body }) => {
      const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
      return sendRequest(
        {
          agent,
          target: base,
          method,
          path,
          headers: {
            'User-Agent': userAgent,
            ...(payload !== undefined && typeof body !== 'string' ? { 'Content-Type': 'application/json' } : {}),
            ...headers,
            ...(payload !== undefined ? { 'Content-Length': String(Buffer.byteLength(payload)) } : {}),
          },
          payload,
        },
        limits,
      );
    },
    close: () => agent.destroy(),
  };
}

/** One request as it goes out: the headers are sent as given, in their order. */
export interface RawRequest {
  agent: http.Agent;
  /** Only its host and port are used. */
  target: URL;
  method: string;
  path: string;
  headers: Record<string, string>;
  payload?: string;
}

/** Bounds a caller may set on one reply; without them a reply may take as long and be as large as it is. */
export interface ReplyLimits {
  maxBytes?: number;
  timeoutMs?: number;
}

/** A reply that went over a bound of `ReplyLimits`; the request is destroyed. */
export class ReplyOverLimit extends Error {
  constructor(
    readonly limit: 'timeout' | 'too-large',
    readonly detail: string,
  ) {
    super(`${limit} (${detail})`);
  }
}

/** The answer was 101 Switching Protocols, to a request that asked for no upgrade. */
export class SwitchedProtocols extends Error {
  constructor() {
    super('101 Switching Protocols');
  }
}

/**
 * Sends one request and reads the whole reply. Fails with `ReplyOverLimit` when a bound
 * is crossed, otherwise with node's own error (refused, reset).
 */
export function sendRequest(
  { agent, target, method, path, headers, payload }: RawRequest,
  { maxBytes, timeoutMs }: ReplyLimits = {},
): Promise<HttpReply> {
  return new Promise<HttpReply>((resolve, reject) => {
    const request = http.request(
      { agent, host: target.hostname, port: target.port, method, path, headers },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (maxBytes !== undefined && size > maxBytes) {
            request.destroy(new ReplyOverLimit('too-large', `${size} B`));
            return;
          }
          chunks.push(chunk);
        });
        response.on('error', (error) => fail(error));
        response.on('end', () => {
          clearTimeout(timer);
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: response.statusCode ?? 0, headers: response.headers, text, json: parseJson(text) });
        });
      },
    );
    const fail = (error: Error) => {
      clearTimeout(timer);
      reject(error);
    };
    const timer =
      timeoutMs === undefined
        ? undefined
        : setTimeout(() => request.destroy(new ReplyOverLimit('timeout', `${timeoutMs} ms`)), timeoutMs);
    request.on('error', fail);
    // A server that switches protocols when asked a plain question has given no answer: node
    // would leave the request waiting. The socket is closed and the caller told.
    request.on('upgrade', (_response, socket) => {
      socket.destroy();
      fail(new SwitchedProtocols());
    });
    request.end(payload);
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
