/**
 * Splits what crossed the wire into payload (the application's data) and overhead
 * (what the protocol adds around it), one rule per kind of wire item, so the split
 * means the same for every paradigm.
 */
import type { HttpMessage, WireItem } from '../wire/trace.js';

export interface PayloadBytes {
  up: number;
  down: number;
}

export function payloadOf(items: readonly WireItem[]): PayloadBytes {
  const sum = { up: 0, down: 0 };
  for (const item of items) {
    const part = itemPayload(item);
    sum.up += part.up;
    sum.down += part.down;
  }
  return sum;
}

function itemPayload(item: WireItem): PayloadBytes {
  switch (item.kind) {
    case 'http':
      return { up: messagePayload(item.request), down: item.response ? messagePayload(item.response) : 0 };
    case 'ws-frame': {
      const bytes = item.payloadLength;
      return item.direction === 'up' ? { up: bytes, down: 0 } : { up: 0, down: bytes };
    }
    case 'amqp-frame': {
      const bytes = item.frameType === 'body' ? (item.bodySize ?? 0) : 0;
      return item.direction === 'up' ? { up: bytes, down: 0 } : { up: 0, down: bytes };
    }
    default:
      return { up: 0, down: 0 };
  }
}

/**
 * The body's content; for a SOAP envelope only what is inside <Body>, since the
 * envelope is SOAP's framing just as the head is HTTP's (SOAP 1.1 §4).
 */
function messagePayload(message: HttpMessage): number {
  const envelope = /<(?:[\w-]+:)?Body\b[^>]*>([\s\S]*)<\/(?:[\w-]+:)?Body>/.exec(message.body);
  return envelope && /Envelope/.test(message.body) ? Buffer.byteLength(envelope[1]!) : message.contentBytes;
}
