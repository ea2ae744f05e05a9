/**
 * WebSocket framing (RFC 6455 §5) decoded from the raw bytes after the HTTP/1.1
 * 101 Switching Protocols exchange. Each direction is its own frame stream (§5.1),
 * so each keeps its own state. Whatever a peer gets wrong becomes a violation code on
 * the frame instead of an exception: a teaching tool has to show broken traffic.
 */
import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { TextDecoder } from 'node:util';
import type { ConnectionDecoder, Direction } from './decoder.js';
import type { UndecodedBytes } from './trace.js';

/** RFC 6455 §4.2.2: the GUID the server appends to Sec-WebSocket-Key. */
export const HANDSHAKE_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

/**
 * Sec-WebSocket-Accept for a Sec-WebSocket-Key (RFC 6455 §4.2.2 step 5.4, example in
 * §1.3): base64(SHA-1(key + GUID)). Pass the header value as parsed (no spaces).
 */
export function websocketAccept(key: string): string {
  return createHash('sha1')
    .update(key + HANDSHAKE_GUID)
    .digest('base64');
}

/** Stable violation codes; renderers and lessons key their text on them. */
export const WEBSOCKET_VIOLATIONS = [
  'unmasked-client-frame', // §5.1: a client MUST mask every frame it sends
  'masked-server-frame', // §5.1: a server MUST NOT mask
  'reserved-bits-set', // §5.2: RSV1-3 MUST be 0 unless a negotiated extension uses them
  'reserved-opcode', // §5.2: 0x3-0x7 and 0xB-0xF are reserved
  'non-minimal-length', // §5.2: the minimal number of bytes MUST be used for the length
  'length-high-bit-set', // §5.2: the most significant bit of a 64-bit length MUST be 0
  'fragmented-control-frame', // §5.5: control frames MUST NOT be fragmented
  'control-frame-too-long', // §5.5: control frame payloads are at most 125 bytes
  'unexpected-continuation', // §5.4: a continuation frame with no message open
  'expected-continuation', // §5.4: a new data frame while a fragmented message is open
  'invalid-utf8', // §5.6, §8.1: text messages and close reasons are UTF-8
  'invalid-close-payload', // §5.5.1: a close body is empty or starts with a 2-byte code
  'invalid-close-code', // §7.4: codes that must not appear on the wire
  'data-after-close', // §5.5.1: no data frames after sending Close
  'frame-too-large', // decoder limit (maxPayloadBytes); that direction is not decoded further
] as const;

export type WebSocketViolation = (typeof WEBSOCKET_VIOLATIONS)[number];

export type WebSocketOpcodeName = 'continuation' | 'text' | 'binary' | 'close' | 'ping' | 'pong' | 'reserved';

/** One WebSocket frame as it crossed the socket (RFC 6455 §5.2 base framing). */
export interface WebSocketFrameItem {
  kind: 'ws-frame';
  connection: number;
  /** ms since the tap started, when the frame's first byte arrived. */
  at: number;
  direction: Direction;
  /** FIN: last frame of its message (§5.2, §5.4). */
  fin: boolean;
  /** RSV1, RSV2, RSV3; only extensions such as permessage-deflate (RFC 7692) set them. */
  rsv: [boolean, boolean, boolean];
  /** 4-bit opcode (§5.2, §11.8). */
  opcode: number;
  opcodeName: WebSocketOpcodeName;
  /** MASK bit (§5.2); clients mask, servers do not (§5.1). */
  masked: boolean;
  /** The 32-bit masking key as 8 hex digits (§5.3), when masked. */
  maskingKey?: string;
  /** Bits used for the payload length: 7, 7+16 or 7+64 (§5.2). */
  lengthEncoding: 7 | 16 | 64;
  /** Payload length as announced in the header (exact up to 2^53). */
  payloadLength: number;
  /** 2 + extended length + masking key. */
  headerBytes: number;
  /** headerBytes + payloadLength: the frame's full size on the wire. */
  wireBytes: number;
  /**
   * The unmasked payload as text: this frame's share of a text message (§5.6; a character split
   * across fragments shows in the frame that completes it), or ping/pong data that is UTF-8.
   */
  payloadText?: string;
  /** The unmasked payload, base64, whenever it is not shown as text or close fields. */
  payloadBase64?: string;
  /** Close status code (§5.5.1, §7.4); absent for an empty close body (1005). */
  closeCode?: number;
  /** Close reason, UTF-8 (§5.5.1). */
  closeReason?: string;
  violations: WebSocketViolation[];
}

/** A decoder emits frames, and bytes it could not decode (shown rather than dropped). */
export type WebSocketWireItem = WebSocketFrameItem | UndecodedBytes;

