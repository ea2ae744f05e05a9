/**
 * The broker's view of amqplib's generated AMQP 0-9-1 codec (lib/defs.js, lib/codec.js).
 *
 * amqplib generates both from RabbitMQ's amqp0-9-1 XML, so the broker decodes exactly
 * what a client encodes and encodes exactly what a client decodes. amqplib exports only
 * its entry points; an absolute path next to the resolved entry is not subject to
 * "exports" (as in demos/wire/amqp-fields.ts). Loaded on first use: `--help` stays light.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type Fields = Record<string, unknown>;

interface Defs {
  decode(id: number, args: Buffer): Fields;
  /** A whole method frame (type, channel, size, payload, frame-end) for channel `channel`. */
  encodeMethod(id: number, channel: number, fields: Fields): Buffer;
  /** A whole content header frame (§4.2.6.1). */
  encodeProperties(id: number, channel: number, size: number, fields: Fields): Buffer;
}

interface Codec {
  encodeTable(buffer: Buffer, value: Fields, offset: number): number;
  decodeFields(slice: Buffer): Fields;
}

let loaded: { defs: Defs; codec: Codec } | undefined;

export function amqplibCodec(): { defs: Defs; codec: Codec } {
  if (!loaded) {
    const require = createRequire(import.meta.url);
    const lib = join(dirname(require.resolve('amqplib')), 'lib');
    loaded = { defs: require(join(lib, 'defs.js')) as Defs, codec: require(join(lib, 'codec.js')) as Codec };
  }
  return loaded;
}

/** Method ids (class-id << 16 | method-id), amqp0-9-1.xml plus RabbitMQ's Confirm class (85). */
export const M = {
  ConnectionStart: 0x000a000a,
  ConnectionStartOk: 0x000a000b,
  ConnectionSecure: 0x000a0014,
  ConnectionSecureOk: 0x000a0015,
  ConnectionTune: 0x000a001e,
  ConnectionTuneOk: 0x000a001f,
  ConnectionOpen: 0x000a0028,
  ConnectionOpenOk: 0x000a0029,
  ConnectionClose: 0x000a0032,
  ConnectionCloseOk: 0x000a0033,
  ConnectionBlocked: 0x000a003c,
  ConnectionUnblocked: 0x000a003d,
  ConnectionUpdateSecret: 0x000a0046,
  ChannelOpen: 0x0014000a,
  ChannelOpenOk: 0x0014000b,
  ChannelFlow: 0x00140014,
  ChannelFlowOk: 0x00140015,
  ChannelClose: 0x00140028,
  ChannelCloseOk: 0x00140029,
  AccessRequest: 0x001e000a,
  ExchangeDeclare: 0x0028000a,
  ExchangeDeclareOk: 0x0028000b,
  ExchangeDelete: 0x00280014,
  ExchangeDeleteOk: 0x00280015,
  ExchangeBind: 0x0028001e,
  ExchangeUnbind: 0x00280028,
  QueueDeclare: 0x0032000a,
  QueueDeclareOk: 0x0032000b,
  QueueBind: 0x00320014,
  QueueBindOk: 0x00320015,
  QueuePurge: 0x0032001e,
  QueuePurgeOk: 0x0032001f,
  QueueDelete: 0x00320028,
  QueueDeleteOk: 0x00320029,
  QueueUnbind: 0x00320032,
  QueueUnbindOk: 0x00320033,
  BasicQos: 0x003c000a,
  BasicQosOk: 0x003c000b,
  BasicConsume: 0x003c0014,
  BasicConsumeOk: 0x003c0015,
  BasicCancel: 0x003c001e,
  BasicCancelOk: 0x003c001f,
  BasicPublish: 0x003c0028,
  BasicReturn: 0x003c0032,
  BasicDeliver: 0x003c003c,
  BasicGet: 0x003c0046,
  BasicGetOk: 0x003c0047,
  BasicGetEmpty: 0x003c0048,
  BasicAck: 0x003c0050,
  BasicReject: 0x003c005a,
  BasicRecoverAsync: 0x003c0064,
  BasicRecover: 0x003c006e,
  BasicRecoverOk: 0x003c006f,
  BasicNack: 0x003c0078,
  TxSelect: 0x005a000a,
  TxCommit: 0x005a0014,
  TxRollback: 0x005a001e,
  ConfirmSelect: 0x0055000a,
  ConfirmSelectOk: 0x0055000b,
} as const;

/** "basic.publish" as RabbitMQ names methods in its error texts. */
export function methodName(id: number): string {
  const entry = Object.entries(M).find(([, value]) => value === id);
  if (!entry) return `method ${id >>> 16}/${id & 0xffff}`;
  return entry[0]
    .replace(/^(Connection|Channel|Access|Exchange|Queue|Basic|Tx|Confirm)/, '$1.')
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .toLowerCase();
}
