/**
 * Reading and writing JSON over node:http inside a service. A request body is bounded
 * before it is parsed: a service must not be made to buffer whatever a caller sends.
 */
import type http from 'node:http';

export const maxBodyBytes = 16 * 1024;

export class BadRequest extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export async function readJson(request: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBodyBytes) throw new BadRequest(413, `body larger than ${maxBodyBytes} bytes`);
    chunks.push(chunk);
  }
  if (size === 0) return undefined;
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw new BadRequest(400, 'body is not JSON');
  }
}

export function sendJson(
  response: http.ServerResponse,
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
): void {
  const body = JSON.stringify(value);
  response.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': String(Buffer.byteLength(body)),
    ...headers,
  });
  response.end(body);
}

/** RFC 9457 problem details, the error shape every service answers with. */
export function sendProblem(response: http.ServerResponse, status: number, title: string): void {
  const body = JSON.stringify({ type: 'about:blank', title, status });
  response.writeHead(status, {
    'Content-Type': 'application/problem+json',
    'Content-Length': String(Buffer.byteLength(body)),
  });
  response.end(body);
}
