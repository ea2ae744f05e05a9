/**
 * The contract between the wire tap and the protocol decoders.
 *
 * The tap sees two byte streams per TCP connection: "up" (client → server) and
 * "down" (server → client). It hands every chunk, exactly as it crossed the socket,
 * to one ConnectionDecoder per connection. Decoders turn bytes into plain-data wire
 * items (an HTTP exchange, a WebSocket frame, an AMQP frame) and emit them as soon as
 * they are complete, so a live view (`--serve`) can show them at once.
 */
import type { WireItem } from './trace.js';

/** "up" = client → server, "down" = server → client. */
export type Direction = 'up' | 'down';

export interface ConnectionDecoder {
  /** One chunk as it crossed the socket; `at` is ms since the tap started. */
  push(direction: Direction, chunk: Buffer, at: number): void;
  /** The connection closed (either side). Flush anything still pending. */
  end(at: number): void;
}

export type WireSink = (item: WireItem) => void;

/** Builds the decoder for one new connection, numbered from 1 per tap. */
export type DecoderFactory = (connection: number, emit: WireSink) => ConnectionDecoder;
