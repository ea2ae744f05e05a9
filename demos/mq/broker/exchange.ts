/**
 * Exchanges and their routing (AMQP 0-9-1 §3.1.3, "Exchange types" in amqp0-9-1.xml;
 * RabbitMQ's rabbit_exchange_type_{direct,fanout,topic,headers}.erl): an exchange never
 * stores a message, it only names the queues whose bindings match.
 */
import type { Fields } from './codec.js';
import { messageHeaders, type Message } from './message.js';
import type { Queue } from './queue.js';

export type ExchangeType = 'direct' | 'fanout' | 'topic' | 'headers';

export const EXCHANGE_TYPES: readonly string[] = ['direct', 'fanout', 'topic', 'headers'];

export interface Binding {
  readonly queue: Queue;
  readonly key: string;
  readonly args: Fields;
  /** Topic bindings: the key split into words, once. */
  readonly words?: string[];
}

export class Exchange {
  readonly bindings: Binding[] = [];
  /** Direct exchanges: queues by routing key, so publishing costs one lookup. */
  private readonly byKey = new Map<string, Queue[]>();

  constructor(
    readonly name: string,
    readonly type: ExchangeType,
    readonly durable: boolean,
    readonly autoDelete: boolean,
    readonly internal: boolean,
    readonly args: Fields,
  ) {}

  /** False when the same binding exists already (binding twice is a no-op, §1.7.2.3). */
  bind(queue: Queue, key: string, args: Fields): boolean {
    if (this.bindings.some((b) => b.queue === queue && b.key === key && sameArgs(b.args, args))) return false;
    this.bindings.push({ queue, key, args, ...(this.type === 'topic' ? { words: key.split('.') } : {}) });
    if (this.type === 'direct') {
      const list = this.byKey.get(key);
      if (!list) this.byKey.set(key, [queue]);
      else if (!list.includes(queue)) list.push(queue);
    }
    return true;
  }

  unbind(queue: Queue, key: string, args: Fields): void {
    this.removeWhere((b) => b.queue === queue && b.key === key && sameArgs(b.args, args));
  }

  unbindQueue(queue: Queue): void {
    this.removeWhere((b) => b.queue === queue);
  }

  /** Adds the queues this message goes to into `into`; `stamp` marks each queue once per publish. */
  route(message: Message, stamp: number, into: Queue[]): void {
    const add = (queue: Queue) => {
      if (queue.stamp === stamp) return;
      queue.stamp = stamp;
      into.push(queue);
    };
    switch (this.type) {
      case 'direct': {
        const list = this.byKey.get(message.routingKey);
        if (list) for (const queue of list) add(queue);
        return;
      }
      case 'fanout':
        for (const b of this.bindings) add(b.queue);
        return;
      case 'topic': {
        if (this.bindings.length === 0) return;
        const words = message.routingKey.split('.');
        for (const b of this.bindings) if (b.queue.stamp !== stamp && topicMatches(b.words!, words)) add(b.queue);
        return;
      }
      case 'headers': {
        if (this.bindings.length === 0) return;
        const headers = messageHeaders(message);
        for (const b of this.bindings) if (b.queue.stamp !== stamp && headersMatch(b.args, headers)) add(b.queue);
        return;
      }
    }
  }

  private removeWhere(test: (b: Binding) => boolean): void {
    for (let i = this.bindings.length - 1; i >= 0; i--) if (test(this.bindings[i]!)) this.bindings.splice(i, 1);
    if (this.type !== 'direct') return;
    this.byKey.clear();
    for (const b of this.bindings) {
      const list = this.byKey.get(b.key);
      if (!list) this.byKey.set(b.key, [b.queue]);
      else if (!list.includes(b.queue)) list.push(b.queue);
    }
  }
}

/**
 * Topic patterns: words split at ".", "*" is exactly one word, "#" zero or more. A
 * table over (pattern word, key word) instead of backtracking, so a pattern full of "#"
 * costs at most 128 × 128 steps (both are shortstr, at most 255 bytes).
 */
export function topicMatches(pattern: readonly string[], words: readonly string[]): boolean {
  // Fast path without wildcards, the common case.
  if (!pattern.includes('#') && !pattern.includes('*')) {
    if (pattern.length !== words.length) return false;
    for (let i = 0; i < words.length; i++) if (pattern[i] !== words[i]) return false;
    return true;
  }
  const n = words.length;
  let row = new Uint8Array(n + 1);
  row[0] = 1;
  for (const p of pattern) {
    const next = new Uint8Array(n + 1);
    if (p === '#') {
      let seen = 0;
      for (let j = 0; j <= n; j++) next[j] = seen = seen | row[j]!;
    } else {
      for (let j = 1; j <= n; j++) next[j] = row[j - 1]! && (p === '*' || p === words[j - 1]) ? 1 : 0;
    }
    row = next;
  }
  return row[n] === 1;
}

/**
 * Headers bindings: x-match "all" (the default) needs every bound header present and
 * equal, "any" one of them; arguments starting with "x-" are not headers to match,
 * except in RabbitMQ's "all-with-x" and "any-with-x". A void-valued argument matches a
 * header of that name with any value.
 */
export function headersMatch(args: Fields, headers: Fields): boolean {
  const mode = String(args['x-match'] ?? 'all');
  const withX = mode.endsWith('-with-x');
  const any = mode.startsWith('any');
  let wanted = 0;
  let equal = 0;
  for (const key in args) {
    if (key === 'x-match' || (!withX && key.startsWith('x-'))) continue;
    wanted++;
    const want = args[key];
    if (Object.hasOwn(headers, key) && (want === undefined || want === null || sameValue(want, headers[key]))) {
      equal++;
      if (any) return true;
    } else if (!any) return false;
  }
  return any ? false : equal === wanted;
}

export function sameArgs(a: Fields, b: Fields): boolean {
  const ka = Object.keys(a).filter((k) => a[k] !== undefined);
  const kb = Object.keys(b).filter((k) => b[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => sameValue(a[k], b[k]));
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Buffer.isBuffer(a) && Buffer.isBuffer(b)) return a.equals(b);
  if (typeof a === 'object' && typeof b === 'object' && a !== null && b !== null) {
    return JSON.stringify(a) === JSON.stringify(b);
  }
  return false;
}
