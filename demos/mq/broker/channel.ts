/**
 * One AMQP channel (§2.2.5): the methods a client sends on it, the content frames of its
 * publishes (§4.2.6), the deliveries it holds unacknowledged, its consumers, its prefetch
 * and RabbitMQ's publisher confirms (https://www.rabbitmq.com/docs/confirms).
 */
import { randomBytes } from 'node:crypto';
import { amqplibCodec, M, type Fields } from './codec.js';
import { Consumer, type ConsumerChannel } from './consumer.js';
import { AmqpException, fail } from './errors.js';
import type { FrameWriter } from './frame-writer.js';
import { properties, propertyFlags, withProperties, type Message, type QueuedMessage } from './message.js';
import type { Queue } from './queue.js';
import type { ExchangeDeclare, QueueDeclare, VirtualHost } from './vhost.js';

/** What a channel needs of its connection. */
export interface ChannelHost {
  readonly writer: FrameWriter;
  readonly vhost: VirtualHost;
  readonly frameMax: number;
  /** The socket is not taking more bytes: deliveries wait for 'drain'. */
  readonly congested: boolean;
  /** The client understands Basic.Cancel from the broker (capability consumer_cancel_notify). */
  readonly cancelNotify: boolean;
  /** Publisher confirms to send before the next write to the socket. */
  confirmLater(channel: Channel): void;
  /** Stop reading from this client until memory is freed (RabbitMQ's memory alarm, simplified). */
  publishedOverLimit(): void;
}

interface Unacked {
  entry: QueuedMessage;
  queue: Queue;
  consumer: Consumer | undefined;
}

/** RabbitMQ's max_message_size default (128 MiB): larger bodies are refused before they are buffered. */
export const MAX_MESSAGE_BYTES = 128 * 1024 * 1024;

const DIRECT_REPLY_TO = 'amq.rabbitmq.reply-to';
/** basic.properties flag of reply-to (amqp0-9-1.xml, class basic, 7th property). */
const REPLY_TO_FLAG = 0x0200;

const generatedTag = () => `amq.ctag-${randomBytes(16).toString('base64url')}`;

export class Channel implements ConsumerChannel {
  /** 'closing': the broker sent Channel.Close and waits for CloseOk, ignoring everything else (§2.2.5). */
  state: 'open' | 'closing' = 'open';
  private nextTag = 0;
  private readonly unacked = new Map<number, Unacked>();
  private readonly consumers = new Map<string, Consumer>();
  private prefetchPerConsumer = 0;
  private prefetchChannel = 0;
  private flowActive = true;
  private confirming = false;
  private publishSeq = 0;
  private confirmedUpTo = 0;
  private confirmsPending = 0;
  private lastQueue = '';
  private replyQueue: Queue | undefined;
  // The publish whose content frames are arriving (§4.2.6).
  private publish: { exchange: string; routingKey: string; mandatory: boolean } | undefined;
  private header: Buffer | undefined;
  private bodySize = 0;
  private bodyParts: Buffer[] = [];
  private bodyReceived = 0;

  constructor(
    readonly id: number,
    private readonly host: ChannelHost,
    /** The connection, as owner of exclusive queues. */
    private readonly owner: object,
  ) {}

  get expectingContent(): boolean {
    return this.publish !== undefined;
  }

