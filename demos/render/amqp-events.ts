/**
 * AMQP frames → the events a sequence diagram draws, one arrow each: a method frame with
 * its content (header and body frames, AMQP 0-9-1 §4.2.6), or a folded connection
 * set-up or clean close. Pure data in, pure data out.
 */
import type { AmqpFrameItem } from '../wire/amqp-frames.js';

export interface FoldedEvent {
  /**
   * `pair`: a synchronous method and its -Ok reply (Queue.Declare, Queue.DeclareOk), or
   * several such pairs in a row on one connection (declare, bind, consume);
   * `more`: repeats of the event before it (the same method, party and direction).
   */
  kind: 'set-up' | 'closed' | 'pair' | 'more';
  items: AmqpFrameItem[];
}

export type AmqpEvent =
  { kind: 'frame'; item: AmqpFrameItem; header?: AmqpFrameItem; bodies: AmqpFrameItem[] } | FoldedEvent;

export interface EventOptions {
  /** Fold the opening handshake and a clean close into one line each (not with --full or --raw). */
  fold: boolean;
  /** Draw a message (method + header + bodies) as one arrow (not with --raw, which shows every frame). */
  group: boolean;
  /**
   * For a small screen (the pager): a method and its -Ok reply as one arrow, and a run of
   * the same method between the same two parties as its first, a count, and its last.
   */
  compact?: boolean;
  /** Methods the step talks about (Basic.Qos): folded, each keeps a line of its own with its fields. */
  keepMethods?: ReadonlySet<string>;
}

/** §4.2.6: a message is a method frame followed on its channel by a content header and body frames. */
const CONTENT_METHODS = new Set(['Basic.Publish', 'Basic.Deliver', 'Basic.Return', 'Basic.GetOk']);

/** The opening handshake (§2.2.4, the connection class): Start/StartOk, Secure/SecureOk, Tune/TuneOk, Open/OpenOk. */
const HANDSHAKE = new Set([
  'Connection.Start',
  'Connection.StartOk',
  'Connection.Secure',
  'Connection.SecureOk',
  'Connection.Tune',
  'Connection.TuneOk',
  'Connection.Open',
  'Connection.OpenOk',
]);

export function amqpEvents(items: readonly AmqpFrameItem[], options: EventOptions): AmqpEvent[] {
  const taken = new Set<AmqpFrameItem>();
  const groups = new Map<AmqpFrameItem, FoldedEvent>();
  if (options.fold) {
    for (const frames of byConnection(items).values()) {
      for (const group of [setUp(frames), cleanClose(frames)]) {
        if (!group) continue;
        group.items.forEach((item) => taken.add(item));
        groups.set(group.items[0]!, group);
      }
    }
  }
  const events: AmqpEvent[] = [];
  items.forEach((item, index) => {
    const group = groups.get(item);
    if (group) events.push(group);
    if (taken.has(item)) return;
    const reply = options.compact ? replyTo(items, index) : undefined;
    if (reply && !taken.has(reply)) {
      taken.add(reply);
      // Pairs in a row on one connection share a line, unless a method comes again (two
      // declares that differ in one flag are the step's point).
      const last = events.at(-1);
      const own = (method: string | undefined) => options.keepMethods?.has(method ?? '') === true;
      const joins =
        last?.kind === 'pair' &&
        last.items[0]!.connection === item.connection &&
        !own(item.method) &&
        !last.items.some((other) => other.method === item.method || own(other.method));
      if (joins) last.items.push(item, reply);
      else events.push({ kind: 'pair', items: [item, reply] });
      return;
    }
    if (!options.group || item.frameType !== 'method' || !CONTENT_METHODS.has(item.method ?? '')) {
      events.push({ kind: 'frame', item, bodies: [] });
      return;
    }
    const event: AmqpEvent = { kind: 'frame', item, bodies: [] };
    const sameStream = (other: AmqpFrameItem) =>
      other.connection === item.connection && other.channel === item.channel && other.direction === item.direction;
    let received = 0;
    for (const next of items.slice(index + 1)) {
      if (!sameStream(next) || taken.has(next)) continue;
      if (!event.header && next.frameType === 'header') event.header = next;
      else if (event.header && next.frameType === 'body' && received < (event.header.bodySize ?? 0)) {
        event.bodies.push(next);
        received += next.bodySize ?? 0;
      } else break;
      taken.add(next);
      if (received >= (event.header.bodySize ?? 0)) break;
    }
    events.push(event);
  });
  return options.compact ? foldRepeats(events) : events;
}

