/**
 * What "round trip" means in every output of the tool, for every protocol the tap
 * decodes: a request that must wait for its answer before the next can go. One
 * answer closes one round trip:
 * - HTTP: the response to a request (an upgrade's 101 too);
 * - WebSocket: the pong to a ping (RFC 6455 §5.5.3), and the close frame that answers
 *   the other side's close frame (the close handshake, §5.5.1);
 * - AMQP 0-9-1: every synchronous method's "-Ok" from the broker (§2.3.4), including the
 *   connection set-up's waits: the protocol header is answered by Connection.Start,
 *   StartOk by Connection.Tune (or Secure), Open by OpenOk; and a Basic.Ack/Nack in
 *   confirm mode, the broker's answer to a publish.
 * Data frames, deliveries and the subprotocols' own messages (an echo, a graphql-ws
 * connection_ack) wait for no answer of the protocol: they are not counted.
 */
import type { WireItem } from '../wire/trace.js';

export function countRoundTrips(items: readonly WireItem[]): number {
  // Who sent the first close frame on a connection; the other side's close answers it.
  const closing = new Map<number, 'up' | 'down'>();
  let trips = 0;
  for (const item of items) {
    if (item.kind === 'ws-frame' && item.opcodeName === 'close') {
      const first = closing.get(item.connection);
      if (first === undefined) closing.set(item.connection, item.direction);
      else if (first !== item.direction) trips++;
      continue;
    }
    if (isAnswer(item)) trips++;
  }
  return trips;
}

function isAnswer(item: WireItem): boolean {
  if (item.kind === 'http') return true;
  if (item.kind === 'ws-frame') return item.opcodeName === 'pong';
  if (item.kind === 'amqp-frame') {
    return (
      item.direction === 'down' &&
      item.frameType === 'method' &&
      /Ok$|^Basic\.(Ack|Nack)$|^Connection\.(Start|Secure|Tune)$/.test(item.method ?? '')
    );
  }
  return false;
}
