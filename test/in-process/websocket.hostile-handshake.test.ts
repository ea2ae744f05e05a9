/**
 * What any web page or script can send to `websocket --serve` before the 101: a target
 * that is not a URL, a foreign Origin. Each gets an HTTP answer, the server lives on,
 * and the refusal is in the trace.
 */
import { chatPagePath } from '../../demos/websocket/http-app.js';
import assert from 'node:assert/strict';
import net from 'node:net';
import { describe, test } from 'node:test';
import type { ServedDemo } from '../../demos/core/demo.js';
import { bookClubToken } from '../../demos/websocket/auth.js';
import { serveWebsocket } from '../../demos/websocket/session.js';
import { createHttpClient } from '../../demos/wire/http-client.js';
import { httpExchanges } from '../../demos/wire/http-facts.js';
import type { WireItem } from '../../demos/wire/trace.js';

/** Sends one raw upgrade request and returns everything the server answers until it closes or 2 s pass. */
function handshake(url: string, target: string, headers: Record<string, string>): Promise<string> {
  const { port } = new URL(url);
  const socket = net.connect(Number(port), '127.0.0.1');
  const lines = [
    `GET ${target} HTTP/1.1`,
    'Host: 127.0.0.1',
    'Connection: Upgrade',
    'Upgrade: websocket',
    'Sec-WebSocket-Version: 13',
    'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
  ];
  socket.write(lines.join('\r\n') + '\r\n\r\n');
  let answer = '';
  socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')));
  return new Promise((resolve) => {
    const done = () => {
      socket.destroy();
      resolve(answer);
    };
    socket.on('close', done);
    socket.on('error', done);
    // A 101 keeps the connection open: its head is enough.
    socket.on('data', () => answer.includes('\r\n\r\n') && answer.startsWith('HTTP/1.1 101') && done());
    setTimeout(done, 2000);
  });
}

async function withServer(run: (served: ServedDemo, items: WireItem[]) => Promise<void>): Promise<void> {
  const items: WireItem[] = [];
  const served = await serveWebsocket({ onItem: (item) => items.push(item) });
  try {
    await run(served, items);
  } finally {
    await served.close();
  }
}

const base = (served: ServedDemo) => served.url.replace(/\/$/, '');

describe('hostile WebSocket handshakes', () => {
  test('when the upgrade target is not a URL then the answer is 400 and the server keeps serving', async () => {
    await withServer(async (served) => {
      const token = { Authorization: `Bearer ${bookClubToken}` };
      for (const target of ['//[', '//[::1', '*', 'http://[', '/chat%', 'x']) {
        const answer = await handshake(served.url, target, token);
        assert.match(answer, /^HTTP\/1\.1 (400 Bad Request|404 Not Found)/, target);
      }
      assert.match(await handshake(served.url, '//[', token), /^HTTP\/1\.1 400 Bad Request/);
      const http = createHttpClient(base(served));
      const reply = await http.send({ path: '/books' });
      http.close();
      assert.equal(reply.status, 200);
    });
  });

  test('when a page of another origin opens a WebSocket then it gets 403, and the trace says why', async () => {
    await withServer(async (served, items) => {
      const answer = await handshake(served.url, '/chat?name=Eve', {
        Origin: 'http://evil.example',
        Authorization: `Bearer ${bookClubToken}`,
      });
      assert.match(answer, /^HTTP\/1\.1 403 Forbidden/);
      const refusal = () => httpExchanges(items).find((e) => e.response?.status === 403);
      // Decoding runs after forwarding: wait (bounded) for the item.
      for (let i = 0; i < 100 && !refusal(); i++) await new Promise((resolve) => setTimeout(resolve, 20));
      const refused = refusal();
      assert.ok(refused, 'the refusal is in the trace');
      assert.match(refused.response!.body, /Origin "http:\/\/evil\.example" is not this server's/);
    });
  });

  test('when the page of the server itself opens a WebSocket then its origin is accepted (and a client without Origin too)', async () => {
    await withServer(async (served) => {
      const own = await handshake(served.url, '/chat?name=Ada', {
        Origin: base(served),
        Authorization: `Bearer ${bookClubToken}`,
      });
      assert.match(own, /^HTTP\/1\.1 101 Switching Protocols/);
      const localhost = base(served).replace('127.0.0.1', 'localhost');
      const viaName = await handshake(served.url, '/chat?name=Grace', {
        Origin: localhost,
        Authorization: `Bearer ${bookClubToken}`,
      });
      assert.match(viaName, /^HTTP\/1\.1 101 Switching Protocols/);
      const noOrigin = await handshake(served.url, '/echo', { Authorization: `Bearer ${bookClubToken}` });
      assert.match(noOrigin, /^HTTP\/1\.1 101 Switching Protocols/);
    });
  });

  test('when --serve runs in German then the hint to open the chat page is German', async () => {
    const served = await serveWebsocket({ lang: 'de', onItem: () => undefined });
    try {
      assert.match(
        served.examples[0]!,
        /^# http:\/\/\S+\/chat\.html in zwei Browserfenstern öffnen; die Seite fragt nach dem Token: /,
      );
    } finally {
      await served.close();
    }
  });

  test('when the chat page is served then it does not contain the token', async () => {
    await withServer(async (served) => {
      const http = createHttpClient(base(served));
      const page = await http.send({ path: chatPagePath });
      http.close();
      assert.equal(page.status, 200);
      assert.match(page.text, /id="token"/);
      assert.equal(page.text.includes(bookClubToken), false);
      assert.ok(
        served.examples.some((line) => line.includes(bookClubToken)),
        'the terminal shows the token',
      );
    });
  });
});