/**
 * §1.4: Queue.Declare is answered by Queue.DeclareOk, the next method on its channel the
 * other way. A Close is never paired: who closes, and with which code, is what a step shows;
 * nor a reply that carries a message (Basic.GetOk): its content frames belong to it.
 */
function replyTo(items: readonly AmqpFrameItem[], index: number): AmqpFrameItem | undefined {
  const item = items[index]!;
  if (item.frameType !== 'method' || !item.method || item.error || item.method.endsWith('.Close')) return undefined;
  for (let i = index + 1; i < items.length; i++) {
    const next = items[i]!;
    if (next.connection !== item.connection || next.channel !== item.channel || next.direction === item.direction) {
      continue;
    }
    const answers = next.method === `${item.method}Ok` && !next.error && !CONTENT_METHODS.has(next.method);
    return answers ? next : undefined;
  }
  return undefined;
}

/** Runs longer than this keep their first and last event, with a count between them. */
const repeatsAbove = 3;

function foldRepeats(events: AmqpEvent[]): AmqpEvent[] {
  const key = (event: AmqpEvent) =>
    event.kind === 'frame' && event.item.method
      ? `${event.item.connection} ${event.item.direction} ${event.item.method}`
      : undefined;
  const out: AmqpEvent[] = [];
  for (let start = 0; start < events.length;) {
    const k = key(events[start]!);
    let end = start + 1;
    while (k !== undefined && end < events.length && key(events[end]!) === k) end++;
    const run = events.slice(start, end);
    if (run.length <= repeatsAbove) out.push(...run);
    else out.push(run[0]!, { kind: 'more', items: run.slice(1, -1).flatMap(eventItems) }, run.at(-1)!);
    start = end;
  }
  return out;
}

export function eventItems(event: AmqpEvent): AmqpFrameItem[] {
  return event.kind === 'frame' ? [event.item, ...(event.header ? [event.header] : []), ...event.bodies] : event.items;
}

export function eventBytes(event: AmqpEvent): number {
  return eventItems(event).reduce((sum, item) => sum + item.wireBytes, 0);
}

function byConnection(items: readonly AmqpFrameItem[]): Map<number, AmqpFrameItem[]> {
  const map = new Map<number, AmqpFrameItem[]>();
  for (const item of items) map.set(item.connection, [...(map.get(item.connection) ?? []), item]);
  return map;
}

/** The handshake up to Connection.OpenOk and the first channel's Open/OpenOk; only when it succeeded. */
function setUp(frames: AmqpFrameItem[]): FoldedEvent | undefined {
  if (frames[0]?.frameType !== 'protocol-header') return undefined;
  let end = 1;
  while (end < frames.length && HANDSHAKE.has(frames[end]!.method ?? '') && !frames[end]!.error) end++;
  if (frames[end - 1]?.method !== 'Connection.OpenOk') return undefined;
  const [open, openOk] = [frames[end], frames[end + 1]];
  if (open?.method === 'Channel.Open' && openOk?.method === 'Channel.OpenOk' && open.channel === openOk.channel) {
    end += 2;
  }
  return { kind: 'set-up', items: frames.slice(0, end) };
}

/** Trailing Channel.Close/CloseOk and Connection.Close/CloseOk that the client sent with reply-success (200). */
function cleanClose(frames: AmqpFrameItem[]): FoldedEvent | undefined {
  const polite = (item: AmqpFrameItem) =>
    ((item.method === 'Channel.Close' || item.method === 'Connection.Close') &&
      item.direction === 'up' &&
      item.fields?.replyCode === 200) ||
    ((item.method === 'Channel.CloseOk' || item.method === 'Connection.CloseOk') && item.direction === 'down');
  let start = frames.length;
  while (start > 0 && polite(frames[start - 1]!)) start--;
  // A CloseOk whose Close is not in the group answers an error close (541, 404, …), which stays visible.
  while (start < frames.length && /CloseOk$/.test(frames[start]!.method ?? '')) start++;
  const tail = frames.slice(start);
  const closes = tail.some((i) => i.method === 'Connection.Close') && tail.at(-1)?.method === 'Connection.CloseOk';
  // The set-up is never also the close: a connection with nothing else folds only its start.
  return closes && start > 0 ? { kind: 'closed', items: tail } : undefined;
}
