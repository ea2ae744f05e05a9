import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createAmqpFrameDecoder, type AmqpFrameItem } from '../../demos/wire/amqp-frames.js';
import { amqpMethodSummary } from '../utils/amqp-summary.js';

type Dir = 'up' | 'down';

// amqplib's encoder builds reference frames; its "exports" map hides lib/, hence the path.
const require = createRequire(import.meta.url);
const amqplibDir = dirname(require.resolve('amqplib'));
const defs = require(join(amqplibDir, 'lib', 'defs.js'));
const { makeBodyFrame } = require(join(amqplibDir, 'lib', 'frame.js'));

const PROTOCOL_HEADER = Buffer.from('414d515000000901', 'hex');
const HEARTBEAT = Buffer.from('08' + '0000' + '00000000' + 'ce', 'hex');
const BODY = '{"title":"Dune","author":"Frank Herbert"}';

function publishFrames(): Buffer {
  return Buffer.concat([
    defs.encodeMethod(defs.BasicPublish, 1, { exchange: 'orders', routingKey: 'book.added' }),
    defs.encodeProperties(defs.BasicProperties, 1, Buffer.byteLength(BODY), {
      contentType: 'application/json',
      deliveryMode: 2,
      correlationId: 'c-1',
      headers: { 'x-origin': 'test', raw: Buffer.from([0, 1, 2]) },
    }),
    makeBodyFrame(1, Buffer.from(BODY)),
  ]);
}

function decode(chunks: Array<[Dir, Buffer]>): AmqpFrameItem[] {
  const items: AmqpFrameItem[] = [];
  const decoder = createAmqpFrameDecoder(7, (item) => items.push(item));
  for (const [direction, chunk] of chunks) decoder.push(direction, chunk, 1);
  decoder.end(2);
  return items;
}