  method(id: number, args: Buffer): void {
    if (this.publish) {
      throw fail.unexpectedFrame('expected content header for class 60, got non content header frame instead');
    }
    switch (id) {
      case M.BasicPublish:
        return this.startPublish(args);
      case M.BasicAck: {
        if (args.length < 9) throw fail.syntaxError('basic.ack is cut short');
        const tag = Number(args.readBigUInt64BE(0));
        return this.settle(tag, (args[8]! & 1) === 1, 'ack');
      }
    }
    const fields = decode(id, args);
    switch (id) {
      case M.BasicNack:
        return this.settle(num(fields.deliveryTag), bool(fields.multiple), bool(fields.requeue) ? 'requeue' : 'reject');
      case M.BasicReject:
        return this.settle(num(fields.deliveryTag), false, bool(fields.requeue) ? 'requeue' : 'reject');
      case M.BasicQos:
        return this.qos(fields);
      case M.BasicConsume:
        return this.consume(fields);
      case M.BasicCancel:
        return this.cancel(fields);
      case M.BasicGet:
        return this.get(fields);
      case M.BasicRecover:
      case M.BasicRecoverAsync:
        // RabbitMQ redelivers by requeueing; requeue=false it does not implement either.
        if (!bool(fields.requeue)) throw fail.notImplemented('requeue=false');
        this.requeueAll();
        if (id === M.BasicRecover) this.reply(M.BasicRecoverOk, {});
        return;
      case M.ExchangeDeclare:
        this.host.vhost.declareExchange(fields as unknown as ExchangeDeclare);
        if (!bool(fields.nowait)) this.reply(M.ExchangeDeclareOk, {});
        return;
      case M.ExchangeDelete:
        this.host.vhost.deleteExchange(str(fields.exchange), bool(fields.ifUnused));
        if (!bool(fields.nowait)) this.reply(M.ExchangeDeleteOk, {});
        return;
      case M.ExchangeBind:
      case M.ExchangeUnbind:
        throw fail.notImplemented('exchange-to-exchange bindings are not supported by the embedded broker');
      case M.QueueDeclare:
        return this.declareQueue(fields as unknown as QueueDeclare);
      case M.QueueBind:
      case M.QueueUnbind: {
        const queue = this.host.vhost.queue(this.queueName(fields.queue), this.owner);
        const exchange = this.host.vhost.exchange(str(fields.exchange));
        const args = (fields.arguments as Fields | undefined) ?? {};
        if (id === M.QueueBind) {
          this.host.vhost.bind(queue, exchange, str(fields.routingKey), args);
          if (!bool(fields.nowait)) this.reply(M.QueueBindOk, {});
        } else {
          this.host.vhost.unbind(queue, exchange, str(fields.routingKey), args);
          this.reply(M.QueueUnbindOk, {});
        }
        return;
      }
      case M.QueuePurge: {
        const count = this.host.vhost.queue(this.queueName(fields.queue), this.owner).purge();
        if (!bool(fields.nowait)) this.reply(M.QueuePurgeOk, { messageCount: count });
        return;
      }
      case M.QueueDelete:
        return this.deleteQueue(fields);
      case M.ChannelFlow:
        // RabbitMQ does not let clients stop its deliveries this way (active=false).
        if (!bool(fields.active)) throw fail.notImplemented('active=false');
        this.reply(M.ChannelFlowOk, { active: true });
        return;
      case M.ConfirmSelect:
        this.confirming = true;
        if (!bool(fields.nowait)) this.reply(M.ConfirmSelectOk, {});
        return;
      case M.AccessRequest:
        // Deprecated in 0-9-1; RabbitMQ answers with ticket 1 and ignores tickets.
        this.reply(0x001e000b, { ticket: 1 });
        return;
      case M.TxSelect:
      case M.TxCommit:
      case M.TxRollback:
        throw fail.notImplemented('transactions (tx.*) are not supported by the embedded broker');
      default:
        throw fail.commandInvalid(`method ${id >>> 16}/${id & 0xffff} is not allowed on a channel here`);
    }
  }

  /** A content header frame (§4.2.6.1). */
  contentHeader(payload: Buffer): void {
    if (!this.publish || this.header) {
      throw fail.unexpectedFrame('expected method frame, got non method frame instead');
    }
    if (payload.length < 14 || payload.readUInt16BE(0) !== 60) {
      throw fail.frameError('content header is not for class basic (60) or is cut short');
    }
    const size = Number(payload.readBigUInt64BE(4));
    if (size > MAX_MESSAGE_BYTES) {
      throw new AmqpException(
        'PRECONDITION_FAILED',
        `message size ${size} is larger than configured max size ${MAX_MESSAGE_BYTES}`,
        M.BasicPublish,
      );
    }
    this.header = Buffer.from(payload);
    this.bodySize = size;
    if (size === 0) this.completePublish(Buffer.alloc(0));
  }

