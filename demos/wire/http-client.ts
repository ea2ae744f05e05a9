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

export function createHttpClient(baseUrl: string, userAgent = 'awt-demo'): HttpClient {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const base = new URL(baseUrl);
  return {
    send: ({ method = 'GET', path, headers = {}, body }) =>
      new Promise<HttpReply>((resolve, reject) => {
        const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
        const request = http.request(
          {
            agent,
            host: base.hostname,
            port: base.port,
            method,
            path,
            headers: {
              'User-Agent': userAgent,
              ...(payload !== undefined && typeof body !== 'string' ? { 'Content-Type': 'application/json' } : {}),
              ...headers,
              ...(payload !== undefined ? { 'Content-Length': String(Buffer.byteLength(payload)) } : {}),
            },
          },
          (response) => {
            const chunks: Buffer[] = [];
            response.on('data', (chunk: Buffer) => chunks.push(chunk));
            response.on('error', reject);
            response.on('end', () => {
              const text = Buffer.concat(chunks).toString('utf8');
              resolve({ status: response.statusCode ?? 0, headers: response.headers, text, json: parseJson(text) });
            });
          },
        );
        request.on('error', reject);
        request.end(payload);
      }),
    close: () => agent.destroy(),
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
