/**
 * The one virtual host "/": its exchanges, queues and bindings, and the routing of a
 * published message into queues (AMQP 0-9-1 §3.1, the AMQ model). Everything lives in
 * memory; "durable" is kept as a flag and reported back, as RabbitMQ would keep it on disk.
 */
import { randomBytes } from 'node:crypto';
import type { Fields } from './codec.js';
import { AmqpException, fail } from './errors.js';
import { EXCHANGE_TYPES, Exchange, type ExchangeType } from './exchange.js';
import { messageExpiration, properties, withProperties, type Message, type QueuedMessage } from './message.js';
import { parseQueueArgs, queueMismatch } from './queue-arguments.js';
import { Queue, type DeathReason, type QueueHost } from './queue.js';

/** Beyond this many bytes of messages in memory, publishers are paused until consumers catch up. */
export const MEMORY_LIMIT_BYTES = 256 * 1024 * 1024;

export interface QueueDeclare {
  queue: string;
  passive: boolean;
  durable: boolean;
  exclusive: boolean;
  autoDelete: boolean;
  nowait?: boolean;
  arguments: Fields;
}

export interface ExchangeDeclare {
  exchange: string;
  type: string;
  passive: boolean;
  durable: boolean;
  autoDelete: boolean;
  internal: boolean;
  arguments: Fields;
}

export class VirtualHost implements QueueHost {
  readonly name = '/';
  readonly exchanges = new Map<string, Exchange>();
  readonly queues = new Map<string, Queue>();
  bytes = 0;
  /** Direct reply-to addresses (amq.rabbitmq.reply-to.…): pseudo-queues, one per consuming channel. */
  private readonly replyQueues = new Map<string, Queue>();
  private stamp = 0;
  private readonly targets: Queue[] = [];
  private readonly waiting = new Set<() => void>();

  constructor() {
    // The pre-declared exchanges every AMQP 0-9-1 broker has (§3.1.3.1–3.1.3.4).
    const standard: Array<[string, ExchangeType]> = [
      ['', 'direct'],
      ['amq.direct', 'direct'],
      ['amq.fanout', 'fanout'],
      ['amq.topic', 'topic'],
      ['amq.headers', 'headers'],
      ['amq.match', 'headers'],
    ];
    for (const [name, type] of standard) this.exchanges.set(name, new Exchange(name, type, true, false, false, {}));
  }

  get overLimit(): boolean {
    return this.bytes > MEMORY_LIMIT_BYTES;
  }

  /** Calls `resume` once memory is below half the limit again. */
  whenBelowLimit(resume: () => void): void {
    this.waiting.add(resume);
  }

  account(bytes: number): void {
    this.bytes += bytes;
    if (bytes < 0 && this.waiting.size > 0 && this.bytes < MEMORY_LIMIT_BYTES / 2) {
      const all = [...this.waiting];
      this.waiting.clear();
      for (const resume of all) resume();
    }
  }

  exchange(name: string): Exchange {
    const exchange = this.exchanges.get(name);
    if (!exchange) throw fail.noExchange(name, this.name);
    return exchange;
  }

  /** A queue by name, checked for exclusive ownership (405 from another connection). */
  queue(name: string, owner: object): Queue {
    const queue = this.queues.get(name);
    if (!queue) throw fail.noQueue(name, this.name);
    if (queue.options.exclusive && queue.options.owner !== owner) throw fail.locked(name, this.name);
    return queue;
  }

  declareExchange(d: ExchangeDeclare): void {
    const existing = this.exchanges.get(d.exchange);
    if (d.passive) {
      if (!existing) throw fail.noExchange(d.exchange, this.name);
      return;
    }
    if (d.exchange === '') throw fail.defaultExchange();
    if (d.exchange.startsWith('amq.')) throw fail.reservedName('exchange', d.exchange);
    if (!EXCHANGE_TYPES.includes(d.type)) throw fail.invalidExchangeType(d.type);
    if (d.arguments['alternate-exchange'] !== undefined) {
      throw fail.notImplemented("exchange argument 'alternate-exchange' is not supported by the embedded broker");
    }
    if (existing) {
      const mismatch = (arg: string, received: unknown, current: unknown) =>
        fail.inequivalent('exchange', d.exchange, this.name, arg, `'${String(received)}'`, `'${String(current)}'`);
      if (existing.type !== d.type) throw mismatch('type', d.type, existing.type);
      if (existing.durable !== d.durable) throw mismatch('durable', d.durable, existing.durable);
      if (existing.autoDelete !== d.autoDelete) throw mismatch('auto_delete', d.autoDelete, existing.autoDelete);
      if (existing.internal !== d.internal) throw mismatch('internal', d.internal, existing.internal);
      return;
    }
    const exchange = new Exchange(d.exchange, d.type as ExchangeType, d.durable, d.autoDelete, d.internal, d.arguments);
    this.exchanges.set(d.exchange, exchange);
  }

