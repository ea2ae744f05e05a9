/**
 * Queue.Declare arguments: RabbitMQ's checks (rabbit_amqqueue:declare_args/0) and its
 * equivalence rule for a second declaration (rabbit_misc:assert_args_equivalence), worded
 * as RabbitMQ words them. Arguments RabbitMQ acts on but this broker does not implement
 * are refused with 540 NOT_IMPLEMENTED, never ignored.
 */
import type { Fields } from './codec.js';
import { fail, type AmqpException } from './errors.js';
import type { QueueOptions } from './queue.js';

type Parsed = Pick<
  QueueOptions,
  'messageTtl' | 'maxLength' | 'expires' | 'deadLetterExchange' | 'deadLetterRoutingKey'
>;

/** Arguments compared on re-declaration, as RabbitMQ 3.x does. */
const COMPARED = [
  'x-message-ttl',
  'x-expires',
  'x-max-length',
  'x-dead-letter-exchange',
  'x-dead-letter-routing-key',
  'x-max-length-bytes',
  'x-max-priority',
  'x-overflow',
  'x-queue-type',
  'x-single-active-consumer',
];

/** Accepted values that change nothing here (what RabbitMQ does by default anyway). */
const HARMLESS: Record<string, (value: unknown) => boolean> = {
  'x-queue-type': (value) => value === 'classic',
  'x-overflow': (value) => value === 'drop-head',
  'x-single-active-consumer': (value) => value === false,
  'x-queue-mode': () => true,
  'x-queue-master-locator': () => true,
  'x-queue-version': () => true,
};

const NOT_IMPLEMENTED = [
  'x-max-length-bytes',
  'x-max-priority',
  'x-overflow',
  'x-queue-type',
  'x-single-active-consumer',
  'x-delivery-limit',
  'x-dead-letter-strategy',
];

/** RabbitMQ's name of a table value's type, as amqplib would have encoded it. */
export function typeName(value: unknown): string {
  if (typeof value === 'string') return 'longstr';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) return 'double';
    if (value >= -128 && value < 128) return 'byte';
    if (value >= -0x8000 && value < 0x8000) return 'short';
    if (value >= -0x80000000 && value < 0x80000000) return 'signedint';
    return 'long';
  }
  if (Array.isArray(value)) return 'array';
  if (value === null || value === undefined) return 'void';
  if (Buffer.isBuffer(value)) return 'binary';
  return 'table';
}

export function parseQueueArgs(queue: string, vhost: string, args: Fields): Parsed | AmqpException {
  for (const key of NOT_IMPLEMENTED) {
    if (args[key] !== undefined && !HARMLESS[key]?.(args[key])) {
      return fail.notImplemented(`queue argument '${key}' is not supported by the embedded broker`);
    }
  }
  const integer = (key: string, min: number): number | AmqpException | undefined => {
    const value = args[key];
    if (value === undefined) return undefined;
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      return fail.invalidArg(queue, vhost, key, `"expected integer, got ${typeName(value)}"`);
    }
    if (value < min) {
      return fail.invalidArg(queue, vhost, key, `{${value < 0 ? 'value_negative' : 'value_zero'},${value}}`);
    }
    return value;
  };
  const text = (key: string): string | AmqpException | undefined => {
    const value = args[key];
    if (value === undefined) return undefined;
    if (typeof value !== 'string') {
      return fail.invalidArgType(queue, vhost, key, typeName(value));
    }
    return value;
  };
  const messageTtl = integer('x-message-ttl', 0);
  const expires = integer('x-expires', 1);
  const maxLength = integer('x-max-length', 0);
  const deadLetterExchange = text('x-dead-letter-exchange');
  const deadLetterRoutingKey = text('x-dead-letter-routing-key');
  for (const value of [messageTtl, expires, maxLength, deadLetterExchange, deadLetterRoutingKey]) {
    if (typeof value === 'object') return value;
  }
  if (deadLetterRoutingKey !== undefined && deadLetterExchange === undefined) {
    return fail.invalidArg(
      queue,
      vhost,
      'x-dead-letter-routing-key',
      'Key x-dead-letter-routing-key should be specified together with x-dead-letter-exchange',
    );
  }
  return {
    messageTtl: messageTtl as number | undefined,
    expires: expires as number | undefined,
    maxLength: maxLength as number | undefined,
    deadLetterExchange: deadLetterExchange as string | undefined,
    deadLetterRoutingKey: deadLetterRoutingKey as string | undefined,
  };
}

/** The first difference between two declarations of a queue, as RabbitMQ reports it. */
export function queueMismatch(
  name: string,
  vhost: string,
  current: QueueOptions,
  wanted: Pick<QueueOptions, 'durable' | 'autoDelete' | 'args'>,
): AmqpException | undefined {
  if (current.durable !== wanted.durable) {
    return fail.inequivalent('queue', name, vhost, 'durable', `'${wanted.durable}'`, `'${current.durable}'`);
  }
  if (current.autoDelete !== wanted.autoDelete) {
    return fail.inequivalent('queue', name, vhost, 'auto_delete', `'${wanted.autoDelete}'`, `'${current.autoDelete}'`);
  }
  for (const key of COMPARED) {
    const was = current.args[key];
    const now = wanted.args[key];
    if (was === undefined && now === undefined) continue;
    if (was !== undefined && now !== undefined && String(was) === String(now)) continue;
    // RabbitMQ names the type only when one side has no value at all.
    if (was !== undefined && now !== undefined) {
      return fail.inequivalent('queue', name, vhost, key, `'${String(now)}'`, `'${String(was)}'`);
    }
    const received = now === undefined ? 'none' : `the value '${String(now)}' of type '${typeName(now)}'`;
    const before = was === undefined ? 'none' : `the value '${String(was)}' of type '${typeName(was)}'`;
    return fail.inequivalent('queue', name, vhost, key, received, before);
  }
  return undefined;
}
