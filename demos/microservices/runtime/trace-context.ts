/**
 * W3C Trace Context (https://www.w3.org/TR/trace-context/): every hop passes on a
 * `traceparent` header, `00-<trace-id>-<parent-id>-<flags>`. The trace id stays the same
 * for the whole fan-out of one client request; each service puts its own span id in the
 * parent-id field of the calls it makes, so the hops can be joined into one tree.
 */
import { randomBytes } from 'node:crypto';

export interface TraceContext {
  traceId: string;
  /** The caller's span, from the incoming header; none when this service started the trace. */
  parentId?: string;
  /** This service's span for the request it is handling. */
  spanId: string;
}

// §3.2.2: lower-case hex, version 00, neither id all zeros; anything else is ignored and a new trace begins.
const pattern = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

export function parseTraceparent(value: string | undefined): { traceId: string; parentId: string } | undefined {
  const match = value === undefined ? null : pattern.exec(value.trim());
  if (!match) return undefined;
  const [, traceId, parentId] = match as unknown as [string, string, string];
  if (/^0+$/.test(traceId) || /^0+$/.test(parentId)) return undefined;
  return { traceId, parentId };
}

/** The context for handling one request: continues the caller's trace, or starts one. */
export function continueTrace(header: string | undefined): TraceContext {
  const incoming = parseTraceparent(header);
  const spanId = randomBytes(8).toString('hex');
  return incoming ? { ...incoming, spanId } : { traceId: randomBytes(16).toString('hex'), spanId };
}

/** The header for a call made while handling `context`: same trace, this span as the parent (flag 01: sampled). */
export function traceparentFor(context: TraceContext): string {
  return `00-${context.traceId}-${context.spanId}-01`;
}
