import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Direction } from '../../demos/wire/decoder.js';
import {
  createWebSocketFrameDecoder,
  websocketAccept,
  WEBSOCKET_VIOLATIONS,
  type WebSocketViolation,
  type WebSocketWireItem,
} from '../../demos/wire/websocket-frames.js';
import {
  decodeWs,
  decodeWsList,
  encodeFrame,
  framesOf,
  garbage,
  hex,
  onlyFrame,
  pick,
  type Chunk,
} from '../utils/websocket-bytes.js';

// RFC 6455 §5.7 examples, byte for byte.
const helloUnmasked = hex('81 05 48 65 6c 6c 6f');
const helloMasked = hex('81 85 37 fa 21 3d 7f 9f 4d 51 58');
const hel = hex('01 03 48 65 6c');
const lo = hex('80 02 6c 6f');
const pingHello = hex('89 05 48 65 6c 6c 6f');
const pongHelloMasked = hex('8a 85 37 fa 21 3d 7f 9f 4d 51 58');
const bytes256 = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
const binary256 = Buffer.concat([hex('82 7e 01 00'), bytes256]);
const bytes64k = Buffer.alloc(65536, 0xab);
const binary64k = Buffer.concat([hex('82 7f 00 00 00 00 00 01 00 00'), bytes64k]);
// Close 1000 (0x03e8) "bye": unmasked from the server, masked with the §5.7 key from the client.
const closeBye = hex('88 05 03 e8 62 79 65');
const closeByeMasked = hex('88 85 37 fa 21 3d 34 12 43 44 52');

describe('WebSocket: RFC 6455 examples', () => {
  test('when the key is the §1.3 sample then Sec-WebSocket-Accept is the one the RFC shows', () => {
    assert.equal(websocketAccept('dGhlIHNhbXBsZSBub25jZQ=='), 's3pPLMBiTxaQ9kYGzzhZRbK+xOo=');
  });

  test('when the server sends the unmasked "Hello" then every header field is reported as plain data', () => {
    assert.deepEqual(onlyFrame(decodeWs(['down', helloUnmasked, 12.5])), {
      kind: 'ws-frame',
      connection: 1,
      at: 12.5,
      direction: 'down',
      fin: true,
      rsv: [false, false, false],
      opcode: 1,
      opcodeName: 'text',
      masked: false,
      lengthEncoding: 7,
      payloadLength: 5,
      headerBytes: 2,
      wireBytes: 7,
      payloadText: 'Hello',
      violations: [],
    });
  });

  test('when the client sends the masked "Hello" then the key is shown and the payload unmasked', () => {
    const items = decodeWs(['up', helloMasked]);
    assert.deepEqual(pick(items, 'masked', 'maskingKey', 'payloadText', 'headerBytes', 'wireBytes', 'violations'), [
      [true, '37fa213d', 'Hello', 6, 11, []],
    ]);
  });

  test('when "Hel" and "lo" arrive as fragments then a text frame without FIN is followed by a continuation', () => {
    const got = pick(decodeWs(['down', Buffer.concat([hel, lo])]), 'opcodeName', 'fin', 'payloadText', 'violations');
    assert.deepEqual(got, [
      ['text', false, 'Hel', []],
      ['continuation', true, 'lo', []],
    ]);
  });

  test('when a ping is answered by a masked pong then both carry the same application data', () => {
    const items = decodeWs(['down', pingHello], ['up', pongHelloMasked]);
    assert.deepEqual(pick(items, 'direction', 'opcodeName', 'opcode', 'payloadText', 'violations'), [
      ['down', 'ping', 9, 'Hello', []],
      ['up', 'pong', 10, 'Hello', []],
    ]);
  });

  test('when 256 bytes of binary arrive then the 16-bit length form is used and the payload is base64', () => {
    const items = decodeWs(['down', binary256]);
    assert.deepEqual(pick(items, 'opcodeName', 'lengthEncoding', 'payloadLength', 'headerBytes', 'wireBytes'), [
      ['binary', 16, 256, 4, 260],
    ]);
    assert.deepEqual(pick(items, 'payloadBase64', 'payloadText'), [[bytes256.toString('base64'), undefined]]);
  });

  test('when 64 KiB of binary arrive then the 64-bit length form is used', () => {
    const items = decodeWs(['down', binary64k]);
    assert.deepEqual(pick(items, 'lengthEncoding', 'payloadLength', 'headerBytes', 'violations'), [
      [64, 65536, 10, []],
    ]);
    assert.equal(onlyFrame(items).payloadBase64, bytes64k.toString('base64'));
  });

  test('when both sides send close 1000 "bye" then code and reason are decoded from each', () => {
    const items = decodeWs(['up', closeByeMasked], ['down', closeBye]);
    assert.deepEqual(pick(items, 'direction', 'closeCode', 'closeReason', 'payloadBase64', 'violations'), [
      ['up', 1000, 'bye', undefined, []],
      ['down', 1000, 'bye', undefined, []],
    ]);
  });
});

