/**
 * The embedded broker against RabbitMQ: every mq step runs on both, and the frames the
 * tap decoded must match once what legitimately differs is normalised away: the server's
 * properties in Connection.Start, generated names (amq.gen-…, amq.ctag-…, the run's own
 * prefix), times, and the x-death timestamp. Frames are compared per connection, channel
 * and direction, because the order between connections is the scheduler's, not the broker's.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { demo } from '../../demos/mq/demo.js';
import { partyOf } from '../../demos/mq/frames.js';
import type { AmqpFrameItem } from '../../demos/wire/amqp-frames.js';
import { runMqStep } from '../utils/mq.js';

/**
 * Steps where RabbitMQ's own order is not deterministic: which worker gets which order
 * depends on how fast each acks, so deliveries and acks are compared as one set over all
 * workers, and everything else per connection.
 */
const RACY = new Set(['work-queue', 'fault-tolerance']);

const GENERATED = [
  [/amq\.gen-[A-Za-z0-9_-]{22}/g, 'amq.gen-*'],
  [/amq\.ctag-[A-Za-z0-9_-]{22}/g, 'amq.ctag-*'],
  [/awt-[0-9a-f]{6}\./g, 'awt-RUN.'],
  // The rpc step's correlation-id is random per run.
  [/quote-[0-9a-f]{8}/g, 'quote-*'],
] as const;

function normaliseText(text: string): string {
  return GENERATED.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), text);
}

/** A frame as comparable text: no times, no connection numbers, no server identity. */
function describeFrame(frame: AmqpFrameItem, keepTags = true): string {
  const what = frame.method ?? frame.frameType;
  let fields: Record<string, unknown> | undefined = frame.fields;
  if (frame.method === 'Connection.Start' || frame.method === 'Connection.StartOk') fields = undefined;
  if (!keepTags && fields) fields = { ...fields, deliveryTag: undefined };
  const properties = frame.properties && withoutDeathTime(frame.properties);
  return normaliseText(
    JSON.stringify({ dir: frame.direction, ch: frame.channel, what, fields, properties, body: frame.body }),
  );
}

function withoutDeathTime(properties: Record<string, unknown>): Record<string, unknown> {
  const headers = properties.headers as Record<string, unknown> | undefined;
  const deaths = headers?.['x-death'];
  if (!Array.isArray(deaths)) return properties;
  return {
    ...properties,
    headers: { ...headers, 'x-death': deaths.map((d: Record<string, unknown>) => ({ ...d, time: '*' })) },
  };
}

/**
 * Publisher confirms: RabbitMQ may ack several publishes with one multiple=true frame or
 * one frame each, as its timing falls. What must agree is which sequence numbers were
 * confirmed, so acks from the broker on a confirm channel become one entry per number.
 */
function expandConfirms(frames: AmqpFrameItem[]): string[] {
  const out: string[] = [];
  const confirmedUpTo = new Map<string, number>();
  const confirmChannels = new Set<string>();
  for (const frame of frames) {
    const key = `${partyOf(frame)}/${frame.channel}`;
    if (frame.method === 'Confirm.Select') confirmChannels.add(key);
    if (frame.method === 'Basic.Ack' && frame.direction === 'down' && confirmChannels.has(key)) {
      const tag = Number(frame.fields?.deliveryTag);
      const from = frame.fields?.multiple ? (confirmedUpTo.get(key) ?? 0) + 1 : tag;
      for (let n = from; n <= tag; n++) out.push(`${key} confirmed ${n}`);
      confirmedUpTo.set(key, Math.max(tag, confirmedUpTo.get(key) ?? 0));
      continue;
    }
    out.push(`${key} ${describeFrame(frame)}`);
  }
  return out;
}

/** Per connection, channel and direction: the normalised frames in order. */
function byStream(frames: AmqpFrameItem[]): Record<string, string[]> {
  const streams: Record<string, string[]> = {};
  const relevant = frames.filter((f) => f.frameType !== 'heartbeat');
  for (const line of expandConfirms(relevant)) {
    const [stream] = line.split(' ', 1);
    const dir = /"dir":"(up|down)"/.exec(line)?.[1] ?? 'down';
    (streams[`${stream} ${dir}`] ??= []).push(line);
  }
  return streams;
}

const CONTENT = new Set(['Basic.Deliver', 'Basic.Ack', 'header', 'body']);

const bodies = (frames: AmqpFrameItem[]) =>
  frames.filter((f) => f.frameType === 'body' && f.direction === 'down').map((f) => f.body);

function racyView(frames: AmqpFrameItem[]) {
  const relevant = frames.filter((f) => f.frameType !== 'heartbeat');
  const perParty = relevant.filter((f) => !CONTENT.has(f.method ?? f.frameType) || !f.party?.name.includes('1'));
  const others = relevant.filter((f) => f.party?.role === 'consumer');
  return {
    // The producer's side is deterministic: every frame in order.
    producers: byStream(perParty.filter((f) => f.party?.role === 'producer')),
    // Over all workers: which orders were delivered (bodies), how often, and how many acks went
    // up. Which order a crashing worker still held, and so which one comes twice, is timing.
    delivered: [...new Set(bodies(others))].sort(),
    deliveries: bodies(others).length,
    acks: others.filter((f) => f.method === 'Basic.Ack' && f.direction === 'up').length,
    redelivered: others.filter((f) => f.method === 'Basic.Deliver' && f.fields?.redelivered === true).length,
    setUp: byStream(others.filter((f) => !CONTENT.has(f.method ?? f.frameType) && !/Close/.test(f.method ?? ''))),
  };
}

describe('the embedded broker answers every mq step as RabbitMQ does', () => {
  for (const step of demo.steps) {
    test(`when the ${step.id} step runs on both brokers then the frames match${RACY.has(step.id) ? ' (deliveries as a set: RabbitMQ picks workers by timing)' : ''}`, async () => {
      const rabbit = await runMqStep(step.id, 'en', 'rabbitmq');
      const embedded = await runMqStep(step.id, 'en', 'embedded');
      if (RACY.has(step.id)) {
        assert.deepEqual(racyView(embedded.frames), racyView(rabbit.frames));
      } else {
        assert.deepEqual(byStream(embedded.frames), byStream(rabbit.frames));
      }
      // The durability step adds one fact on the embedded broker: it has no disk (see steps/durability.ts).
      assert.equal(embedded.facts.length, rabbit.facts.length + (step.id === 'durability' ? 1 : 0));
    });
  }
});