  /** A content body frame (§4.2.6.2). */
  contentBody(payload: Buffer): void {
    if (!this.publish || !this.header) {
      throw fail.unexpectedFrame('expected method frame, got non method frame instead');
    }
    this.bodyReceived += payload.length;
    if (this.bodyReceived > this.bodySize) {
      throw fail.frameError(`content body is ${this.bodyReceived} bytes, the header said ${this.bodySize}`);
    }
    if (this.bodyReceived === this.bodySize && this.bodyParts.length === 0) {
      this.completePublish(Buffer.from(payload));
      return;
    }
    this.bodyParts.push(Buffer.from(payload));
    if (this.bodyReceived === this.bodySize) this.completePublish(Buffer.concat(this.bodyParts, this.bodySize));
  }

  // ---- ConsumerChannel: what queues call ----

  canTake(consumer: Consumer): boolean {
    if (this.state !== 'open' || !this.flowActive || this.host.congested) return false;
    if (consumer.noAck) return true;
    return (
      (consumer.prefetch === 0 || consumer.unacked < consumer.prefetch) &&
      (this.prefetchChannel === 0 || this.unacked.size < this.prefetchChannel)
    );
  }

  deliver(consumer: Consumer, entry: QueuedMessage, queue: Queue): void {
    const tag = ++this.nextTag;
    this.host.writer.deliver(this.id, consumer.tag, tag, entry.redelivered, entry.message, this.host.frameMax);
    if (consumer.noAck) {
      queue.settled(entry);
      return;
    }
    consumer.unacked++;
    this.unacked.set(tag, { entry, queue, consumer });
  }

  cancelledByBroker(consumer: Consumer): void {
    this.consumers.delete(consumer.tag);
    if (this.host.cancelNotify && this.state === 'open') {
      this.reply(M.BasicCancel, { consumerTag: consumer.tag, nowait: true });
    }
  }

  /** Before a write: the acks for publishes routed since the last one, several in one frame (multiple=true). */
  flushConfirms(): void {
    if (this.confirmsPending === 0) return;
    const multiple = this.confirmsPending > 1;
    this.confirmsPending = 0;
    this.reply(M.BasicAck, { deliveryTag: this.confirmedUpTo, multiple });
  }

  /** The channel ends (either side closed it, or the connection went): consumers go, unacked messages return. */
  close(): void {
    this.flushConfirms();
    this.state = 'closing';
    for (const consumer of this.consumers.values()) consumer.queue.removeConsumer(consumer);
    this.consumers.clear();
    this.requeueAll();
    if (this.replyQueue) this.host.vhost.dropReplyQueue(this.replyQueue);
  }

  /**
   * RabbitMQ's direct reply-to (https://www.rabbitmq.com/docs/direct-reply-to): consuming
   * the pseudo-queue amq.rabbitmq.reply-to without acks gives this channel a private
   * address; publishes from it with reply-to amq.rabbitmq.reply-to carry that address.
   */
  private directReplyQueue(fields: Fields): Queue {
    if (!bool(fields.noAck)) {
      throw new AmqpException('PRECONDITION_FAILED', 'reply consumer cannot acknowledge');
    }
    if (this.replyQueue) throw new AmqpException('PRECONDITION_FAILED', 'reply consumer already set');
    this.replyQueue = this.host.vhost.replyQueue(this.owner);
    return this.replyQueue;
  }

  /** Consumers whose socket drained may take messages again. */
  resume(): void {
    for (const consumer of this.consumers.values()) consumer.queue.dispatch();
  }

  // ---- methods ----

  private startPublish(args: Buffer): void {
    // Decoded by hand: this runs once per message. ticket (short), exchange, routing-key (shortstr), bits.
    let p = 2;
    const exLen = args[p++];
    if (exLen === undefined || p + exLen >= args.length) throw fail.syntaxError('basic.publish is cut short');
    const exchange = args.toString('utf8', p, p + exLen);
    p += exLen;
    const keyLen = args[p++]!;
    if (p + keyLen >= args.length) throw fail.syntaxError('basic.publish is cut short');
    const routingKey = args.toString('utf8', p, p + keyLen);
    const bits = args[p + keyLen]!;
    // RabbitMQ refuses immediate (removed in 3.0) with 540.
    if (bits & 2) throw fail.notImplemented('immediate=true');
    this.publish = { exchange, routingKey, mandatory: (bits & 1) === 1 };
  }