describe('WebSocket frames: incremental decoding', () => {
  const downStream = Buffer.concat([helloUnmasked, hel, lo, pingHello, binary256, closeBye]);
  const whole = decodeWs(['down', downStream]);

  test('when the stream is cut at every byte boundary then the same frames come out', () => {
    assert.equal(framesOf(whole).length, 6);
    for (let i = 1; i < downStream.length; i++) {
      const cut = decodeWs(['down', downStream.subarray(0, i)], ['down', downStream.subarray(i)]);
      assert.deepEqual(cut, whole, `cut at byte ${i}`);
    }
  });

  test('when a 64 KiB frame and others arrive one byte at a time then the same frames come out', () => {
    const binary64kMasked = encodeFrame({ opcode: 2, payload: bytes64k, mask: '01020304' });
    const all = Buffer.concat([helloMasked, binary64kMasked, closeByeMasked]);
    const bytewise = decodeWsList([...all].map((byte): Chunk => ['up', Buffer.from([byte])]));
    assert.deepEqual(bytewise, decodeWs(['up', all]));
    assert.equal(framesOf(bytewise)[1]?.payloadBase64, bytes64k.toString('base64'));
  });

  test('when both directions interleave mid-frame then each keeps its own state', () => {
    const items = decodeWs(
      ['up', helloMasked.subarray(0, 3), 1],
      ['down', binary256.subarray(0, 100), 2],
      ['up', helloMasked.subarray(3), 3],
      ['down', binary256.subarray(100), 4],
    );
    assert.deepEqual(pick(items, 'direction', 'at', 'payloadLength', 'violations'), [
      ['up', 1, 5, []],
      ['down', 2, 256, []],
    ]);
  });

  test('when the caller reuses its chunk buffer after push then the decoded payload is unaffected', () => {
    const items: WebSocketWireItem[] = [];
    const decoder = createWebSocketFrameDecoder(1, (item) => items.push(item));
    const chunk = Buffer.from(helloUnmasked.subarray(0, 4));
    decoder.push('down', chunk, 0);
    chunk.fill(0);
    decoder.push('down', helloUnmasked.subarray(4), 0);
    assert.equal(onlyFrame(items).payloadText, 'Hello');
  });

  test('when the connection ends inside a frame then its bytes are reported as undecoded', () => {
    const items = decodeWs(['down', helloUnmasked], ['down', binary256.subarray(0, 50), 7]);
    assert.deepEqual(items.slice(1), [
      { kind: 'undecoded', connection: 1, at: 7, direction: 'down', bytes: 50, reason: 'ws-truncated-frame' },
    ]);
  });
});

