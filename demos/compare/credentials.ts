/**
 * Credentials in the requests of a use case, measured on the wire so that a paradigm
 * that authenticates is not silently compared with one that does not: a SOAP header's
 * wsse:Security element (WS-Security), an HTTP Authorization header line.
 */
import type { WireItem } from '../wire/trace.js';
import type { Credentials } from './types.js';

const wsSecurity = /<([\w-]+:)?Security\b[^>]*>[\s\S]*?<\/\1Security>/;

export function credentialsOf(items: readonly WireItem[]): Credentials | undefined {
  let security = 0;
  let authorization = 0;
  for (const item of items) {
    if (item.kind !== 'http') continue;
    const element = wsSecurity.exec(item.request.body);
    if (element) security += Buffer.byteLength(element[0]);
    for (const [name, value] of item.request.headers) {
      // The header line as sent: name, ": ", value, CRLF.
      if (name.toLowerCase() === 'authorization') authorization += Buffer.byteLength(`${name}: ${value}\r\n`);
    }
  }
  if (security > 0) return { kind: 'ws-security', bytes: security };
  if (authorization > 0) return { kind: 'authorization', bytes: authorization };
  return undefined;
}
