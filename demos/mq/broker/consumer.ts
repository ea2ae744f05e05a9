/**
 * A subscription (Basic.Consume): which channel gets a queue's messages, and how many
 * unacknowledged ones it may hold (Basic.Qos prefetch-count, per consumer as RabbitMQ
 * reads global=false; see https://www.rabbitmq.com/docs/consumer-prefetch).
 */
import type { Queue } from './queue.js';
import type { QueuedMessage } from './message.js';

/** What a queue needs of the channel a consumer lives on. */
export interface ConsumerChannel {
  /** Whether this consumer may take one more message now (prefetch, flow, socket back-pressure). */
  canTake(consumer: Consumer): boolean;
  deliver(consumer: Consumer, entry: QueuedMessage, queue: Queue): void;
  /** The queue went away under the consumer: tell the client (Basic.Cancel, consumer_cancel_notify). */
  cancelledByBroker(consumer: Consumer): void;
}

export class Consumer {
  unacked = 0;

  constructor(
    readonly tag: string,
    readonly channel: ConsumerChannel,
    readonly queue: Queue,
    readonly noAck: boolean,
    readonly exclusive: boolean,
    /** 0 = unlimited. */
    readonly prefetch: number,
  ) {}
}