  deleteExchange(name: string, ifUnused: boolean): void {
    if (name === '') throw fail.defaultExchange();
    if (name.startsWith('amq.')) throw fail.reservedName('exchange', name);
    const exchange = this.exchanges.get(name);
    // RabbitMQ 3.x: deleting an exchange that is not there succeeds.
    if (!exchange) return;
    if (ifUnused && exchange.bindings.length > 0) {
      throw new AmqpException('PRECONDITION_FAILED', `exchange '${name}' in vhost '${this.name}' in use`);
    }
    this.exchanges.delete(name);
  }

  declareQueue(d: QueueDeclare, owner: object): { queue: Queue; created: boolean } {
    let name = d.queue;
    const existing = name === '' ? undefined : this.queues.get(name);
    if (d.passive) {
      if (!existing) throw fail.noQueue(name, this.name);
      if (existing.options.exclusive && existing.options.owner !== owner) throw fail.locked(name, this.name);
      existing.declared();
      return { queue: existing, created: false };
    }
    if (name.startsWith('amq.')) throw fail.reservedName('queue', name);
    if (existing) {
      if (existing.options.exclusive && existing.options.owner !== owner) throw fail.locked(name, this.name);
      if (existing.options.exclusive !== d.exclusive) throw fail.locked(name, this.name);
      const mismatch = queueMismatch(name, this.name, existing.options, {
        durable: d.durable,
        autoDelete: d.autoDelete,
        args: d.arguments,
      });
      if (mismatch) throw mismatch;
      existing.declared();
      return { queue: existing, created: false };
    }
    // A server-named queue: "amq.gen-" and 22 url-safe base64 characters, like RabbitMQ's.
    if (name === '') name = `amq.gen-${randomBytes(16).toString('base64url')}`;
    const parsed = parseQueueArgs(name, this.name, d.arguments);
    if (parsed instanceof AmqpException) throw parsed;
    const queue = new Queue(
      name,
      {
        durable: d.durable,
        exclusive: d.exclusive,
        autoDelete: d.autoDelete,
        args: d.arguments,
        owner: d.exclusive ? owner : undefined,
        ...parsed,
      },
      this,
    );
    this.queues.set(name, queue);
    return { queue, created: true };
  }

  /** Takes the queue out of every table, cancels its consumers, drops its messages. */
  deleteQueue(queue: Queue): number {
    if (queue.deleted || this.queues.get(queue.name) !== queue) return 0;
    this.queues.delete(queue.name);
    const count = queue.purge();
    queue.dispose();
    for (const exchange of [...this.exchanges.values()]) this.removeBindings(exchange, (e) => e.unbindQueue(queue));
    for (const consumer of queue.consumers.splice(0)) consumer.channel.cancelledByBroker(consumer);
    return count;
  }

  bind(queue: Queue, exchange: Exchange, key: string, args: Fields): void {
    if (exchange.name === '') throw fail.defaultExchange();
    if (exchange.type === 'headers') {
      const mode = args['x-match'];
      if (mode !== undefined && !['all', 'any', 'all-with-x', 'any-with-x'].includes(String(mode))) {
        throw new AmqpException(
          'PRECONDITION_FAILED',
          `Invalid x-match field value ${String(mode)}; expected all, any, all-with-x, or any-with-x`,
        );
      }
    }
    exchange.bind(queue, key, args);
  }

  unbind(queue: Queue, exchange: Exchange, key: string, args: Fields): void {
    if (exchange.name === '') throw fail.defaultExchange();
    this.removeBindings(exchange, (e) => e.unbind(queue, key, args));
  }

  /**
   * Routes a message into its queues; returns how many took it (0: unroutable, which
   * Basic.Publish mandatory turns into Basic.Return 312 NO_ROUTE).
   */
  publish(exchangeName: string, message: Message): number {
    const targets = this.targets;
    targets.length = 0;
    if (exchangeName === '') {
      const queue = this.queues.get(message.routingKey) ?? this.replyQueues.get(message.routingKey);
      if (queue) targets.push(queue);
    } else {
      const exchange = this.exchange(exchangeName);
      if (exchange.internal) {
        throw new AmqpException(
          'ACCESS_REFUSED',
          `cannot publish to internal exchange '${exchangeName}' in vhost '${this.name}'`,
        );
      }
      exchange.route(message, ++this.stamp, targets);
    }
    if (targets.length === 0) return 0;
    const expiration = messageExpiration(message);
    if (expiration === 'invalid') {
      throw new AmqpException('PRECONDITION_FAILED', `invalid expiration '${String(properties(message).expiration)}'`);
    }
    const now = expiration !== undefined || targets.some((q) => q.options.messageTtl !== undefined) ? Date.now() : 0;
    for (const queue of targets) {
      const ttl = minTtl(queue.options.messageTtl, expiration);
      queue.enqueue({ message, redelivered: false, expiresAt: ttl === undefined ? 0 : now + ttl });
    }
    return targets.length;
  }

