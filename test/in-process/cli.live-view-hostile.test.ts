/** The live view of --serve against hostile items: one failing item is one line, and JSON stays terminal-safe. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { messages } from '../../demos/core/messages/index.js';
import { createLiveView } from '../../bin/commands/live-view.js';
import { createTheme } from '../../demos/render/theme.js';
import type { HttpExchange, WireItem } from '../../demos/wire/trace.js';

const render = { width: 100, theme: createTheme(false), messages: messages.en, raw: false, full: false };

function exchange(body: string): HttpExchange {
  const message = {
    startLine: 'POST /x HTTP/1.1',
    headers: [['Content-Type', 'text/plain']] as Array<[string, string]>,
    body,
    headBytes: 10,
    bodyBytes: body.length,
    contentBytes: body.length,
    chunked: false,
    raw: body,
    firstByteAt: 0,
    lastByteAt: 0,
  };
  return {
    kind: 'http',
    connection: 1,
    onConnection: 1,
    at: 0,
    durationMs: 0,
    request: { ...message, method: 'POST', target: '/x' },
  };
}

describe('the live view', () => {
  test('when an item cannot be rendered then it is one line in the catalogue words, and the next item shows again', () => {
    const out: string[] = [];
    const view = createLiveView({ render, json: false, assets: false, write: (text) => out.push(text) });
    const broken = { ...exchange('x'), request: undefined } as unknown as WireItem;
    view.onItem(broken);
    view.onItem({ ...exchange('fine'), at: 1 });
    view.flush();
    assert.match(out[0]!, /^\ncould not display this exchange: TypeError: .+\n$/);
    assert.equal(out[0]!.trim().split('\n').length, 1);
    assert.match(out[1]!, /fine/);
    const de: string[] = [];
    const german = createLiveView({
      render: { ...render, messages: messages.de },
      json: false,
      assets: false,
      write: (text) => de.push(text),
    });
    german.onItem(broken);
    german.flush();
    assert.match(de[0]!, /Dieser Eintrag lässt sich nicht anzeigen: TypeError/);
  });

  test('when --json is given then C1 and bidi controls in wire text are written as \\u escapes', () => {
    const out: string[] = [];
    const view = createLiveView({ render, json: true, assets: false, write: (text) => out.push(text) });
    view.onItem(exchange('\u009b31m \u202e \u001b]0;x\u0007'));
    view.flush();
    assert.match(out[0]!, /\\u009b31m \\u202e \\u001b\]0;x\\u0007/);
    assert.equal(JSON.parse(out[0]!).request.body, '\u009b31m \u202e \u001b]0;x\u0007');
  });
});