describe('WebSocket frames: violations', () => {
  // Each case breaks one rule; the last frame must carry exactly that code (plus the listed ones).
  const cases: Array<[code: WebSocketViolation, direction: Direction, bytes: string, also?: WebSocketViolation[]]> = [
    ['unmasked-client-frame', 'up', '81 05 48 65 6c 6c 6f'],
    ['masked-server-frame', 'down', '81 85 37 fa 21 3d 7f 9f 4d 51 58'],
    ['reserved-bits-set', 'down', 'c1 05 48 65 6c 6c 6f'],
    ['reserved-opcode', 'down', '83 00'],
    ['non-minimal-length', 'down', '81 7e 00 05 48 65 6c 6c 6f'],
    ['length-high-bit-set', 'down', '82 7f 80 00 00 00 00 00 00 00', ['frame-too-large']],
    ['fragmented-control-frame', 'down', '09 00'],
    ['control-frame-too-long', 'down', '89 7e 00 7e' + ' 61'.repeat(126)],
    ['unexpected-continuation', 'down', '80 02 6c 6f'],
    ['expected-continuation', 'down', '01 03 48 65 6c 81 02 6c 6f'],
    ['invalid-utf8', 'down', '81 02 c3 28'],
    ['invalid-close-payload', 'down', '88 01 03'],
    ['invalid-close-code', 'down', '88 02 03 ed'],
    ['data-after-close', 'down', '88 00 81 00'],
    ['frame-too-large', 'down', '82 7f 40 00 00 00 00 00 00 00'],
  ];

  for (const [code, direction, bytes, also = []] of cases) {
    test(`when ${direction} sends ${bytes.slice(0, 35)} then '${code}' is flagged on the last frame`, () => {
      const last = framesOf(decodeWs([direction, hex(bytes)])).at(-1);
      assert.deepEqual(last?.violations, [code, ...also], JSON.stringify(last));
    });
  }

  test('when the list of violation codes changes then this test has to change with it', () => {
    const codes = cases.map(([code]) => code);
    assert.deepEqual(codes, [...WEBSOCKET_VIOLATIONS]);
  });

  test('when a UTF-8 character is split across fragments then the message is valid text', () => {
    const items = decodeWs(['down', hex('01 02 48 c3 80 02 a9 21')]);
    assert.deepEqual(pick(items, 'payloadText', 'violations'), [
      ['H', []],
      ['é!', []],
    ]);
  });

  test('when a text message ends inside a character then the final fragment is flagged', () => {
    const items = decodeWs(['down', hex('01 02 48 c3 80 00')]);
    assert.deepEqual(pick(items, 'payloadBase64', 'violations'), [
      [undefined, []],
      ['', ['invalid-utf8']],
    ]);
  });

  test('when RSV1 marks a compressed text frame then its payload is opaque rather than invalid UTF-8', () => {
    const items = decodeWs(['down', hex('c1 03 f3 48 cd')]);
    const base64 = Buffer.from([0xf3, 0x48, 0xcd]).toString('base64');
    assert.deepEqual(pick(items, 'violations', 'payloadText', 'payloadBase64'), [
      [['reserved-bits-set'], undefined, base64],
    ]);
  });

  test('when a 2^62-byte frame is announced then nothing is allocated and only that direction stops', () => {
    const [huge, mebibyte] = [hex('82 7f 40 00 00 00 00 00 00 00 ff ff'), Buffer.alloc(1 << 20)];
    const items = decodeWs(['down', huge, 1], ['down', mebibyte], ['up', helloMasked]);
    assert.deepEqual(pick(items, 'direction', 'payloadLength', 'payloadBase64', 'payloadText'), [
      ['down', 2 ** 62, undefined, undefined],
      ['up', 5, undefined, 'Hello'],
    ]);
    const skipped = {
      kind: 'undecoded',
      connection: 1,
      at: 1,
      direction: 'down',
      reason: 'ws-frame-too-large',
    } as const;
    assert.deepEqual(items.slice(2), [{ ...skipped, bytes: 2 + mebibyte.length }]); // 'ff ff' after the header, then 1 MiB
  });
});

describe('WebSocket frames: garbage', () => {
  test('when random or corrupted bytes arrive then nothing throws and every byte is accounted for', () => {
    const valid = Buffer.concat([helloMasked, hel, lo, pingHello, binary256, closeByeMasked]);
    for (const chunks of garbage(6455, 400, valid)) {
      const sent = { up: 0, down: 0 };
      const seen = { up: 0, down: 0 };
      for (const [direction, bytes] of chunks) sent[direction] += bytes.length;
      for (const item of decodeWsList(chunks, { maxPayloadBytes: 4096 })) {
        if (item.kind === 'undecoded') seen[item.direction] += item.bytes;
        else seen[item.direction] += item.violations.includes('frame-too-large') ? item.headerBytes : item.wireBytes;
      }
      const replay = chunks.map(([direction, bytes]) => `${direction} ${bytes.toString('hex')}`);
      assert.deepEqual(seen, sent, replay.join('\n'));
    }
  });

  test('when chunks are empty or arrive after end then nothing is emitted and nothing throws', () => {
    const items: WebSocketWireItem[] = [];
    const decoder = createWebSocketFrameDecoder(1, (item) => items.push(item));
    decoder.push('up', Buffer.alloc(0), 0);
    decoder.end(1);
    decoder.push('up', helloMasked, 2);
    decoder.end(3);
    assert.deepEqual(items, []);
  });
});
