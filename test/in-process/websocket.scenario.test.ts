import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { collectTrace } from '../../demos/core/collect-trace.js';
import { demo as websocketDemo } from '../../demos/websocket/demo.js';
import { maxMessageBytes } from '../../demos/websocket/limits.js';
import { header, httpExchanges } from '../../demos/wire/http-facts.js';
import { itemsOfKind, type HttpExchange, type StepTrace, type Trace, type WireItem } from '../../demos/wire/trace.js';
import { websocketAccept } from '../../demos/wire/websocket-frames.js';

const frames = (items: readonly WireItem[]) => itemsOfKind(items, 'ws-frame');
/** Bytes an item stood for on the socket: an exchange's two messages, a frame's header and payload. */
const wireBytes = (item: WireItem) =>
  item.kind === 'http'
    ? item.request.headBytes +
      item.request.bodyBytes +
      (item.response ? item.response.headBytes + item.response.bodyBytes : 0)
    : item.kind === 'ws-frame'
      ? item.wireBytes
      : item.kind === 'undecoded'
        ? item.bytes
        : 0;

describe('WebSocket demo, on the real server through the tap', () => {
  let trace: Trace;
  const step = (id: string): StepTrace => trace.steps.find((s) => s.id === id)!;
  const upgrades = (id: string): HttpExchange[] => httpExchanges(step(id).items).filter((e) => e.upgraded);

  before(async () => {
    trace = await collectTrace(websocketDemo, 'en');
  });

  test('when the scenario runs then the ten steps come in order', () => {
    assert.deepEqual(
      trace.steps.map((s) => s.id),
      [
        'handshake',
        'echo',
        'broadcast',
        'push',
        'pingPong',
        'limits',
        'close',
        'thenAndNow',
        'graphqlSubscription',
        'security',
      ],
    );
  });

  test('when the client opens /echo then GET asks to upgrade and 101 answers with the derived accept', () => {
    const [exchange] = upgrades('handshake');
    const { request, response } = exchange!;
    assert.equal(request.startLine, 'GET /echo HTTP/1.1');
    assert.equal(header(request, 'Upgrade'), 'websocket');
    assert.equal(header(request, 'Connection'), 'Upgrade');
    assert.equal(header(request, 'Sec-WebSocket-Version'), '13');
    const key = header(request, 'Sec-WebSocket-Key')!;
    assert.equal(Buffer.from(key, 'base64').length, 16);
    assert.equal(response!.startLine, 'HTTP/1.1 101 Switching Protocols');
    assert.equal(header(response, 'Sec-WebSocket-Accept'), websocketAccept(key));
    // No extension accepted: perMessageDeflate is off, so the payloads below are readable.
    assert.equal(header(response, 'Sec-WebSocket-Extensions'), undefined);
    const facts = step('handshake').facts.join('\n');
    assert.match(facts, new RegExp(`Sec-WebSocket-Key .*: ${key.replace(/[+/]/g, '\\$&')}`));
    assert.match(facts, /\(the same\)/);
    assert.match(facts, /offered permessage-deflate/);
  });

  test('when text and binary are echoed then client frames are masked and server frames are not', () => {
    const rows = frames(step('echo').items).map((f) => [f.direction, f.opcodeName, f.masked, f.headerBytes]);
    assert.deepEqual(rows, [
      ['up', 'text', true, 6],
      ['down', 'text', false, 2],
      ['up', 'binary', true, 6],
      ['down', 'binary', false, 2],
    ]);
    const [up, down, binaryUp, binaryDown] = frames(step('echo').items);
    assert.equal(up!.payloadText, 'Hello, server!');
    assert.equal(down!.payloadText, 'Server: Hello, server!');
    assert.match(up!.maskingKey!, /^[0-9a-f]{8}$/);
    assert.equal(binaryUp!.payloadBase64, binaryDown!.payloadBase64);
    assert.equal(Buffer.from(binaryUp!.payloadBase64!, 'base64').readBigUInt64BE(), 9780132350884n);
    assert.equal(step('echo').roundTrips, 0);
  });

  test('when Ada writes to the book club then one frame comes in and one goes out to each of three members', () => {
    assert.deepEqual(
      upgrades('broadcast').map((e) => e.request.target),
      ['/chat?name=Ada', '/chat?name=Grace', '/chat?name=Alan'],
    );
    const all = frames(step('broadcast').items);
    const inbound = all.filter((f) => f.direction === 'up');
    const outbound = all.filter((f) => f.direction === 'down');
    assert.equal(inbound.length, 1);
    assert.equal(inbound[0]!.connection, upgrades('broadcast')[0]!.connection);
    assert.deepEqual(
      outbound.map((f) => f.connection),
      upgrades('broadcast').map((e) => e.connection),
    );
    for (const f of outbound) {
      assert.deepEqual(JSON.parse(f.payloadText!), {
        type: 'chat',
        from: 'Ada',
        text: 'Shall we read Clean Code next?',
      });
    }
  });

  test('when a book is POSTed then every member gets a push frame, unasked, in the 16-bit length form', () => {
    const [post] = httpExchanges(step('push').items);
    assert.equal(post!.request.startLine, 'POST /books HTTP/1.1');
    assert.equal(post!.response!.status, 201);
    const pushes = frames(step('push').items);
    assert.equal(pushes.length, 3);
    assert.deepEqual(new Set(pushes.map((f) => f.connection)), new Set(upgrades('broadcast').map((e) => e.connection)));
    for (const f of pushes) {
      assert.equal(f.direction, 'down');
      assert.equal(f.lengthEncoding, 16);
      const pushed = (JSON.parse(f.payloadText!) as { book: { title: string } }).book;
      assert.equal(pushed.title, (JSON.parse(post!.response!.body) as { title: string }).title);
    }
  });

  test('when pings go both ways then each pong carries its payload back and counts as a round trip', () => {
    const all = frames(step('pingPong').items);
    assert.deepEqual(
      all.map((f) => [f.direction, f.opcodeName, f.masked, f.payloadText]),
      [
        ['up', 'ping', true, 'are you there?'],
        ['down', 'pong', false, 'are you there?'],
        ['down', 'ping', false, 'heartbeat'],
        ['up', 'pong', true, 'heartbeat'],
      ],
    );
    assert.equal(step('pingPong').roundTrips, 2);
    // The time between the frames at the tap is measured, not typed in: the fact shows exactly that difference.
    const atTap = (all[1]!.at - all[0]!.at).toFixed(1);
    assert.match(step('pingPong').facts[0]!, new RegExp(`\\(${atTap.replace('.', '\\.')} ms between the two frames`));
  });

  test('when a message is over the limit then only that connection is closed with 1009', () => {
    const all = frames(step('limits').items);
    const big = all.find((f) => f.direction === 'up' && f.opcodeName === 'text')!;
    assert.equal(big.lengthEncoding, 64);
    assert.ok(big.payloadLength > maxMessageBytes);
    // The server speaks first and half-closes at once (ws does after a frame error); an answer may not get through.
    const [close, ...answers] = all.filter((f) => f.opcodeName === 'close');
    assert.deepEqual([close!.connection, close!.direction, close!.closeCode], [big.connection, 'down', 1009]);
    assert.deepEqual(
      answers.map((f) => [f.connection, f.direction, f.closeCode]),
      answers.map(() => [big.connection, 'up', 1009]),
    );
    assert.match(step('limits').facts.join('\n'), /Still in the chat, still connected: Ada, Grace\./);
  });

  test('when a client comes without a token then the handshake is answered 401 and no frame follows', () => {
    const refused = httpExchanges(step('limits').items).find((e) => e.request.target === '/chat?name=Mallory')!;
    assert.equal(refused.response!.status, 401);
    assert.equal(refused.upgraded, undefined);
    assert.equal(header(refused.request, 'Authorization'), undefined);
    assert.match(header(refused.response, 'WWW-Authenticate')!, /^Bearer /);
    const later = trace.steps.slice(5).flatMap((s) => frames(s.items));
    assert.equal(later.filter((f) => f.connection === refused.connection).length, 0);
  });

  test('when a foreign page opens a socket then 403 at the handshake; the own page with the token in the URL gets 101', () => {
    const [foreign, own] = httpExchanges(step('security').items);
    assert.equal(header(foreign!.request, 'Origin'), 'https://books.example.net');
    assert.match(header(foreign!.request, 'Authorization')!, /^Bearer /, 'the token alone does not let it in');
    assert.equal(foreign!.response!.status, 403);
    assert.equal(foreign!.upgraded, undefined);
    assert.equal(frames(step('security').items).filter((f) => f.connection === foreign!.connection).length, 0);

    const origin = header(own!.request, 'Host')!;
    assert.equal(header(own!.request, 'Origin'), `http://${origin}`);
    assert.equal(header(own!.request, 'Authorization'), undefined, 'a browser cannot set it');
    assert.equal(own!.request.target, '/chat?name=Grace&access_token=book-club');
    assert.equal(own!.response!.status, 101);
    assert.deepEqual(step('security').facts, [
      'A page from https://books.example.net (Origin header), with a valid token: HTTP 403 Forbidden, no 101, no frame.',
      `The server's own page (Origin http://${origin}), the token in the URL, no Authorization header: HTTP 101 Switching Protocols.`,
      'An access log keeps that URL, token included: 127.0.0.1 - - "GET /chat?name=Grace&access_token=book-club HTTP/1.1" 101 0',
    ]);
  });

  test('when the clients leave then each close 1000 is answered with close 1000', () => {
    const rows = frames(step('close').items).map((f) => [f.direction, f.closeCode, f.closeReason]);
    assert.deepEqual(rows, [
      ['up', 1000, 'bye'],
      ['down', 1000, 'bye'],
      ['up', 1000, 'Good night'],
      ['down', 1000, 'Good night'],
      ['up', 1000, 'Good night'],
      ['down', 1000, 'Good night'],
    ]);
  });

  test('when the three ways are compared then requests and bytes in the table are what the tap counted', () => {
    const s = step('thenAndNow');
    const [grid, chart] = s.figures;
    assert.ok(grid?.kind === 'table' && chart?.kind === 'bars', 'a table, then a bar chart');
    assert.deepEqual(grid.align, ['left', 'right', 'right', 'right', 'right']);
    const rows = new Map(
      grid.rows
        .slice(1)
        // "2,657 B": the bytes are grouped as English writes them.
        .map(([way, requests, bytes]) => [
          way!,
          { requests: Number(requests), bytes: parseInt(bytes!.replace(/,/g, '')) },
        ]),
    );
    assert.equal(rows.size, 3);
    const exchanges = httpExchanges(s.items);
    const connectionsOf = (pick: (e: HttpExchange) => boolean) =>
      new Set(exchanges.filter(pick).map((e) => e.connection));
    const ways = {
      'short polling': connectionsOf((e) => /^\/books\/changes\?since=\d+$/.test(e.request.target)),
      'long polling': connectionsOf((e) => /&wait=/.test(e.request.target)),
      WebSocket: connectionsOf((e) => e.upgraded === true),
    };
    for (const [way, connections] of Object.entries(ways)) {
      assert.equal(connections.size, 1, `${way} used one connection`);
      const mine = s.items.filter((item) => connections.has(item.connection));
      assert.equal(rows.get(way)!.requests, mine.filter((item) => item.kind === 'http').length, way);
      assert.equal(
        rows.get(way)!.bytes,
        mine.reduce((sum, item) => sum + wireBytes(item), 0),
        way,
      );
    }
    assert.equal(rows.get('WebSocket')!.requests, 1);
    // Five books, at most five answers (two books may share one answer on a slow machine).
    assert.ok(rows.get('long polling')!.requests >= 1 && rows.get('long polling')!.requests <= 5);
    const pushes = frames(s.items).filter((f) => f.payloadText?.includes('"bookAdded"'));
    assert.equal(pushes.length, 5);
    assert.equal(
      [...rows.values()].reduce((sum, row) => sum + row.bytes, 0),
      s.bytesUp + s.bytesDown,
    );
    assert.deepEqual(
      chart.bars.map((bar) => bar.label),
      ['short polling', 'long polling', 'WebSocket'],
    );
    assert.ok(chart.bars.every((bar) => bar.value >= 0 && bar.display === `${bar.value.toFixed(1)} ms`));
  });

  test('when a GraphQL subscription runs then its protocol messages travel in text frames on /graphql', () => {
    const [upgrade] = upgrades('graphqlSubscription');
    assert.match(upgrade!.request.target, /^\/graphql\?access_token=/);
    assert.equal(header(upgrade!.request, 'Sec-WebSocket-Protocol'), 'graphql-transport-ws');
    assert.equal(header(upgrade!.response, 'Sec-WebSocket-Protocol'), 'graphql-transport-ws');
    const messages = frames(step('graphqlSubscription').items)
      .filter((f) => f.opcodeName === 'text')
      .map((f) => [f.direction, JSON.parse(f.payloadText!) as { type: string; payload?: unknown }] as const);
    assert.deepEqual(
      messages.map(([direction, m]) => `${direction} ${m.type}`),
      ['up connection_init', 'down connection_ack', 'up subscribe', 'down next', 'up complete'],
    );
    assert.deepEqual(messages[3]![1].payload, {
      data: { bookAdded: { id: '23', title: 'Domain-Driven Design Distilled', author: 'Vaughn Vernon' } },
    });
    const close = frames(step('graphqlSubscription').items).filter((f) => f.opcodeName === 'close');
    assert.deepEqual(
      close.map((f) => [f.direction, f.closeCode]),
      [
        ['up', 1000],
        ['down', 1000],
      ],
    );
  });

  test('when the run ends then every byte on the sockets was decoded, and no frame broke a rule', () => {
    const items = trace.steps.flatMap((s) => s.items);
    assert.deepEqual(
      items.filter((item) => item.kind === 'undecoded'),
      [],
    );
    assert.deepEqual(
      frames(items).flatMap((f) => f.violations),
      [],
    );
    assert.equal(
      items.reduce((sum, item) => sum + wireBytes(item), 0),
      trace.totals.bytesUp + trace.totals.bytesDown,
    );
    assert.equal(
      trace.totals.roundTrips,
      trace.steps.reduce((sum, s) => sum + s.roundTrips, 0),
    );
  });
});