  private completePublish(body: Buffer): void {
    const { exchange, routingKey, mandatory } = this.publish!;
    let message: Message = { exchange, routingKey, header: this.header!, body };
    if (propertyFlags(message) & REPLY_TO_FLAG) message = this.withReplyAddress(message);
    this.publish = undefined;
    this.header = undefined;
    this.bodyParts = [];
    this.bodyReceived = 0;
    const vhost = this.host.vhost;
    let routed: number;
    try {
      routed = vhost.publish(exchange, message);
    } catch (error) {
      if (error instanceof AmqpException) throw withMethod(error, M.BasicPublish);
      throw error;
    }
    if (routed === 0 && mandatory) {
      this.host.writer.methodWithContent(
        this.id,
        M.BasicReturn,
        { replyCode: 312, replyText: 'NO_ROUTE', exchange, routingKey },
        message,
        this.host.frameMax,
      );
    }
    if (this.confirming) {
      this.confirmedUpTo = ++this.publishSeq;
      if (this.confirmsPending++ === 0) this.host.confirmLater(this);
    }
    if (vhost.overLimit) this.host.publishedOverLimit();
  }

  /** reply-to amq.rabbitmq.reply-to becomes this channel's own reply address. */
  private withReplyAddress(message: Message): Message {
    const props = properties(message);
    if (props.replyTo !== DIRECT_REPLY_TO) return message;
    if (!this.replyQueue) {
      throw new AmqpException('PRECONDITION_FAILED', 'fast reply consumer does not exist', M.BasicPublish);
    }
    return withProperties(message, { ...props, replyTo: this.replyQueue.name }, message.exchange, message.routingKey);
  }

  private settle(tag: number, multiple: boolean, action: 'ack' | 'requeue' | 'reject'): void {
    const settled: Unacked[] = [];
    if (multiple) {
      for (const [t, unacked] of this.unacked) {
        if (tag !== 0 && t > tag) break;
        this.unacked.delete(t);
        settled.push(unacked);
      }
      if (settled.length === 0 && tag !== 0) throw fail.unknownDeliveryTag(tag);
    } else {
      const unacked = this.unacked.get(tag);
      if (!unacked) throw fail.unknownDeliveryTag(tag);
      this.unacked.delete(tag);
      settled.push(unacked);
    }
    for (const { consumer } of settled) if (consumer) consumer.unacked--;
    if (action === 'requeue') this.requeue(settled);
    else
      for (const { entry, queue } of settled) {
        if (action === 'ack') queue.settled(entry);
        else queue.reject(entry);
      }
    for (const consumer of this.consumers.values()) consumer.queue.dispatch();
  }

  private requeueAll(): void {
    const all = [...this.unacked.values()];
    this.unacked.clear();
    for (const { consumer } of all) if (consumer) consumer.unacked--;
    this.requeue(all);
  }

  /** Back to their queues, in delivery order, marked redelivered (§1.8.3.9 "redelivered"). */
  private requeue(settled: Unacked[]): void {
    const byQueue = new Map<Queue, QueuedMessage[]>();
    for (const { entry, queue } of settled) {
      const list = byQueue.get(queue);
      if (list) list.push(entry);
      else byQueue.set(queue, [entry]);
    }
    for (const [queue, entries] of byQueue) queue.requeue(entries);
  }

  private qos(fields: Fields): void {
    const size = num(fields.prefetchSize);
    if (size !== 0) throw fail.notImplemented(`prefetch_size!=0 (${size})`);
    if (bool(fields.global)) this.prefetchChannel = num(fields.prefetchCount);
    else this.prefetchPerConsumer = num(fields.prefetchCount);
    this.reply(M.BasicQosOk, {});
    for (const consumer of this.consumers.values()) consumer.queue.dispatch();
  }

  private consume(fields: Fields): void {
    const queue =
      fields.queue === DIRECT_REPLY_TO
        ? this.directReplyQueue(fields)
        : this.host.vhost.queue(this.queueName(fields.queue), this.owner);
    const args = (fields.arguments as Fields | undefined) ?? {};
    if (args['x-priority'] !== undefined) {
      throw fail.notImplemented("consumer argument 'x-priority' is not supported by the embedded broker");
    }
    const tag = str(fields.consumerTag) || generatedTag();
    if (this.consumers.has(tag)) throw fail.consumerTagInUse(tag);
    const exclusive = bool(fields.exclusive);
    if (queue.consumers.some((c) => c.exclusive) || (exclusive && queue.consumers.length > 0)) {
      throw fail.exclusiveUse(queue.name, this.host.vhost.name);
    }
    const consumer = new Consumer(tag, this, queue, bool(fields.noAck), exclusive, this.prefetchPerConsumer);
    this.consumers.set(tag, consumer);
    // ConsumeOk first: deliveries may follow at once, and the client must know the tag (§1.8.3.3).
    if (!bool(fields.nowait)) this.reply(M.BasicConsumeOk, { consumerTag: tag });
    queue.addConsumer(consumer);
  }

