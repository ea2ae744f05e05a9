/** The multi-lane HTTP sequence diagram, rendered with colour off from fixed exchanges. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { messages } from '../../demos/core/messages/index.js';
import { renderItems } from '../../demos/render/items.js';
import { paint } from '../../demos/render/lines.js';
import type { RenderOptions } from '../../demos/render/options.js';
import { createTheme } from '../../demos/render/theme.js';
import type { HttpExchange, HttpHop } from '../../demos/wire/trace.js';

const options = (extra: Partial<RenderOptions> = {}): RenderOptions => ({
  width: 110,
  theme: createTheme(false),
  messages: messages.en,
  raw: false,
  full: false,
  ...extra,
});

function hop(at: number, hop: HttpHop, target: string, status = 200, traceparent?: string, ms = 2): HttpExchange {
  const message = {
    headers: [] as Array<[string, string]>,
    body: '',
    headBytes: 100,
    bodyBytes: 0,
    contentBytes: 0,
    chunked: false,
    raw: '',
  };
  return {
    kind: 'http',
    connection: 1,
    onConnection: 1,
    at,
    durationMs: ms,
    hop,
    request: {
      ...message,
      headers: traceparent ? [['traceparent', traceparent]] : [],
      startLine: `GET ${target} HTTP/1.1`,
      method: 'GET',
      target,
      firstByteAt: at,
      lastByteAt: at,
    },
    response: {
      ...message,
      startLine: `HTTP/1.1 ${status} OK`,
      status,
      statusText: 'OK',
      firstByteAt: at + 2,
      lastByteAt: at + 2,
    },
  };
}

const render = (items: HttpExchange[], extra?: Partial<RenderOptions>) =>
  paint(renderItems(items, options(extra)), createTheme(false));
const parent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

describe('the HTTP sequence diagram', () => {
  test('when a client request fans out then each process has a lane and each hop an arrow there and back', () => {
    const text = render(
      [
        hop(0, { from: 'client', to: 'gateway' }, '/api/book-page/1', 200, parent, 5),
        hop(0.5, { from: 'gateway', to: 'catalog' }, '/books/1', 200, parent),
      ].sort((a, b) => a.at - b.at),
    );
    const lines = text.split('\n');
    assert.match(lines[0]!, /ms\s+B\s+client\s+gateway\s+catalog/);
    assert.match(text, /├─+▶│[ │]+GET \/api\/book-page\/1 · traceparent 00-4bf9…-00f0…-01/);
    assert.match(text, /│ +├─+▶│ +GET \/books\/1/);
    assert.match(text, /│◀─+┤ +200 OK · 2\.0 ms/);
    assert.match(text, /│◀─+┤ +│ +200 OK · 5\.0 ms/);
    // Rows run in time order: the inner response comes before the outer one.
    const inner = lines.findIndex((l) => l.includes('GET /books/1'));
    const outerReply = lines.findLastIndex((l) => l.includes('200 OK'));
    assert.ok(inner < outerReply);
  });

  test('when heartbeats are among the items then they are counted once, not drawn, unless --full', () => {
    const items = [
      hop(0, { from: 'client', to: 'gateway' }, '/api/x'),
      hop(1, { from: 'catalog', to: 'registry', background: true }, '/instances/abcd0123'),
      hop(2, { from: 'client', to: 'gateway' }, '/api/y'),
    ];
    const folded = render(items);
    assert.doesNotMatch(folded, /instances/);
    assert.match(folded, /… and 1 heartbeat to the registry meanwhile \(--full shows them\)/);
    assert.match(render(items, { full: true }), /GET \/instances\/abcd0123/);
  });

  test('when a target or a lane name holds control characters then they are shown escaped, on one line', () => {
    const text = render([hop(0, { from: 'client', to: 'gateway' }, '/a\x1b[2J\r\nInjected: yes')]);
    assert.ok(!text.includes('\x1b'), text);
    assert.match(text, /\/a\\x1b\[2J\\x0d\\x0aInjected: yes/);
  });

  test('when a run is long then its middle is folded unless --full', () => {
    const items = Array.from({ length: 50 }, (_, i) => hop(i * 3, { from: 'client', to: 'gateway' }, `/api/${i}`));
    const folded = render(items);
    assert.match(folded, /… \d+ more round trips like these/);
    assert.doesNotMatch(folded, /\/api\/25\b/);
    assert.match(render(items, { full: true }), /\/api\/25\b/);
  });
});
