/**
 * A published message as the broker keeps it: the content header payload exactly as the
 * publisher sent it (§4.2.6.1: class-id, weight, body-size, property-flags, properties)
 * and the body. Deliveries copy these bytes to the consumer without re-encoding; the
 * properties are decoded only when routing or dead-lettering needs them.
 */
import { amqplibCodec, type Fields } from './codec.js';

export interface Message {
  readonly exchange: string;
  readonly routingKey: string;
  /** Content header payload: class-id (2) weight (2) body-size (8) property-flags (2) property list. */
  readonly header: Buffer;
  readonly body: Buffer;
}

/** A message in one queue: the same Message may sit in several queues at once. */
export interface QueuedMessage {
  readonly message: Message;
  redelivered: boolean;
  /** ms since the epoch when the message dies in this queue (x-message-ttl, expiration); 0 = never. */
  expiresAt: number;
}

/** Property flags of basic.properties, highest bit first (amqp0-9-1.xml, class basic). */
const HEADERS_FLAG = 0x2000;
const EXPIRATION_FLAG = 0x0100;
const FLAGS_OFFSET = 12;

export function propertyFlags(message: Message): number {
  return message.header.length >= FLAGS_OFFSET + 2 ? message.header.readUInt16BE(FLAGS_OFFSET) : 0;
}

export function properties(message: Message): Fields {
  return amqplibCodec().defs.decode(60, message.header.subarray(FLAGS_OFFSET));
}

/** The header table, or an empty one; only headers exchanges and dead-lettering ask. */
export function messageHeaders(message: Message): Fields {
  if ((propertyFlags(message) & HEADERS_FLAG) === 0) return {};
  return (properties(message).headers as Fields | undefined) ?? {};
}

/**
 * The per-message TTL in ms from the expiration property, or undefined. RabbitMQ reads it
 * as a non-negative integer in a string; anything else is refused at publish time.
 */
export function messageExpiration(message: Message): number | undefined | 'invalid' {
  if ((propertyFlags(message) & EXPIRATION_FLAG) === 0) return undefined;
  const text = String(properties(message).expiration ?? '');
  return /^\d{1,15}$/.test(text) ? Number(text) : 'invalid';
}

/** A copy of `message` with new properties (dead-lettering adds x-death, drops expiration). */
export function withProperties(message: Message, fields: Fields, exchange: string, routingKey: string): Message {
  const frame = amqplibCodec().defs.encodeProperties(60, 0, message.body.length, fields);
  // encodeProperties returns a whole frame: 7 header bytes before the payload, frame-end after it.
  return { exchange, routingKey, header: Buffer.from(frame.subarray(7, frame.length - 1)), body: message.body };
}
