import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { httpDecoder } from '../../demos/wire/http-decoder.js';
import type { HttpExchange, WireItem } from '../../demos/wire/trace.js';
import { decodeChunks, splits } from '../utils/decode.js';

const getBooks = 'GET /v1/books HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nAccept: application/json\r\n\r\n';
const okJson = 'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 15\r\n\r\n{"books":[1,2]}';
const postBook =
  'POST /v1/books HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 22\r\n\r\n{"title":"Clean Code"}';
const created = 'HTTP/1.1 201 Created\r\nLocation: /v1/books/7\r\nContent-Length: 2\r\n\r\n{}';
const chunked = 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nHello\r\n7\r\n, wire!\r\n0\r\n\r\n';

function exchanges(items: WireItem[]): HttpExchange[] {
  return items.filter((item): item is HttpExchange => item.kind === 'http');
}

describe('HTTP/1.1 decoder', () => {
  test('when a response has Content-Length then head and body sizes add up to the bytes sent', () => {
    const [exchange] = exchanges(
      decodeChunks(httpDecoder(), [
        ['up', getBooks],
        ['down', okJson],
      ]),
    );
    assert.ok(exchange?.response);
    assert.equal(exchange.request.method, 'GET');
    assert.equal(exchange.request.target, '/v1/books');
    assert.equal(exchange.request.headBytes, Buffer.byteLength(getBooks));
    assert.equal(exchange.request.bodyBytes, 0);
    assert.equal(exchange.response.status, 200);
    assert.equal(exchange.response.statusText, 'OK');
    assert.equal(exchange.response.body, '{"books":[1,2]}');
    assert.equal(exchange.response.bodyBytes, 15);
    assert.equal(exchange.response.headBytes + exchange.response.bodyBytes, Buffer.byteLength(okJson));
    assert.equal(exchange.response.raw, okJson);
    assert.deepEqual(exchange.request.headers[1], ['Accept', 'application/json']);
  });

  test('when a body is chunked then the framing is counted on the wire but removed from the content', () => {
    const [exchange] = exchanges(
      decodeChunks(httpDecoder(), [
        ['up', getBooks],
        ['down', chunked],
      ]),
    );
    assert.ok(exchange?.response);
    assert.equal(exchange.response.chunked, true);
    assert.equal(exchange.response.body, 'Hello, wire!');
    assert.equal(exchange.response.contentBytes, 12);
    assert.equal(exchange.response.headBytes + exchange.response.bodyBytes, Buffer.byteLength(chunked));
  });

  test('when two requests share one keep-alive connection then both exchanges are paired in order', () => {
    const items = decodeChunks(httpDecoder(), [
      ['up', getBooks],
      ['down', okJson],
      ['up', postBook],
      ['down', created],
    ]);
    const [first, second] = exchanges(items);
    assert.equal(first?.onConnection, 1);
    assert.equal(second?.onConnection, 2);
    assert.equal(second?.request.body, '{"title":"Clean Code"}');
    assert.equal(second?.response?.status, 201);
    assert.deepEqual(second?.response?.headers[0], ['Location', '/v1/books/7']);
  });

  test('when both messages arrive in one chunk each (pipelined) then both are decoded', () => {
    const items = decodeChunks(httpDecoder(), [
      ['up', getBooks + postBook],
      ['down', okJson + created],
    ]);
    assert.deepEqual(
      exchanges(items).map((e) => [e.request.method, e.response?.status]),
      [
        ['GET', 200],
        ['POST', 201],
      ],
    );
  });

  test('when the input is split at every possible byte boundary then the result is the same', () => {
    const whole = exchanges(
      decodeChunks(httpDecoder(), [
        ['up', getBooks + postBook],
        ['down', okJson + chunked],
      ]),
    );
    const up = Buffer.from(getBooks + postBook);
    const down = Buffer.from(okJson + chunked);
    const strip = (list: HttpExchange[]) =>
      list.map(({ at, durationMs, request, response }) => ({
        request: { ...request, firstByteAt: 0, lastByteAt: 0 },
        response: response && { ...response, firstByteAt: 0, lastByteAt: 0 },
        at: at * 0 + durationMs * 0,
      }));
    for (const [a, b] of splits(up)) {
      const split = exchanges(
        decodeChunks(httpDecoder(), [
          ['up', a],
          ['up', b],
          ['down', down],
        ]),
      );
      assert.deepEqual(strip(split), strip(whole), `request split at ${a.length}`);
    }
    for (const [a, b] of splits(down)) {
      const split = exchanges(
        decodeChunks(httpDecoder(), [
          ['up', up],
          ['down', a],
          ['down', b],
        ]),
      );
      assert.deepEqual(strip(split), strip(whole), `response split at ${a.length}`);
    }
  });

  test('when a 304 has no Content-Length then it still ends at its head', () => {
    const notModified = 'HTTP/1.1 304 Not Modified\r\nETag: W/"1"\r\n\r\n';
    const items = decodeChunks(httpDecoder(), [
      ['up', getBooks + getBooks],
      ['down', notModified + okJson],
    ]);
    assert.deepEqual(
      exchanges(items).map((e) => e.response?.status),
      [304, 200],
    );
  });

  test('when the response is to a HEAD request then no body is expected', () => {
    const head = 'HEAD /v1/books HTTP/1.1\r\nHost: x\r\n\r\n';
    const headResponse = 'HTTP/1.1 200 OK\r\nContent-Length: 15\r\n\r\n';
    const items = decodeChunks(httpDecoder(), [
      ['up', head + getBooks],
      ['down', headResponse + okJson],
    ]);
    assert.deepEqual(
      exchanges(items).map((e) => e.response?.bodyBytes),
      [0, 15],
    );
  });

  test('when the connection closes before an answer then the request is kept without a response', () => {
    const [exchange] = exchanges(decodeChunks(httpDecoder(), [['up', getBooks]]));
    assert.equal(exchange?.request.target, '/v1/books');
    assert.equal(exchange?.response, undefined);
  });

  test('when the bytes are not HTTP then they are reported as undecoded, not thrown', () => {
    const items = decodeChunks(httpDecoder(), [['up', '\x16\x03\x01 not http at all\r\n\r\n']]);
    assert.equal(items[0]?.kind, 'undecoded');
  });

  test('when the answer is not HTTP then the waiting request comes first, as on the wire, before the connection ends', () => {
    const items: WireItem[] = [];
    const decoder = httpDecoder()(1, (item) => items.push(item));
    decoder.push('up', Buffer.from(getBooks, 'latin1'), 0);
    decoder.push('down', Buffer.from([0x00, 0xff, 0x13, 0x37, 0x0a, 0x0a]), 1);
    // Before end(): a live view must not wait for the close to show the request.
    assert.deepEqual(
      items.map((item) => item.kind),
      ['http', 'undecoded'],
    );
    assert.equal((items[0] as HttpExchange).response, undefined);
    decoder.end(2);
    assert.equal(items.length, 2, 'the request is reported once');
  });

  test('when a connection switches protocols then later bytes go to the upgrade decoder', () => {
    const upgrade =
      'GET /chat HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n';
    const switching =
      'HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n\r\n';
    const seen: string[] = [];
    const factory = httpDecoder({
      onUpgrade: () => ({
        push: (direction, chunk) => seen.push(`${direction}:${chunk.toString('hex')}`),
        end: () => {},
      }),
    });
    const items = decodeChunks(factory, [
      ['up', upgrade],
      ['down', switching + '\x81\x02hi'],
      ['up', '\x81\x80abcd'],
    ]);
    const [exchange] = exchanges(items);
    assert.equal(exchange?.response?.status, 101);
    assert.equal(exchange?.upgraded, true);
    assert.deepEqual(seen, ['down:81026869', 'up:818061626364']);
  });
});
