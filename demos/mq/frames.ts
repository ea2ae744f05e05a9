/**
 * Questions the facts ask of a step's AMQP frames, so every number a step reports was
 * measured on the wire rather than taken from what the client believes it did.
 */
import type { AmqpFrameItem } from '../wire/amqp-frames.js';
import { itemsOfKind, type WireItem } from '../wire/trace.js';

/** A method frame with the content that followed it on its channel (§4.2.6), body as text. */
export interface WireMessage {
  method: AmqpFrameItem;
  party: string;
  fields: Record<string, unknown>;
  properties: Record<string, unknown>;
  body: string;
}

export function amqpFrames(items: readonly WireItem[]): AmqpFrameItem[] {
  return itemsOfKind(items, 'amqp-frame');
}

export const partyOf = (item: AmqpFrameItem) => item.party?.name ?? `#${item.connection}`;

/** Method frames named `method`, optionally only those of one party. */
export function methods(frames: readonly AmqpFrameItem[], method: string, party?: string): AmqpFrameItem[] {
  return frames.filter((f) => f.method === method && (party === undefined || partyOf(f) === party));
}

/** Messages carried by `method` (Basic.Publish, Basic.Deliver, Basic.Return), with their properties and bodies. */
export function messages(frames: readonly AmqpFrameItem[], method: string, party?: string): WireMessage[] {
  return methods(frames, method, party).map((start) => {
    const index = frames.indexOf(start);
    const same = frames
      .slice(index + 1)
      .filter(
        (f) => f.connection === start.connection && f.channel === start.channel && f.direction === start.direction,
      );
    const header = same[0]?.frameType === 'header' ? same[0] : undefined;
    const bodies: AmqpFrameItem[] = [];
    for (const frame of header ? same.slice(1) : []) {
      if (frame.frameType !== 'body') break;
      bodies.push(frame);
    }
    return {
      method: start,
      party: partyOf(start),
      fields: start.fields ?? {},
      properties: header?.properties ?? {},
      body: bodies.map((b) => b.body ?? '').join(''),
    };
  });
}

/** The `order` number in a message body, when it is an order. */
export function orderNumber(message: WireMessage): number | undefined {
  try {
    const value = (JSON.parse(message.body) as { order?: unknown }).order;
    return typeof value === 'number' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Delivery tags the party acknowledged (Basic.Ack up, multiple=true covering everything up to its tag). */
export function ackedTags(frames: readonly AmqpFrameItem[], party: string, delivered: readonly number[]): Set<number> {
  const acked = new Set<number>();
  for (const ack of methods(frames, 'Basic.Ack', party).filter((f) => f.direction === 'up')) {
    const tag = Number(ack.fields?.deliveryTag);
    for (const d of delivered) if (d === tag || (ack.fields?.multiple === true && d <= tag)) acked.add(d);
  }
  return acked;
}

/**
 * Basic.Ack, Basic.Reject and Basic.Nack that settle the delivery `deliver` (a Basic.Deliver
 * frame among `frames`): the same connection and channel, after it, its tag or, with
 * multiple, a tag at or above it (0: everything so far).
 */
export function settlementsOf(frames: readonly AmqpFrameItem[], deliver: AmqpFrameItem): AmqpFrameItem[] {
  const tag = Number(deliver.fields?.deliveryTag);
  return frames.slice(frames.indexOf(deliver) + 1).filter((f) => {
    if (f.direction !== 'up' || f.connection !== deliver.connection || f.channel !== deliver.channel) return false;
    if (f.method !== 'Basic.Ack' && f.method !== 'Basic.Reject' && f.method !== 'Basic.Nack') return false;
    const settled = Number(f.fields?.deliveryTag);
    return settled === tag || (f.fields?.multiple === true && (settled === 0 || settled >= tag));
  });
}

/** The most deliveries a party held unacknowledged at one time: what Basic.Qos prefetchCount bounds. */
export function maxUnacked(frames: readonly AmqpFrameItem[], party: string): number {
  let open = 0;
  let most = 0;
  for (const frame of frames) {
    if (partyOf(frame) !== party) continue;
    if (frame.method === 'Basic.Deliver') most = Math.max(most, ++open);
    if (frame.method === 'Basic.Ack' && frame.direction === 'up') open = frame.fields?.multiple ? 0 : open - 1;
  }
  return most;
}

/** A Channel.Close or Connection.Close that was not a clean 200, with who sent it. */
export function errorCloses(frames: readonly AmqpFrameItem[]): AmqpFrameItem[] {
  return frames.filter((f) => /\.Close$/.test(f.method ?? '') && f.fields?.replyCode !== 200);
}

/** Reply codes of amqp0-9-1.xml (the constants), for texts that do not name their own. */
const REPLY_NAMES: Record<number, string> = {
  200: 'REPLY_SUCCESS',
  312: 'NO_ROUTE',
  320: 'CONNECTION_FORCED',
  403: 'ACCESS_REFUSED',
  404: 'NOT_FOUND',
  405: 'RESOURCE_LOCKED',
  406: 'PRECONDITION_FAILED',
  504: 'CHANNEL_ERROR',
  530: 'NOT_ALLOWED',
  541: 'INTERNAL_ERROR',
};

/** `404 NOT_FOUND - no exchange …`: the reply code and the reply text, which RabbitMQ starts with the code's name. */
export function closeText(close: AmqpFrameItem | undefined): string {
  if (!close) return '—';
  const code = Number(close.fields?.replyCode);
  const text = String(close.fields?.replyText ?? '');
  const name = REPLY_NAMES[code];
  return name && !text.startsWith(name) ? `${code} ${name} - ${text}` : `${code} ${text}`;
}

/** Milliseconds from one moment to another (the catalogue writes the number). */
export const elapsed = (from: number, to: number) => to - from;

export const list = (values: readonly unknown[]) => (values.length > 0 ? values.join(', ') : '—');