  /**
   * A message dies in `queue`: republished to the queue's dead-letter exchange with an
   * x-death entry (https://www.rabbitmq.com/docs/dlx), or dropped when there is none.
   */
  deadLetter(queue: Queue, entry: QueuedMessage, reason: DeathReason): void {
    // Runs from timers too (TTL): a message whose properties cannot be re-encoded is dropped,
    // as RabbitMQ drops what it cannot dead-letter, and never takes the broker down.
    try {
      this.republishDead(queue, entry, reason);
    } catch {
      return;
    }
  }

  private republishDead(queue: Queue, entry: QueuedMessage, reason: DeathReason): void {
    const exchangeName = queue.options.deadLetterExchange;
    if (exchangeName === undefined) return;
    const exchange = this.exchanges.get(exchangeName);
    if (!exchange) return;
    const original = entry.message;
    const props = properties(original);
    const headers = { ...((props.headers as Fields | undefined) ?? {}) };
    const deaths = Array.isArray(headers['x-death']) ? [...(headers['x-death'] as Fields[])] : [];
    const seen = deaths.findIndex((d) => d.queue === queue.name && d.reason === reason);
    const previous = seen >= 0 ? deaths.splice(seen, 1)[0] : undefined;
    const death: Fields = {
      count: Number(previous?.count ?? 0) + 1,
      reason,
      queue: queue.name,
      time: { '!': 'timestamp', value: Math.floor(Date.now() / 1000) },
      exchange: original.exchange,
      'routing-keys': [original.routingKey],
      ...(props.expiration !== undefined ? { 'original-expiration': props.expiration } : {}),
    };
    headers['x-death'] = [death, ...deaths];
    if (headers['x-first-death-reason'] === undefined) {
      headers['x-first-death-exchange'] = original.exchange;
      headers['x-first-death-queue'] = queue.name;
      headers['x-first-death-reason'] = reason;
    }
    const { expiration: _dropped, ...rest } = props;
    void _dropped;
    const routingKey = queue.options.deadLetterRoutingKey ?? original.routingKey;
    const message = withProperties(original, { ...rest, headers }, exchangeName, routingKey);
    const targets: Queue[] = [];
    exchange.route(message, ++this.stamp, targets);
    if (exchangeName === '') {
      const direct = this.queues.get(routingKey);
      if (direct) targets.push(direct);
    }
    // A cycle (a queue dead-lettering into itself, directly or not) without a rejection in
    // it would loop forever; RabbitMQ drops the message then, and so does this broker.
    const visited = new Set([queue.name, ...deaths.map((d) => String(d.queue))]);
    for (const target of targets) {
      if (reason !== 'rejected' && visited.has(target.name)) continue;
      const ttl = target.options.messageTtl;
      target.enqueue({ message, redelivered: false, expiresAt: ttl === undefined ? 0 : Date.now() + ttl });
    }
  }

  replyQueue(owner: object): Queue {
    const name = `amq.rabbitmq.reply-to.${randomBytes(16).toString('base64url')}`;
    const queue = new Queue(name, { durable: false, exclusive: true, autoDelete: false, args: {}, owner }, this);
    this.replyQueues.set(name, queue);
    return queue;
  }

  dropReplyQueue(queue: Queue): void {
    this.replyQueues.delete(queue.name);
    queue.purge();
    queue.dispose();
  }

  /** Exclusive queues die with the connection that declared them. */
  ownerGone(owner: object): void {
    for (const queue of [...this.queues.values()]) if (queue.options.owner === owner) this.deleteQueue(queue);
  }

  private removeBindings(exchange: Exchange, change: (exchange: Exchange) => void): void {
    const before = exchange.bindings.length;
    change(exchange);
    // auto-delete exchanges go when their last binding does (amqp0-9-1.xml, exchange.declare auto-delete).
    if (exchange.autoDelete && before > 0 && exchange.bindings.length === 0) this.exchanges.delete(exchange.name);
  }
}

function minTtl(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Math.min(a, b);
}