describe('AMQP 0-9-1 frame decoder', () => {
  it('when the client sends the protocol header then one protocol-header item says 0-9-1', () => {
    const items = decode([['up', PROTOCOL_HEADER]]);
    assert.deepEqual(items, [
      {
        kind: 'amqp-frame',
        connection: 7,
        at: 1,
        direction: 'up',
        frameType: 'protocol-header',
        channel: 0,
        wireBytes: 8,
        fields: { protocol: 'AMQP', protocolId: 0, major: 0, minor: 9, revision: 1 },
      },
    ]);
    assert.equal(amqpMethodSummary(items[0]!), 'protocol header AMQP 0-9-1');
  });

  it('when a heartbeat frame arrives then it is a heartbeat on channel 0 of 8 bytes', () => {
    const items = decode([['down', HEARTBEAT]]);
    assert.deepEqual(items, [
      { kind: 'amqp-frame', connection: 7, at: 1, direction: 'down', frameType: 'heartbeat', channel: 0, wireBytes: 8 },
    ]);
    assert.equal(amqpMethodSummary(items[0]!), 'heartbeat');
  });

  it('when a hand-written Basic.Ack frame arrives then the delivery tag is decoded', () => {
    // type 1, channel 1, size 13 | class 60, method 80, delivery-tag 42, multiple=0 | frame-end
    const ack = Buffer.from('01' + '0001' + '0000000d' + '003c' + '0050' + '000000000000002a' + '00' + 'ce', 'hex');
    const [, item] = decode([['up', Buffer.concat([PROTOCOL_HEADER, ack])]]);
    assert.equal(item?.method, 'Basic.Ack');
    assert.equal(item?.channel, 1);
    assert.equal(item?.wireBytes, 21);
    assert.deepEqual(item?.fields, { deliveryTag: 42, multiple: false });
    assert.equal(amqpMethodSummary(item!), 'Basic.Ack deliveryTag=42');
  });

  it('when a Basic.Publish with header and body arrives then method, properties and body are decoded', () => {
    const items = decode([['up', Buffer.concat([PROTOCOL_HEADER, publishFrames()])]]);
    const [, publish, header, body] = items;
    assert.equal(items.length, 4);
    assert.equal(publish?.method, 'Basic.Publish');
    assert.equal(publish?.fields?.exchange, 'orders');
    assert.equal(publish?.fields?.routingKey, 'book.added');
    assert.equal(header?.frameType, 'header');
    assert.equal(header?.bodySize, Buffer.byteLength(BODY));
    assert.deepEqual(header?.properties, {
      contentType: 'application/json',
      deliveryMode: 2,
      correlationId: 'c-1',
      headers: { 'x-origin': 'test', raw: { base64: 'AAEC' } },
    });
    assert.equal(body?.body, BODY);
    assert.equal(body?.wireBytes, 8 + Buffer.byteLength(BODY));
    assert.deepEqual(JSON.parse(JSON.stringify(items)), items, 'items are plain JSON data');
    assert.equal(amqpMethodSummary(publish!), 'Basic.Publish exchange=orders routingKey=book.added');
    assert.equal(
      amqpMethodSummary(header!),
      'content header bodySize=41 contentType=application/json deliveryMode=2 correlationId=c-1',
    );
    assert.equal(amqpMethodSummary(body!), `body 41 bytes: ${BODY}`);
  });

  it('when the input is split at every byte boundary then the items are the same', () => {
    const stream = Buffer.concat([PROTOCOL_HEADER, publishFrames(), HEARTBEAT, publishFrames()]);
    const whole = decode([['up', stream]]);
    assert.equal(whole.length, 8);
    for (let cut = 1; cut < stream.length; cut++) {
      const split = decode([
        ['up', stream.subarray(0, cut)],
        ['up', stream.subarray(cut)],
      ]);
      assert.deepEqual(split, whole, `cut at byte ${cut}`);
    }
    const byteByByte = decode([...stream].map((byte): [Dir, Buffer] => ['up', Buffer.from([byte])]));
    assert.deepEqual(byteByByte, whole);
  });

  it('when both directions interleave mid-frame then each keeps its own state', () => {
    const up = Buffer.concat([PROTOCOL_HEADER, publishFrames()]);
    const items = decode([
      ['up', up.subarray(0, 20)],
      ['down', HEARTBEAT.subarray(0, 3)],
      ['up', up.subarray(20)],
      ['down', HEARTBEAT.subarray(3)],
    ]);
    assert.deepEqual(
      items.map((i) => `${i.direction} ${i.frameType}`),
      ['up protocol-header', 'up method', 'up header', 'up body', 'down heartbeat'],
    );
  });

  it('when a frame claims a 4 GiB payload then it is reported after 7 bytes and nothing is buffered', () => {
    const items: AmqpFrameItem[] = [];
    const decoder = createAmqpFrameDecoder(1, (item) => items.push(item));
    decoder.push('down', Buffer.from('03' + '0001' + 'ffffffff', 'hex'), 1);
    assert.equal(items.length, 1);
    assert.match(items[0]!.error ?? '', /4294967295 payload bytes/);
    assert.equal(items[0]!.frameType, 'body');
    decoder.push('down', Buffer.alloc(1024 * 1024), 2);
    decoder.end(3);
    assert.equal(items.length, 1, 'the abandoned direction stays silent');
  });

  it('when garbage arrives then it is reported once, every byte is accounted for and nothing throws', () => {
    const cases: Array<[Dir, string, RegExp]> = [
      ['up', Buffer.from('GET / HTTP/1.1\r\n\r\n').toString('hex'), /protocol header/],
      ['down', '09' + '0000' + '00000000' + 'ce', /unknown frame type 9/],
      ['down', '08' + '0000' + '00000000' + '00', /frame-end is 0x0/],
    ];
    for (const [direction, hex, reason] of cases) {
      const items = decode([
        [direction, Buffer.from(hex, 'hex')],
        [direction, HEARTBEAT],
      ]);
      assert.equal(items.length, 1, hex);
      assert.match(items[0]!.error ?? '', reason);
    }
    for (let round = 0; round < 500; round++) {
      const noise = randomBytes(1 + (round % 64));
      const input = { up: Buffer.concat([PROTOCOL_HEADER, noise]), down: noise };
      const items = decode([
        ['up', input.up],
        ['down', input.down],
      ]);
      for (const direction of ['up', 'down'] as const) {
        // Every byte is accounted for exactly once: in a frame, an error item or the pending tail.
        const accounted = items.filter((i) => i.direction === direction).reduce((sum, i) => sum + i.wireBytes, 0);
        assert.equal(accounted, input[direction].length, `${direction}: ${noise.toString('hex')}`);
      }
    }
  });

  it('when a method payload cannot be decoded then that item has an error and decoding goes on', () => {
    const unknown = Buffer.from('01' + '0000' + '00000004' + '00ff' + '0001' + 'ce', 'hex');
    const items = decode([['down', Buffer.concat([unknown, HEARTBEAT])]]);
    assert.equal(items[0]?.method, '255.1');
    assert.match(items[0]?.error ?? '', /cannot decode/);
    assert.equal(items[1]?.frameType, 'heartbeat');
  });

  it('when the connection closes mid-frame then the pending bytes are reported', () => {
    const items = decode([['up', Buffer.concat([PROTOCOL_HEADER, publishFrames().subarray(0, 10)])]]);
    assert.equal(items.length, 2);
    assert.equal(items[1]?.wireBytes, 10);
    assert.match(items[1]?.error ?? '', /closed with 10 bytes/);
  });

  it('when Connection.StartOk carries a PLAIN password then the trace shows the user but not the password', () => {
    const startOk = defs.encodeMethod(defs.ConnectionStartOk, 0, {
      clientProperties: { product: 'awt-demo' },
      mechanism: 'PLAIN',
      response: Buffer.from('\0reader\0s3cret'),
      locale: 'en_US',
    });
    const [item] = decode([['up', Buffer.concat([PROTOCOL_HEADER, startOk])]]).slice(1);
    assert.equal(item?.fields?.response, '\u2400reader\u2400<redacted>');
    assert.doesNotMatch(JSON.stringify(item), /s3cret/);
  });

  it('when a publish goes to the default exchange then the summary shows exchange=""', () => {
    const frame = defs.encodeMethod(defs.BasicPublish, 1, { exchange: '', routingKey: 'books' });
    const [, item] = decode([['up', Buffer.concat([PROTOCOL_HEADER, frame])]]);
    assert.equal(amqpMethodSummary(item!), 'Basic.Publish exchange="" routingKey=books');
  });
});