  private cancel(fields: Fields): void {
    const tag = str(fields.consumerTag);
    const consumer = this.consumers.get(tag);
    // RabbitMQ answers CancelOk for an unknown tag too.
    if (consumer) {
      this.consumers.delete(tag);
      consumer.queue.removeConsumer(consumer);
    }
    if (!bool(fields.nowait)) this.reply(M.BasicCancelOk, { consumerTag: tag });
  }

  private get(fields: Fields): void {
    const queue = this.host.vhost.queue(this.queueName(fields.queue), this.owner);
    const entry = queue.take();
    if (!entry) {
      this.reply(M.BasicGetEmpty, { clusterId: '' });
      return;
    }
    const tag = ++this.nextTag;
    const { message } = entry;
    this.host.writer.methodWithContent(
      this.id,
      M.BasicGetOk,
      {
        deliveryTag: tag,
        redelivered: entry.redelivered,
        exchange: message.exchange,
        routingKey: message.routingKey,
        messageCount: queue.ready,
      },
      message,
      this.host.frameMax,
    );
    if (bool(fields.noAck)) queue.settled(entry);
    else this.unacked.set(tag, { entry, queue, consumer: undefined });
  }

  private declareQueue(d: QueueDeclare): void {
    const { queue } = this.host.vhost.declareQueue({ ...d, arguments: d.arguments ?? {} }, this.owner);
    this.lastQueue = queue.name;
    if (!d.nowait) {
      this.reply(M.QueueDeclareOk, {
        queue: queue.name,
        messageCount: queue.ready,
        consumerCount: queue.consumers.length,
      });
    }
  }

  private deleteQueue(fields: Fields): void {
    const vhost = this.host.vhost;
    const name = this.queueName(fields.queue);
    const queue = vhost.queues.get(name);
    let count = 0;
    // Deleting a queue that is not there succeeds in RabbitMQ 3.x (delete is idempotent).
    if (queue) {
      vhost.queue(name, this.owner);
      if (bool(fields.ifUnused) && queue.consumers.length > 0) throw fail.inUse(name, vhost.name);
      if (bool(fields.ifEmpty) && queue.ready > 0) throw fail.notEmpty(name, vhost.name);
      count = vhost.deleteQueue(queue);
    }
    if (!bool(fields.nowait)) this.reply(M.QueueDeleteOk, { messageCount: count });
  }

  /** An empty queue name means the queue last declared on this channel (amqp0-9-1.xml, domain queue-name). */
  private queueName(value: unknown): string {
    const name = str(value);
    if (name !== '') return name;
    if (this.lastQueue === '') throw new AmqpException('NOT_FOUND', 'no previously declared queue');
    return this.lastQueue;
  }

  private reply(id: number, fields: Fields): void {
    this.host.writer.method(this.id, id, fields);
  }
}

function decode(id: number, args: Buffer): Fields {
  try {
    return amqplibCodec().defs.decode(id, args);
  } catch (error) {
    const known = (error as Error).message === 'Unknown class/method ID';
    if (known) throw fail.notImplemented(`unknown method ${id >>> 16}/${id & 0xffff}`);
    throw fail.syntaxError(`method arguments cannot be decoded: ${(error as Error).message}`);
  }
}

function withMethod(error: AmqpException, methodId: number): AmqpException {
  if (error.methodId !== 0) return error;
  const copy = new AmqpException('INTERNAL_ERROR', '', methodId, error.hard);
  return Object.assign(copy, { code: error.code, message: error.message });
}

const num = (value: unknown) => (typeof value === 'number' ? value : Number(value ?? 0));
const bool = (value: unknown) => value === true;
const str = (value: unknown) => (typeof value === 'string' ? value : '');
