/**
 * A queue: ready messages in order, its consumers served in turn (round robin, as
 * RabbitMQ does), and RabbitMQ's optional queue arguments: x-message-ttl (messages die
 * at the head after their time), x-max-length (the oldest is dropped, "drop-head"),
 * x-dead-letter-exchange / -routing-key (where the dead go), x-expires (the unused queue
 * goes away). See https://www.rabbitmq.com/docs/ttl, /docs/maxlength, /docs/dlx.
 */
import type { Fields } from './codec.js';
import type { Consumer } from './consumer.js';
import { Deque } from './deque.js';
import type { QueuedMessage } from './message.js';

export type DeathReason = 'rejected' | 'expired' | 'maxlen';

export interface QueueOptions {
  durable: boolean;
  exclusive: boolean;
  autoDelete: boolean;
  args: Fields;
  /** The connection that declared an exclusive queue (compared by identity). */
  owner: object | undefined;
  messageTtl?: number;
  maxLength?: number;
  expires?: number;
  deadLetterExchange?: string;
  deadLetterRoutingKey?: string;
}

/** What a queue asks of the virtual host it lives in. */
export interface QueueHost {
  deadLetter(queue: Queue, entry: QueuedMessage, reason: DeathReason): void;
  deleteQueue(queue: Queue): void;
  /** Bytes held in memory went up (or down, negative). */
  account(bytes: number): void;
}

export class Queue {
  readonly messages = new Deque<QueuedMessage>();
  readonly consumers: Consumer[] = [];
  /** Set by Exchange.route: the last publish that chose this queue, so a queue gets one copy. */
  stamp = 0;
  deleted = false;
  private next = 0;
  private dispatching = false;
  private hadConsumer = false;
  private ttlTimer: NodeJS.Timeout | undefined;
  private expiryTimer: NodeJS.Timeout | undefined;

  constructor(
    readonly name: string,
    readonly options: QueueOptions,
    private readonly host: QueueHost,
  ) {
    this.touch();
  }

  get ready(): number {
    return this.messages.length;
  }

  enqueue(entry: QueuedMessage): void {
    this.host.account(size(entry));
    this.messages.push(entry);
    const max = this.options.maxLength;
    if (max !== undefined) {
      while (this.messages.length > max) this.drop(this.messages.shift()!, 'maxlen');
    }
    this.dispatch();
    if (entry.expiresAt !== 0 && this.messages.length > 0) this.armTtl();
  }

  /** Messages back at the head, in the order given (RabbitMQ keeps their original order). */
  requeue(entries: QueuedMessage[]): void {
    if (this.deleted) {
      for (const entry of entries) this.host.account(-size(entry));
      return;
    }
    for (let i = entries.length - 1; i >= 0; i--) {
      entries[i]!.redelivered = true;
      this.messages.unshift(entries[i]!);
    }
    this.dispatch();
    this.armTtl();
  }

  /** A delivered message is settled for good (acked, or taken without ack). */
  settled(entry: QueuedMessage): void {
    this.host.account(-size(entry));
  }

  /** Rejected without requeue: to the dead-letter exchange, if the queue has one. */
  reject(entry: QueuedMessage): void {
    this.drop(entry, 'rejected');
  }

  /** The next live message for Basic.Get, expired ones dead-lettered on the way. */
  take(): QueuedMessage | undefined {
    this.touch();
    return this.head();
  }

  addConsumer(consumer: Consumer): void {
    this.consumers.push(consumer);
    this.hadConsumer = true;
    this.touch();
    this.dispatch();
  }

  removeConsumer(consumer: Consumer): void {
    const at = this.consumers.indexOf(consumer);
    if (at < 0) return;
    this.consumers.splice(at, 1);
    if (this.next > at) this.next--;
    // auto-delete: gone once its last consumer is (§1.7.2.1 of amqp0-9-1.xml, "auto-delete").
    if (this.options.autoDelete && this.hadConsumer && this.consumers.length === 0) this.host.deleteQueue(this);
    else this.touch();
  }

  purge(): number {
    const gone = this.messages.drain();
    for (const entry of gone) this.host.account(-size(entry));
    return gone.length;
  }

  /** Hands ready messages to consumers that can take one, in turn, until either runs out. */
  dispatch(): void {
    if (this.dispatching || this.deleted) return;
    this.dispatching = true;
    try {
      while (this.messages.length > 0 && this.consumers.length > 0) {
        const consumer = this.nextConsumer();
        if (!consumer) break;
        const entry = this.head();
        if (!entry) break;
        consumer.channel.deliver(consumer, entry, this);
      }
    } finally {
      this.dispatching = false;
    }
  }

  /** Stops timers; the virtual host has taken it out of its tables already. */
  dispose(): void {
    this.deleted = true;
    clearTimeout(this.ttlTimer);
    clearTimeout(this.expiryTimer);
  }

  private nextConsumer(): Consumer | undefined {
    const n = this.consumers.length;
    for (let i = 0; i < n; i++) {
      const at = (this.next + i) % n;
      const consumer = this.consumers[at]!;
      if (consumer.channel.canTake(consumer)) {
        this.next = (at + 1) % n;
        return consumer;
      }
    }
    return undefined;
  }

  /** Removes and returns the head, dead-lettering messages whose TTL ran out first. */
  private head(): QueuedMessage | undefined {
    for (;;) {
      const entry = this.messages.shift();
      if (!entry || entry.expiresAt === 0 || entry.expiresAt > Date.now()) return entry;
      this.drop(entry, 'expired');
    }
  }

  private drop(entry: QueuedMessage, reason: DeathReason): void {
    this.host.account(-size(entry));
    this.host.deadLetter(this, entry, reason);
  }

  /** RabbitMQ expires messages at the head of the queue; a timer does it for idle queues. */
  private armTtl(): void {
    clearTimeout(this.ttlTimer);
    const first = this.messages.peek();
    if (!first || first.expiresAt === 0 || this.deleted) return;
    this.ttlTimer = setTimeout(
      () => {
        while (this.messages.length > 0) {
          const head = this.messages.peek()!;
          if (head.expiresAt === 0 || head.expiresAt > Date.now()) break;
          this.drop(this.messages.shift()!, 'expired');
        }
        this.armTtl();
      },
      Math.max(0, first.expiresAt - Date.now()) + 1,
    );
    this.ttlTimer.unref();
  }

  /** x-expires: the queue goes once it has had no consumers and no Basic.Get for that long. */
  private touch(): void {
    const expires = this.options.expires;
    if (expires === undefined || this.deleted) return;
    clearTimeout(this.expiryTimer);
    if (this.consumers.length > 0) return;
    this.expiryTimer = setTimeout(() => this.host.deleteQueue(this), expires);
    this.expiryTimer.unref();
  }

  /** Re-declaring a queue counts as using it (x-expires). */
  declared(): void {
    this.touch();
  }
}

function size(entry: QueuedMessage): number {
  return entry.message.header.length + entry.message.body.length;
}
