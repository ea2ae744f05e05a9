/**
 * The words beside each arrow of the AMQP sequence diagram: a method and its key fields,
 * a message's properties and body, a folded set-up. Styled spans, no layout.
 */
import type { Messages } from '../core/messages/en.js';
import { bodyLines } from './body-view.js';
import { escapeText } from './escape.js';
import { span, type Line, type Span } from './lines.js';
import type { Style } from './theme.js';
import type { AmqpFrameItem } from '../wire/amqp-frames.js';

/** Fields amqp0-9-1.xml marks "reserved" (left over from 0-8), and nowait: noise beside an arrow. */
const RESERVED = new Set(['ticket', 'nowait', 'capabilities', 'insist', 'knownHosts', 'outOfBand', 'channelId']);
/** Tables whose entries matter (x-arguments, message headers): shown as their own key=value pairs. */
const TABLES = new Set(['arguments', 'headers']);
/** Flags whose `false` is a lesson too (manual ack, a transient queue, no requeue, a first delivery). */
const ALWAYS = new Set(['redelivered', 'requeue', 'durable', 'noAck']);
/** reply-success, amqp0-9-1.xml: every other reply code is an error. */
const REPLY_SUCCESS = 200;

/** `Basic.Deliver consumerTag=worker-1 deliveryTag=3 redelivered=true …`; `full` adds the big tables. */
export function methodSpans(item: AmqpFrameItem, full: boolean): Span[] {
  const spans: Span[] = [span(item.method ?? 'method', methodStyle(item))];
  // A passive declare only asks whether the queue or exchange exists; the broker ignores every other flag.
  const passive = item.fields?.passive === true;
  for (const [key, value] of Object.entries(item.fields ?? {})) {
    if (RESERVED.has(key)) continue;
    if (passive && typeof value === 'boolean' && key !== 'passive') continue;
    // Zero here means "none": no failing method in a clean close, no byte limit (RabbitMQ ignores prefetch-size).
    if (['classId', 'methodId', 'prefetchSize'].includes(key) && value === 0) continue;
    if (value === false && !ALWAYS.has(key)) continue;
    if (value !== null && typeof value === 'object' && !TABLES.has(key) && !full) continue;
    spans.push(...pair(key, value, valueStyle(key, value)));
  }
  return spans;
}

/** Content header properties, §4.2.6.1: `contentType=application/json deliveryMode=2 (persistent) …`. */
export function propertySpans(header: AmqpFrameItem, messages: Messages): Span[] {
  const spans: Span[] = [];
  for (const [key, value] of Object.entries(header.properties ?? {})) {
    // The headers table is routing data of its own (headers exchange, x-death): it keeps its name.
    const table = key === 'headers' && value !== null && typeof value === 'object' ? Object.keys(value) : [];
    const pairs = pair(key, value);
    if (table.length > 0) {
      // A no-break space keeps "headers:" on the line of its first entry when the line wraps.
      spans.push(span(' headers:\u00a0', 'dim'), { ...pairs[0]!, text: pairs[0]!.text.trimStart() }, ...pairs.slice(1));
    } else spans.push(...pairs);
    const mode = key === 'deliveryMode' ? messages.amqp.deliveryModes[value as number] : undefined;
    if (mode) spans.push(span(` (${mode})`, 'dim'));
  }
  return spans.map((s, i) => (i === 0 ? { ...s, text: s.text.trimStart() } : s));
}

/** The body of a message: one line, cut to `max` characters, unless `full` (then pretty, by content type). */
export function bodyView(bodies: AmqpFrameItem[], contentType: string, full: boolean, max: number): Line[] {
  const text = bodies.map((b) => b.body ?? '').join('');
  const truncated = bodies.some((b) => b.bodyTruncated);
  if (full) {
    const lines = bodyLines(text, contentType, true);
    return truncated ? [...lines, [span('…', 'dim')]] : lines;
  }
  const flat = escapeText(compact(text));
  const cut = flat.length > max;
  return [
    [span(cut ? `${flat.slice(0, Math.max(1, max - 1))}…` : flat, 'string'), ...(truncated && !cut ? [span('…')] : [])],
  ];
}

/** The folded handshake: what was agreed, from the frames themselves. */
export function setUpText(items: AmqpFrameItem[], messages: Messages): string {
  const find = (method: string) => items.find((i) => i.method === method)?.fields ?? {};
  const header = items[0]?.fields ?? {};
  const startOk = find('Connection.StartOk');
  const tuneOk = find('Connection.TuneOk');
  // PLAIN (RFC 4616) is authzid NUL authcid NUL password; the decoder shows NUL as ␀ and hides the password.
  const response = typeof startOk.response === 'string' ? startOk.response : '';
  const parts = response.split('\u2400');
  const channelOpen = items.find((i) => i.method === 'Channel.Open');
  return (
    messages.amqp.setUp({
      version: `${header.major}-${header.minor}-${header.revision}`,
      mechanism: String(startOk.mechanism ?? '?'),
      user: parts.length === 3 ? parts[1]! : '?',
      vhost: String(find('Connection.Open').virtualHost ?? '?'),
      heartbeat: Number(tuneOk.heartbeat ?? 0),
    }) + (channelOpen ? messages.amqp.channelOpen({ channel: channelOpen.channel }) : '')
  );
}

/** ` key=value`, both escaped: field values come off the wire. */
export function pair(key: string, value: unknown, style?: Style): Span[] {
  if (value !== null && typeof value === 'object' && TABLES.has(key) && !Array.isArray(value)) {
    return Object.entries(value).flatMap(([k, v]) => pair(k, v));
  }
  return [span(` ${escapeText(key)}=`, 'dim'), span(escapeText(shown(value)), style)];
}

function shown(value: unknown): string {
  if (typeof value === 'string') return /^[^\s"'=]+$/u.test(value) ? value : JSON.stringify(value);
  // One space after each comma and colon, so long tables can wrap between members.
  if (value !== null && typeof value === 'object') return JSON.stringify(value, null, 1).replace(/\n\s*/g, ' ');
  return String(value);
}

function methodStyle(item: AmqpFrameItem): Style {
  const code = item.fields?.replyCode;
  if (item.error) return 'warn';
  if (/\.Close$/.test(item.method ?? '') && code !== REPLY_SUCCESS) return 'clientError';
  if (['Basic.Return', 'Basic.Reject', 'Basic.Nack'].includes(item.method ?? '')) return 'warn';
  return 'bold';
}

function valueStyle(key: string, value: unknown): Style | undefined {
  if (key === 'replyCode' && value !== REPLY_SUCCESS) return 'clientError';
  if ((key === 'redelivered' || key === 'requeue') && value === true) return 'warn';
  return undefined;
}

/** One line: JSON re-serialised on one line, other text with its line breaks flattened. */
function compact(text: string): string {
  try {
    // One space after each comma and colon, so a long line can wrap between members.
    if (/^\s*[[{]/.test(text)) return JSON.stringify(JSON.parse(text), null, 1).replace(/\n\s*/g, ' ');
  } catch {
    // not JSON after all: shown as text
  }
  return text.replace(/[\s\p{Cc}]+/gu, ' ').trim();
}
