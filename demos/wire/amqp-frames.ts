/**
 * AMQP 0-9-1 frame decoder for the wire tap: bytes in, one plain-data item per frame out.
 *
 * Wire format (AMQP 0-9-1 §4.2.3, §2.3.5):
 *
 *   type (octet) | channel (short) | size (long) | payload (size octets) | frame-end 0xCE
 *
 * preceded, on the client side, by the 8-byte protocol header "AMQP\x00\x00\x09\x01"
 * (§4.2.2). Chunks may split frames at any byte; each direction has its own state.
 */
import type { ConnectionDecoder, Direction } from './decoder.js';
import { bodyText, decodeHeaderPayload, decodeMethodPayload } from './amqp-fields.js';

/** One AMQP frame (or the protocol header) as it crossed the socket. JSON-serialisable. */
export interface AmqpFrameItem {
  kind: 'amqp-frame';
  connection: number;
  /** ms since the tap started, when the frame's last byte arrived. */
  at: number;
  direction: Direction;
  /**
   * Frame type, §4.2.3: method = 1, header = 2 (content header), body = 3, heartbeat = 8.
   * 'unknown' only on error items whose bytes are not a frame at all.
   */
  frameType: 'protocol-header' | 'method' | 'header' | 'body' | 'heartbeat' | 'unknown';
  /** 0 for connection-level frames and heartbeats (§4.2.3, §4.2.7). */
  channel: number;
  /** Bytes on the wire: frame header + payload + frame-end (8 for the protocol header). */
  wireBytes: number;
  /** Method frames: "Class.Method" in amqplib's spelling of amqp0-9-1.xml, e.g. "Basic.Publish", "Connection.StartOk". */
  method?: string;
  /** Method arguments (§4.2.4), or protocol id and version for the protocol header. Secrets are redacted. */
  fields?: Record<string, unknown>;
  /** Content header properties (§4.2.6.1): contentType, deliveryMode, headers, replyTo, correlationId, ... */
  properties?: Record<string, unknown>;
  /** Header frames: size of the whole content body (§4.2.6.1). Body frames (§4.2.6.2): payload bytes in this frame. */
  bodySize?: number;
  /** Body frames: the payload as UTF-8 text, cut to `maxBodyBytes`. */
  body?: string;
  bodyTruncated?: boolean;
  /** Why this frame (or these bytes) could not be decoded. */
  error?: string;
  /**
   * Who talks on this connection, as named by the demo that opened it. Not on the wire:
   * it tells a sequence diagram which lane the frame belongs to.
   */
  party?: AmqpParty;
}

/** A client of the broker in a scenario. Producers are drawn left of the broker, consumers right. */
export interface AmqpParty {
  name: string;
  role: 'producer' | 'consumer';
}

export interface AmqpFrameDecoderOptions {
  /**
   * Largest frame buffered, in bytes. The size field allows 4 GiB; RabbitMQ's default
   * frame_max is 128 KiB. A larger frame is reported and its direction abandoned.
   */
  maxFrameBytes?: number;
  /** Body text kept per body frame, in bytes. */
  maxBodyBytes?: number;
}

const PROTOCOL_HEADER = Buffer.from('AMQP\x00\x00\x09\x01', 'latin1');
const FRAME_HEADER_BYTES = 7;
const FRAME_END = 0xce;
const FRAME_TYPES = { 1: 'method', 2: 'header', 3: 'body', 8: 'heartbeat' } as const;

type Base = Pick<AmqpFrameItem, 'kind' | 'connection' | 'at' | 'direction'>;

