/**
 * The exceptions the broker raises, with the reply codes of amqp0-9-1.xml and reply texts
 * worded like RabbitMQ's (rabbit_channel.erl, rabbit_amqqueue.erl): "NOT_FOUND - no queue
 * 'x' in vhost '/'". Soft errors close the channel (Channel.Close), hard errors the whole
 * connection (Connection.Close), as the spec's constants say (§1.3 of amqp0-9-1.xml).
 */

export const REPLY = {
  SUCCESS: 200,
  NO_ROUTE: 312,
  CONNECTION_FORCED: 320,
  ACCESS_REFUSED: 403,
  NOT_FOUND: 404,
  RESOURCE_LOCKED: 405,
  PRECONDITION_FAILED: 406,
  FRAME_ERROR: 501,
  SYNTAX_ERROR: 502,
  COMMAND_INVALID: 503,
  CHANNEL_ERROR: 504,
  UNEXPECTED_FRAME: 505,
  RESOURCE_ERROR: 506,
  NOT_ALLOWED: 530,
  NOT_IMPLEMENTED: 540,
  INTERNAL_ERROR: 541,
} as const;

type ReplyName = keyof typeof REPLY;

/** Channel-level ("soft") codes; every other error code closes the connection. */
const SOFT = new Set<number>([311, 312, 313, 403, 404, 405, 406]);

export class AmqpException extends Error {
  readonly code: number;
  /** The method that failed (class-id << 16 | method-id), 0 when no method is to blame. */
  readonly methodId: number;
  readonly hard: boolean;

  constructor(name: ReplyName, detail: string, methodId = 0, hard?: boolean) {
    // Reply texts are shortstr (max 255 bytes): RabbitMQ cuts them too.
    super(cut(`${name} - ${detail}`, 255));
    this.code = REPLY[name];
    this.methodId = methodId;
    this.hard = hard ?? !SOFT.has(this.code);
  }
}

function cut(text: string, bytes: number): string {
  if (Buffer.byteLength(text) <= bytes) return text;
  let out = text;
  while (Buffer.byteLength(out) > bytes - 3) out = out.slice(0, -1);
  return `${out}...`;
}

const vhostOf = (vhost: string) => `in vhost '${vhost}'`;

/** The error factories: one per mistake, worded like RabbitMQ 3.x. */
export const fail = {
  noExchange: (name: string, vhost: string) =>
    new AmqpException('NOT_FOUND', `no exchange '${name}' ${vhostOf(vhost)}`),
  noQueue: (name: string, vhost: string) => new AmqpException('NOT_FOUND', `no queue '${name}' ${vhostOf(vhost)}`),
  reservedName: (kind: 'queue' | 'exchange', name: string) =>
    new AmqpException('ACCESS_REFUSED', `${kind} name '${name}' contains reserved prefix 'amq.*'`),
  defaultExchange: () => new AmqpException('ACCESS_REFUSED', 'operation not permitted on the default exchange'),
  inequivalent: (
    kind: 'queue' | 'exchange',
    name: string,
    vhost: string,
    arg: string,
    received: string,
    current: string,
  ) =>
    new AmqpException(
      'PRECONDITION_FAILED',
      `inequivalent arg '${arg}' for ${kind} '${name}' ${vhostOf(vhost)}: received ${received} but current is ${current}`,
    ),
  invalidArg: (name: string, vhost: string, arg: string, why: string) =>
    new AmqpException('PRECONDITION_FAILED', `invalid arg '${arg}' for queue '${name}' ${vhostOf(vhost)}: ${why}`),
  invalidArgType: (name: string, vhost: string, arg: string, type: string) =>
    new AmqpException(
      'PRECONDITION_FAILED',
      `invalid type '${type}' for arg '${arg}' in queue '${name}' ${vhostOf(vhost)}`,
    ),
  locked: (name: string, vhost: string) =>
    new AmqpException(
      'RESOURCE_LOCKED',
      `cannot obtain exclusive access to locked queue '${name}' ${vhostOf(vhost)}. It could be originally declared on another connection or the exclusive property value does not match that of the original declaration.`,
    ),
  exclusiveUse: (name: string, vhost: string) =>
    new AmqpException('ACCESS_REFUSED', `queue '${name}' ${vhostOf(vhost)} in exclusive use`),
  inUse: (name: string, vhost: string) =>
    new AmqpException('PRECONDITION_FAILED', `queue '${name}' ${vhostOf(vhost)} in use`),
  notEmpty: (name: string, vhost: string) =>
    new AmqpException('PRECONDITION_FAILED', `queue '${name}' ${vhostOf(vhost)} not empty`),
  unknownDeliveryTag: (tag: number) => new AmqpException('PRECONDITION_FAILED', `unknown delivery tag ${tag}`),
  invalidExchangeType: (type: string) => new AmqpException('COMMAND_INVALID', `invalid exchange type '${type}'`),
  consumerTagInUse: (tag: string) => new AmqpException('NOT_ALLOWED', `attempt to reuse consumer tag '${tag}'`),
  unknownConsumer: (tag: string) => new AmqpException('NOT_FOUND', `unknown consumer tag '${tag}'`),
  /** 540: what this broker does not do is refused out loud, never ignored. */
  notImplemented: (what: string) => new AmqpException('NOT_IMPLEMENTED', what),
  channelNotOpen: (channel: number, methodId: number) =>
    new AmqpException('CHANNEL_ERROR', `expected 'channel.open' on channel ${channel}`, methodId),
  channelReopened: (channel: number) =>
    new AmqpException('CHANNEL_ERROR', `second 'channel.open' seen on channel ${channel}`, 0x0014000a),
  channelMax: (channel: number, max: number) =>
    new AmqpException('NOT_ALLOWED', `channel ${channel} is above channel_max (${max})`, 0x0014000a),
  unexpectedFrame: (what: string) => new AmqpException('UNEXPECTED_FRAME', what),
  frameError: (what: string) => new AmqpException('FRAME_ERROR', what),
  syntaxError: (what: string) => new AmqpException('SYNTAX_ERROR', what),
  commandInvalid: (what: string) => new AmqpException('COMMAND_INVALID', what),
  loginRefused: (mechanism: string) =>
    new AmqpException(
      'ACCESS_REFUSED',
      `Login was refused using authentication mechanism ${mechanism}. For details see the broker logfile.`,
    ),
  notAllowed: (what: string) => new AmqpException('NOT_ALLOWED', what),
  noVhost: (vhost: string) => new AmqpException('NOT_ALLOWED', `vhost ${vhost} not found`),
  internal: (what: string) => new AmqpException('INTERNAL_ERROR', what),
};
