/**
 * Outgoing frames of one connection, gathered in a slab and written once per tick.
 *
 * A consumer fed 20 000 messages would otherwise see 60 000 socket writes (method,
 * header and body frame each). Frames are appended to a shared slab and handed to the
 * socket as one buffer when the current tick ends; the written part of the slab is never
 * touched again, so nothing is copied twice and no buffer is allocated per frame.
 * Frame layout: AMQP 0-9-1 §4.2.3; deliveries: §4.2.6 (method, header, body frames).
 */
import { amqplibCodec, M, type Fields } from './codec.js';
import type { Message } from './message.js';

const SLAB_BYTES = 64 * 1024;
const FRAME_END = 0xce;

export class FrameWriter {
  private slab = Buffer.allocUnsafe(SLAB_BYTES);
  private start = 0;
  private pos = 0;
  /** Bytes written since the last heartbeat check, to know whether a heartbeat is due. */
  sent = 0;

  constructor(
    private readonly write: (bytes: Buffer) => void,
    private readonly schedule: () => void,
  ) {}

  get pending(): number {
    return this.pos - this.start;
  }

  raw(bytes: Buffer): void {
    this.room(bytes.length);
    bytes.copy(this.slab, this.pos);
    this.pos += bytes.length;
  }

  method(channel: number, id: number, fields: Fields): void {
    this.raw(amqplibCodec().defs.encodeMethod(id, channel, fields));
  }

  heartbeat(): void {
    this.room(8);
    const s = this.slab;
    let p = this.pos;
    s[p++] = 8;
    s.writeUInt16BE(0, p);
    s.writeUInt32BE(0, p + 2);
    s[p + 6] = FRAME_END;
    this.pos = p + 7;
  }

  /** Basic.Deliver (§1.8.3.9 of amqp0-9-1.xml) and its content, encoded in place. */
  deliver(
    channel: number,
    consumerTag: string,
    deliveryTag: number,
    redelivered: boolean,
    message: Message,
    frameMax: number,
  ): void {
    const tagLen = Buffer.byteLength(consumerTag);
    const exLen = Buffer.byteLength(message.exchange);
    const keyLen = Buffer.byteLength(message.routingKey);
    // class+method (4), consumer-tag, delivery-tag (8), redelivered (1), exchange, routing-key
    const size = 4 + 1 + tagLen + 8 + 1 + 1 + exLen + 1 + keyLen;
    this.room(size + 8);
    const s = this.slab;
    let p = this.frameStart(1, channel, size);
    p = s.writeUInt32BE(M.BasicDeliver, p);
    p = this.shortstr(p, consumerTag, tagLen);
    p = s.writeBigUInt64BE(BigInt(deliveryTag), p);
    s[p++] = redelivered ? 1 : 0;
    p = this.shortstr(p, message.exchange, exLen);
    p = this.shortstr(p, message.routingKey, keyLen);
    s[p++] = FRAME_END;
    this.pos = p;
    this.content(channel, message, frameMax);
  }

  /** A method frame (GetOk, Return) followed by the message's content. */
  methodWithContent(channel: number, id: number, fields: Fields, message: Message, frameMax: number): void {
    this.method(channel, id, fields);
    this.content(channel, message, frameMax);
  }

  /** Content header then body frames, each body frame at most frame-max bytes (§4.2.6.2). */
  private content(channel: number, message: Message, frameMax: number): void {
    const header = message.header;
    this.room(header.length + 8);
    let p = this.frameStart(2, channel, header.length);
    p += header.copy(this.slab, p);
    this.slab[p++] = FRAME_END;
    this.pos = p;
    const body = message.body;
    const chunk = frameMax > 0 ? frameMax - 8 : body.length;
    for (let off = 0; off < body.length; off += chunk) {
      const n = Math.min(chunk, body.length - off);
      this.room(n + 8);
      let q = this.frameStart(3, channel, n);
      q += body.copy(this.slab, q, off, off + n);
      this.slab[q++] = FRAME_END;
      this.pos = q;
    }
  }

  /** Hands everything gathered to the socket as one buffer. */
  flush(): void {
    if (this.pos === this.start) return;
    const out = this.slab.subarray(this.start, this.pos);
    this.sent += out.length;
    this.start = this.pos;
    this.write(out);
  }

  private frameStart(type: number, channel: number, size: number): number {
    const s = this.slab;
    const p = this.pos;
    s[p] = type;
    s.writeUInt16BE(channel, p + 1);
    s.writeUInt32BE(size, p + 3);
    return p + 7;
  }

  private shortstr(p: number, text: string, len: number): number {
    this.slab[p++] = len;
    return p + this.slab.write(text, p, len, 'utf8');
  }

  /** Makes room for `bytes` more; a full slab is flushed and replaced, never overwritten. */
  private room(bytes: number): void {
    this.schedule();
    if (this.pos + bytes <= this.slab.length) return;
    this.flush();
    this.slab = Buffer.allocUnsafe(Math.max(SLAB_BYTES, bytes));
    this.start = 0;
    this.pos = 0;
  }
}
