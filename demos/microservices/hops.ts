/** Questions the steps ask of the hops they caused: which belong to one trace, how many, how many bytes. */
import { header, httpExchanges } from '../wire/http-facts.js';
import type { HttpExchange, WireItem } from '../wire/trace.js';
import { parseTraceparent } from './runtime/trace-context.js';

/** The exchanges of one client request and everything it caused: all carry its trace id. */
export function hopsOf(items: readonly WireItem[], traceId: string): HttpExchange[] {
  return httpExchanges(items).filter((e) => parseTraceparent(header(e.request, 'traceparent'))?.traceId === traceId);
}

/** Bytes on the wire both ways, heads included. */
export function bytesOf(exchanges: readonly HttpExchange[]): number {
  return exchanges.reduce(
    (sum, e) =>
      sum + e.request.headBytes + e.request.bodyBytes + (e.response ? e.response.headBytes + e.response.bodyBytes : 0),
    0,
  );
}

/** The exchanges that went into the system, not the client's own. */
export function inside(exchanges: readonly HttpExchange[]): HttpExchange[] {
  return exchanges.filter((e) => e.hop?.from !== 'client');
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