export interface WebSocketFrameDecoderOptions {
  /** Largest payload buffered for one frame (default 16 MiB); see 'frame-too-large'. */
  maxPayloadBytes?: number;
}

/** Decoding state of one direction; each direction is its own frame stream (§5.1). */
class Stream {
  readonly head = Buffer.alloc(14); // 2 + 8-byte length + 4-byte masking key (§5.2)
  headLength = 0;
  /** The frame whose header is complete and whose payload is arriving. */
  frame: WebSocketFrameItem | undefined;
  frameAt = 0;
  /** Sized from the header once it passed the maxPayloadBytes check. */
  payload = Buffer.alloc(0);
  received = 0;
  /** The fragmented data message in progress (§5.4); `utf8` only while it is valid text. */
  message: { utf8: TextDecoder | undefined } | undefined;
  closeSeen = false;
  /** Bytes passed over since a frame-too-large (reported at end()); undefined while decoding. */
  skipped: number | undefined;
}

// §5.2, §11.8: opcodes 0x0-0x2 carry data, 0x8-0xA control the connection, the rest are reserved.
const DATA_OPCODES = ['continuation', 'text', 'binary'] as const;
const CONTROL_OPCODES = ['close', 'ping', 'pong'] as const;

function headerSize(head: Buffer, length: number): number {
  if (length < 2) return 2;
  const second = head.readUInt8(1);
  const len7 = second & 0x7f;
  return 2 + (len7 === 126 ? 2 : len7 === 127 ? 8 : 0) + (second & 0x80 ? 4 : 0);
}

/** Reads a complete header (§5.2) and flags everything the header alone can be blamed for. */
function readHeader(head: Buffer, connection: number, direction: Direction, at: number): WebSocketFrameItem {
  const first = head.readUInt8(0);
  const second = head.readUInt8(1);
  const violations: WebSocketViolation[] = [];
  let payloadLength = second & 0x7f;
  let lengthEncoding: 7 | 16 | 64 = 7;
  if (payloadLength === 126) {
    lengthEncoding = 16;
    payloadLength = head.readUInt16BE(2);
    if (payloadLength < 126) violations.push('non-minimal-length');
  } else if (payloadLength === 127) {
    lengthEncoding = 64;
    const big = head.readBigUInt64BE(2);
    payloadLength = Number(big);
    if (big >> 63n) violations.push('length-high-bit-set');
    if (big < 0x10000n) violations.push('non-minimal-length');
  }
  const keyAt = lengthEncoding === 7 ? 2 : lengthEncoding === 16 ? 4 : 10;
  const key = second & 0x80 ? Buffer.from(head.subarray(keyAt, keyAt + 4)) : undefined;
  const fin = (first & 0x80) !== 0;
  const rsv: [boolean, boolean, boolean] = [(first & 0x40) !== 0, (first & 0x20) !== 0, (first & 0x10) !== 0];
  const opcode = first & 0x0f;
  const opcodeName = DATA_OPCODES[opcode] ?? CONTROL_OPCODES[opcode - 8] ?? 'reserved';
  if (direction === 'up' && !key) violations.push('unmasked-client-frame');
  if (direction === 'down' && key) violations.push('masked-server-frame');
  if (rsv.some(Boolean)) violations.push('reserved-bits-set');
  if (opcodeName === 'reserved') violations.push('reserved-opcode');
  if (opcode >= 8 && !fin) violations.push('fragmented-control-frame');
  if (opcode >= 8 && payloadLength > 125) violations.push('control-frame-too-long');
  const headerBytes = keyAt + (key ? 4 : 0);
  const item: WebSocketFrameItem = {
    kind: 'ws-frame',
    connection,
    at,
    direction,
    fin,
    rsv,
    opcode,
    opcodeName,
    masked: key !== undefined,
    lengthEncoding,
    payloadLength,
    headerBytes,
    wireBytes: headerBytes + payloadLength,
    violations,
  };
  if (key) item.maskingKey = key.toString('hex');
  return item;
}

/** §7.4.1 and the IANA registry (§11.7): 1004-1006 and 1015 never go on the wire. */
function isSendableCloseCode(code: number): boolean {
  if (code >= 3000 && code <= 4999) return true; // libraries and applications (§7.4.2)
  return code >= 1000 && code <= 1014 && code !== 1004 && code !== 1005 && code !== 1006;
}

