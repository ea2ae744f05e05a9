/** One plain-text line per AMQP frame item: what a test asserts on, and lists when it fails. */
import type { AmqpFrameItem } from '../../demos/wire/amqp-frames.js';

/** Fields amqp0-9-1.xml marks "reserved" (left over from 0-8), plus nowait: noise in a one-line summary. */
const QUIET_KEYS = new Set([
  'ticket',
  'nowait',
  'noWait',
  'capabilities',
  'insist',
  'knownHosts',
  'outOfBand',
  'channelId',
]);

/** One short plain-text line per item, e.g. `Basic.Publish exchange=orders routingKey=book.added`. */
export function amqpMethodSummary(item: AmqpFrameItem): string {
  const head = {
    'protocol-header': `protocol header AMQP ${item.fields?.major}-${item.fields?.minor}-${item.fields?.revision}`,
    method: item.method ?? 'method',
    header: `content header bodySize=${item.bodySize}`,
    body: `body ${item.bodySize} bytes`,
    heartbeat: 'heartbeat',
    unknown: 'undecodable bytes',
  }[item.frameType];
  const parts = [head];
  if (item.frameType === 'method') parts.push(...pairs(item.fields ?? {}));
  if (item.frameType === 'header') parts.push(...pairs(item.properties ?? {}));
  if (item.body !== undefined) {
    // One line: control characters and line breaks would tear a table row apart.
    const flat = item.body.replace(/[\s\p{Cc}]+/gu, ' ');
    parts[0] += `: ${flat.length > 60 ? `${flat.slice(0, 57)}...` : flat}`;
  }
  if (item.error) parts.push(`error: ${item.error}`);
  return parts.join(' ');
}

function pairs(fields: Record<string, unknown>): string[] {
  return Object.entries(fields)
    .filter(([key, value]) => !QUIET_KEYS.has(key) && value !== false && (typeof value !== 'object' || value === null))
    .filter(([key, value]) => !((key === 'classId' || key === 'methodId') && value === 0))
    .map(([key, value]) => `${key}=${typeof value === 'string' ? quote(value) : String(value)}`);
}

/** Bare when unambiguous; JSON-quoted when empty or containing spaces/controls (the default exchange is ""). */
function quote(text: string): string {
  return /^[^\s"'=]+$/u.test(text) ? text : JSON.stringify(text);
}
