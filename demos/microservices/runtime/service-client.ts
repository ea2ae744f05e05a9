/**
 * How a service calls another: node:http with keep-alive, its own name as User-Agent
 * (the trace draws the caller's lane from it), the trace context passed on in
 * `traceparent`, and a deadline on every call, so a dead or hanging service costs the
 * caller a bounded wait and never a hang.
 */
import http from 'node:http';
import { ReplyOverLimit, sendRequest, type HttpReply } from '../../wire/http-client.js';
import { traceparentFor, type TraceContext } from './trace-context.js';

/** A reply larger than this is cut off: a service never buffers without bound. */
const maxReplyBytes = 1024 * 1024;

export interface CallOptions {
  method?: string;
  body?: unknown;
  trace?: TraceContext;
  timeoutMs?: number;
  headers?: Record<string, string>;
}

export type CallReply = HttpReply;

/** A call that failed before an answer came: refused, reset, or over its deadline. */
export class CallFailed extends Error {
  constructor(
    readonly url: string,
    readonly reason: 'timeout' | 'unreachable' | 'too-large',
    detail: string,
  ) {
    super(`${url}: ${reason} (${detail})`);
  }
}

export interface ServiceClient {
  call(url: string, options?: CallOptions): Promise<CallReply>;
  close(): void;
}

/**
 * 3 s unless a call says otherwise: a busy machine must not turn a slow registry into a
 * failed page, and a dead service is refused at once anyway (its tap is closed).
 */
export function createServiceClient(userAgent: string, defaultTimeoutMs = 3000): ServiceClient {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
  return {
    call(url, { method = 'GET', body, trace, timeoutMs = defaultTimeoutMs, headers = {} } = {}) {
      const target = new URL(url);
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const request = {
        agent,
        target,
        method,
        path: target.pathname + target.search,
        headers: {
          'User-Agent': userAgent,
          ...(trace ? { traceparent: traceparentFor(trace) } : {}),
          ...(payload !== undefined
            ? { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(payload)) }
            : {}),
          ...headers,
        },
        payload,
      };
      return sendRequest(request, { maxBytes: maxReplyBytes, timeoutMs }).catch((error: Error) => {
        throw error instanceof ReplyOverLimit
          ? new CallFailed(url, error.limit, error.detail)
          : new CallFailed(url, 'unreachable', error.message);
      });
    },
    close: () => agent.destroy(),
  };
}