/** Fills in payload fields and the violations that need the payload or earlier frames. */
function describePayload(item: WebSocketFrameItem, stream: Stream, payload: Buffer): void {
  const { opcode, fin, violations } = item;
  if (opcode <= 2 && stream.closeSeen) violations.push('data-after-close');
  if (opcode === 0 || opcode === 1 || opcode === 2) {
    let message = stream.message;
    if (opcode === 0 && !message) violations.push('unexpected-continuation');
    if (opcode !== 0) {
      if (message) violations.push('expected-continuation');
      // A compressed (RSV1) message is not UTF-8 on the wire; treat it as opaque.
      const text = opcode === 1 && !item.rsv.some(Boolean);
      message = { utf8: text ? new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }) : undefined };
    }
    if (message?.utf8) {
      try {
        // stream: true carries a split character over to the next fragment (§5.6 is per message).
        item.payloadText = message.utf8.decode(payload, { stream: !fin });
      } catch {
        message.utf8 = undefined;
        violations.push('invalid-utf8');
      }
    }
    stream.message = fin || !message ? undefined : message;
  } else if (opcode === 8) {
    stream.closeSeen = true;
    if (payload.length === 1) violations.push('invalid-close-payload');
    if (payload.length >= 2) {
      item.closeCode = payload.readUInt16BE(0);
      if (!isSendableCloseCode(item.closeCode)) violations.push('invalid-close-code');
      const reason = payload.subarray(2);
      if (isUtf8(reason)) item.closeReason = reason.toString('utf8');
      else violations.push('invalid-utf8');
    }
    if (payload.length === 0 || item.closeReason !== undefined) return;
  } else if ((opcode === 9 || opcode === 10) && isUtf8(payload)) {
    item.payloadText = payload.toString('utf8');
  }
  if (item.payloadText === undefined) item.payloadBase64 = payload.toString('base64');
}

/** §5.3: octet i of the payload is XORed with octet i mod 4 of the masking key. */
function unmask(payload: Buffer, maskingKey: string): void {
  const key = Buffer.from(maskingKey, 'hex');
  for (let i = 0; i < payload.length; i++) payload[i] = payload[i]! ^ key[i & 3]!;
}

/**
 * An incremental frame decoder for one connection. Chunks may split frames at any byte
 * or carry several frames; memory is bounded by one frame's payload per direction.
 */
export function createWebSocketFrameDecoder(
  connection: number,
  emit: (item: WebSocketWireItem) => void,
  options: WebSocketFrameDecoderOptions = {},
): ConnectionDecoder {
  const maxPayloadBytes = options.maxPayloadBytes ?? 16 * 1024 * 1024;
  const streams: Record<Direction, Stream> = { up: new Stream(), down: new Stream() };
  let ended = false;

  function push(direction: Direction, chunk: Buffer, at: number): void {
    const stream = streams[direction];
    if (ended || !stream) return; // `!stream`: a bad direction from an untyped caller
    let offset = 0;
    while (offset < chunk.length) {
      if (stream.skipped !== undefined) {
        stream.skipped += chunk.length - offset;
        return;
      }
      let frame = stream.frame;
      if (!frame) {
        if (stream.headLength === 0) stream.frameAt = at;
        const take = Math.min(headerSize(stream.head, stream.headLength) - stream.headLength, chunk.length - offset);
        chunk.copy(stream.head, stream.headLength, offset, offset + take);
        stream.headLength += take;
        offset += take;
        if (stream.headLength < headerSize(stream.head, stream.headLength)) continue;
        frame = stream.frame = readHeader(stream.head, connection, direction, stream.frameAt);
        stream.headLength = 0;
        if (frame.payloadLength > maxPayloadBytes) {
          // Never allocate what a header merely announces: 2^62 bytes is one header away.
          frame.violations.push('frame-too-large');
          emit(frame);
          stream.skipped = 0;
          continue;
        }
        stream.payload = Buffer.alloc(frame.payloadLength);
      }
      // Copied, not referenced: the caller may reuse its chunk buffer once push returns.
      const take = chunk.copy(stream.payload, stream.received, offset, offset + frame.payloadLength - stream.received);
      stream.received += take;
      offset += take;
      if (stream.received < frame.payloadLength) continue;
      const payload = stream.payload;
      stream.payload = Buffer.alloc(0);
      stream.frame = undefined;
      stream.received = 0;
      if (frame.maskingKey) unmask(payload, frame.maskingKey);
      describePayload(frame, stream, payload);
      emit(frame);
    }
  }

  function end(): void {
    if (ended) return;
    ended = true;
    for (const direction of ['up', 'down'] as const) {
      const { skipped, frame, frameAt: at, received, headLength } = streams[direction];
      const pending = frame ? frame.headerBytes + received : headLength;
      const [bytes, reason] = skipped === undefined ? [pending, 'ws-truncated-frame'] : [skipped, 'ws-frame-too-large'];
      if (bytes > 0) emit({ kind: 'undecoded', connection, at, direction, bytes, reason });
    }
  }

  return { push, end };
}