export function createAmqpFrameDecoder(
  connection: number,
  emit: (item: AmqpFrameItem) => void,
  options: AmqpFrameDecoderOptions = {},
): ConnectionDecoder {
  const maxFrameBytes = options.maxFrameBytes ?? 1024 * 1024;
  const maxBodyBytes = options.maxBodyBytes ?? 4096;
  const streams = { up: directionDecoder('up'), down: directionDecoder('down') };

  function directionDecoder(direction: Direction) {
    let chunks: Buffer[] = [];
    let queued = 0;
    /** Bytes needed before the next step can run; avoids re-concatenating a growing frame. */
    let need = 1;
    let started = false;
    let stopped = false;

    /** Reports bytes that cannot be framed and abandons this direction: no later boundary can be trusted. */
    function fail(
      at: number,
      wireBytes: number,
      error: string,
      frameType: AmqpFrameItem['frameType'] = 'unknown',
      channel = 0,
    ): -1 {
      emit({ kind: 'amqp-frame', connection, at, direction, frameType, channel, wireBytes, error });
      chunks = [];
      queued = 0;
      stopped = true;
      return -1;
    }

    /** Decodes what it can from `buf` at `off`; returns the new offset, or -1 after a fatal error. */
    function step(buf: Buffer, off: number, at: number): number {
      const base: Base = { kind: 'amqp-frame', connection, at, direction };
      const available = buf.length - off;
      if (!started) {
        // §4.2.2: the client opens with the protocol header; a server answers with its own
        // header only to reject our version, so "down" may start with either.
        if (direction === 'down' && buf[off] !== PROTOCOL_HEADER[0]) {
          started = true;
          return step(buf, off, at);
        }
        const prefix = Math.min(available, 4);
        if (!buf.subarray(off, off + prefix).equals(PROTOCOL_HEADER.subarray(0, prefix))) {
          return fail(at, available, 'expected the protocol header "AMQP\\x00\\x00\\x09\\x01"');
        }
        if (available < 8) return ((need = 8), off);
        const [protocolId, major, minor, revision] = buf.subarray(off + 4, off + 8);
        emit({
          ...base,
          frameType: 'protocol-header',
          channel: 0,
          wireBytes: 8,
          fields: { protocol: 'AMQP', protocolId, major, minor, revision },
        });
        started = true;
        return off + 8;
      }
      if (available < FRAME_HEADER_BYTES) return ((need = FRAME_HEADER_BYTES), off);
      const type = buf.readUInt8(off);
      const channel = buf.readUInt16BE(off + 1);
      const size = buf.readUInt32BE(off + 3);
      const frameType = FRAME_TYPES[type as keyof typeof FRAME_TYPES];
      if (!frameType) return fail(at, available, `unknown frame type ${type} (not 1, 2, 3 or 8)`, 'unknown', channel);
      const wireBytes = FRAME_HEADER_BYTES + size + 1;
      if (wireBytes > maxFrameBytes) {
        return fail(
          at,
          available,
          `frame claims ${size} payload bytes, more than the ${maxFrameBytes} this tap buffers`,
          frameType,
          channel,
        );
      }
      if (available < wireBytes) return ((need = wireBytes), off);
      if (buf[off + wireBytes - 1] !== FRAME_END) {
        return fail(
          at,
          available,
          `frame-end is 0x${buf[off + wireBytes - 1]?.toString(16)}, not 0xce`,
          frameType,
          channel,
        );
      }
      const payload = buf.subarray(off + FRAME_HEADER_BYTES, off + wireBytes - 1);
      emit({ ...base, frameType, channel, wireBytes, ...decodePayload(frameType, payload) });
      return off + wireBytes;
    }

    function decodePayload(
      frameType: (typeof FRAME_TYPES)[keyof typeof FRAME_TYPES],
      payload: Buffer,
    ): Partial<AmqpFrameItem> {
      switch (frameType) {
        case 'method':
          return decodeMethodPayload(payload);
        case 'header':
          return decodeHeaderPayload(payload);
        case 'body': {
          const { text, truncated } = bodyText(payload, maxBodyBytes);
          return { bodySize: payload.length, body: text, ...(truncated ? { bodyTruncated: true } : {}) };
        }
        case 'heartbeat':
          // §4.2.7: heartbeats are channel 0 with an empty payload.
          return payload.length > 0 ? { error: `heartbeat with ${payload.length} payload bytes` } : {};
      }
    }

    return {
      push(chunk: Buffer, at: number): void {
        if (stopped || chunk.length === 0) return;
        chunks.push(chunk);
        queued += chunk.length;
        if (queued < need) return;
        const buf = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, queued);
        let off = 0;
        need = 1;
        while (off < buf.length) {
          const next = step(buf, off, at);
          if (next < 0) return;
          if (next === off) break; // incomplete: `need` says how many bytes to wait for
          off = next;
        }
        // Copy the partial frame so the tap's (possibly large) chunk is not kept alive.
        const rest = off < buf.length ? Buffer.from(buf.subarray(off)) : undefined;
        chunks = rest ? [rest] : [];
        queued = rest?.length ?? 0;
      },
      end(at: number): void {
        if (!stopped && queued > 0) fail(at, queued, `connection closed with ${queued} bytes of an incomplete frame`);
        stopped = true;
      },
    };
  }

  return {
    push: (direction, chunk, at) => streams[direction].push(chunk, at),
    end: (at) => {
      streams.up.end(at);
      streams.down.end(at);
    },
  };
}
