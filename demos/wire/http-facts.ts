/** Small questions facts ask of HTTP items, so steps read like sentences. */
import { itemsOfKind, type HttpExchange, type HttpMessage, type WireItem } from './trace.js';

export function httpExchanges(items: readonly WireItem[]): HttpExchange[] {
  return itemsOfKind(items, 'http');
}

/** The value of a header, matched case-insensitively (RFC 9110 §5.1). */
export function header(message: HttpMessage | undefined, name: string): string | undefined {
  const lower = name.toLowerCase();
  return message?.headers.find(([n]) => n.toLowerCase() === lower)?.[1];
}

/** Milliseconds the exchanges took together (the catalogue writes the number). */
export function totalMs(exchanges: readonly HttpExchange[]): number {
  return exchanges.reduce((sum, e) => sum + e.durationMs, 0);
}
