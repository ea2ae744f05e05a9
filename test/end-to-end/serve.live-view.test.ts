import assert from 'node:assert/strict';
import http from 'node:http';
import { describe, test } from 'node:test';
import { WebSocket } from 'ws';
import { createLiveView } from '../../bin/commands/live-view.js';
import { createWireOrder } from '../../demos/core/wire-order.js';
import { messages } from '../../demos/core/messages/index.js';
import { isStaticAsset } from '../../demos/render/asset-line.js';
import { createTheme } from '../../demos/render/theme.js';
import { httpDecoder } from '../../demos/wire/http-decoder.js';
import type { HttpExchange, WireItem } from '../../demos/wire/trace.js';
import { spawnCli, waitForOutput } from '../utils/cli.js';
import { decodeChunks } from '../utils/decode.js';

function exchange(target: string, type: string, body = 'x', status = '200 OK'): HttpExchange {
  const response = `HTTP/1.1 ${status}\r\nContent-Type: ${type}\r\nContent-Length: ${body.length}\r\n\r\n${body}`;
  return decodeChunks(httpDecoder(), [
    ['up', `GET ${target} HTTP/1.1\r\nHost: x\r\n\r\n`],
    ['down', response],
  ])[0] as HttpExchange;
}

const at = <T extends WireItem>(item: T, time: number): T => ({ ...item, at: time });
const frame = (time: number) =>
  ({ kind: 'undecoded', connection: 2, at: time, direction: 'down', bytes: 1, reason: 'frame' }) as const;

describe('the live view of --serve', () => {
  test('when a request ends after the frames it caused then it is still printed first (wire order)', () => {
    let now = 0;
    const timers: Array<() => void> = [];
    const out: number[] = [];
    const order = createWireOrder({
      holdMs: 250,
      emit: (item) => out.push(item.at),
      now: () => now,
      setTimer: (run) => timers.push(run),
    });
    order.push(frame(12)); // the push frame, decoded first
    now = 5;
    order.push(at(exchange('/books', 'application/json'), 10)); // the POST that caused it, complete later
    now = 251;
    timers.shift()!();
    assert.deepEqual(out, [10, 12]);
    // Later items still wait their turn; flush at the end lets everything out.
    order.push(frame(400));
    assert.deepEqual(out, [10, 12]);
    order.flush();
    assert.deepEqual(out, [10, 12, 400]);
  });

  test('when a page loads its files then each is one line, the meaning said once; --assets shows them whole', () => {
    const render = { width: 140, theme: createTheme(false), messages: messages.en, raw: false, full: false };
    const script = exchange('/app.js', 'text/javascript; charset=utf-8', 'const a = 1;\n'.repeat(40));
    const data = exchange('/books', 'application/json', '[{"title":"Clean Code"}]');
    assert.equal(isStaticAsset(script), true);
    assert.equal(isStaticAsset(exchange('/favicon.ico', 'text/plain', '', '204 No Content')), true);
    assert.equal(isStaticAsset(data), false);
    let folded = '';
    const view = createLiveView({ render, json: false, assets: false, write: (text) => (folded += text) });
    for (const item of [script, exchange('/style.css', 'text/css'), data]) view.onItem(item);
    view.flush();
    const lines = folded.trim().split('\n');
    assert.match(lines[0]!, /^Files of a page .* --assets shows them in full\.$/);
    assert.match(lines[1]!, /^▶ GET \/app\.js {2}◀ 200 OK {2}text\/javascript {2}520 B {2}#1$/);
    assert.match(lines[2]!, /^▶ GET \/style\.css {2}◀ 200 OK {2}text\/css {2}1 B {2}#1$/);
    assert.equal(folded.split('Files of a page').length, 2, 'said once');
    assert.match(folded, /Clean Code/, 'data is shown in full');
    assert.doesNotMatch(folded, /const a = 1/);

    let whole = '';
    const all = createLiveView({ render, json: false, assets: true, write: (text) => (whole += text) });
    all.onItem(script);
    all.flush();
    assert.match(whole, /const a = 1/);
  });

  test('when a target holds control characters then the folded line shows them escaped', () => {
    const render = { width: 200, theme: createTheme(false), messages: messages.en, raw: false, full: false };
    let out = '';
    const view = createLiveView({ render, json: false, assets: false, write: (text) => (out += text) });
    view.onItem({
      ...exchange('/a.js', 'text/javascript'),
      request: { ...exchange('/a.js', 'text/javascript').request, target: '/a\u001b[2J\u202e.js' },
    });
    view.flush();
    assert.match(out, /GET \/a\\u\{1b\}\[2J\\u\{202e\}\.js/);
    assert.equal(out.includes('\u001b') || out.includes('\u202e'), false);
  });

  test(
    'when a book is POSTed to websocket --serve then the POST prints before the frames it pushed, the page as one line',
    { timeout: 30_000 },
    async () => {
      const child = spawnCli(['websocket', '--serve']);
      let all = '';
      child.stdout!.on('data', (chunk: Buffer) => (all += chunk.toString()));
      let ws: WebSocket | undefined;
      try {
        const banner = await waitForOutput(child, /Ctrl-C stops the server/);
        const base = /listens on (http:\/\/127\.0\.0\.1:\d+)\//.exec(banner)![1]!;
        const wsUrl = /npx wscat -c (ws:\/\/\S+\/chat) -H 'Authorization: Bearer (\S+)'/.exec(banner)!;
        assert.equal(wsUrl[1], base.replace('http:', 'ws:') + '/chat');
        await get(`${base}/`, { Accept: 'text/html' });
        ws = new WebSocket(wsUrl[1]!, { headers: { Authorization: `Bearer ${wsUrl[2]}` } });
        await new Promise((resolve, reject) => ws!.once('open', resolve).once('error', reject));
        await post(`${base}/books`, JSON.stringify({ title: 'Release It!', author: 'Michael T. Nygard', year: 2007 }));
        await waitForOutput(child, /bookAdded/);
        const seen = all;
        assert.match(seen, /^▶ GET \/ {2}◀ 200 OK {2}text\/html {2}[\d,]+ B {2}#\d+$/m);
        assert.ok(seen.indexOf('POST /books') >= 0 && seen.indexOf('POST /books') < seen.indexOf('bookAdded'), seen);
        // The whole push frame is there, not cut after a few characters.
        assert.match(seen.replace(/\s+/g, ''), /"title":"ReleaseIt!","author":"MichaelT\.Nygard"/);
      } finally {
        ws?.terminate();
        child.kill('SIGINT');
        await new Promise((resolve) => child.on('close', resolve));
      }
    },
  );
});

function get(url: string, headers: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    http.get(url, { headers }, (res) => res.resume().on('end', resolve)).on('error', reject);
  });
}

function post(url: string, body: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: 'POST', headers: { 'Content-Type': 'application/json' } }, (res) => {
      res.resume().on('end', resolve);
    });
    request.on('error', reject);
    request.end(body);
  });
}
