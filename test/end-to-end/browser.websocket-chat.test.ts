import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import type { ServedDemo } from '../../demos/core/demo.js';
import { bookClubToken } from '../../demos/websocket/auth.js';
import { chatPagePath } from '../../demos/websocket/http-app.js';
import { serveWebsocket } from '../../demos/websocket/session.js';
import { header, httpExchanges } from '../../demos/wire/http-facts.js';
import type { WireItem } from '../../demos/wire/trace.js';
import type { WebSocketFrameItem } from '../../demos/wire/websocket-frames.js';
import { createHttpClient } from '../../demos/wire/http-client.js';
import { useChromium, type SharedChromium } from '../utils/chromium.js';

const frames = (items: WireItem[]) => items.filter((item): item is WebSocketFrameItem => item.kind === 'ws-frame');

async function until(what: string, check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Waits until the element's text contains `text`, and returns that text. */
async function textOf(page: Page, selector: string, text: string): Promise<string> {
  await page.locator(selector, { hasText: text }).waitFor({ timeout: 5000 });
  return (await page.textContent(selector)) ?? '';
}

describe('the book-club page in a real browser (headless Chromium)', () => {
  test(
    'when two pages chat and a book is POSTed then both show it, and the tap saw every frame',
    { timeout: 60_000 },
    async () => {
      const items: WireItem[] = [];
      let served: ServedDemo | undefined;
      let chromium: SharedChromium | undefined;
      const contexts: BrowserContext[] = [];
      try {
        served = await serveWebsocket({ onItem: (item) => items.push(item) });
        chromium = await useChromium();
        // One English and one German browser: the page speaks the browser's language.
        const pageIn = async (locale: string) => {
          const context = await chromium!.browser.newContext({ locale });
          contexts.push(context);
          return context.newPage();
        };
        const [ada, grace] = await Promise.all([pageIn('en-GB'), pageIn('de-DE')]);
        // Both join at the same time, as two people would.
        const join = async (page: Page, name: 'Ada' | 'Grace') => {
          // The server's index links the chat page, in the browser's language; the link leads there.
          await page.goto(served!.url);
          const heading = name === 'Ada' ? 'what this server offers' : 'was dieser Server anbietet';
          assert.match((await page.textContent('h1')) ?? '', new RegExp(heading));
          await page.click(`a[href="${chatPagePath}"]`);
          await page.waitForURL(`**${chatPagePath}`);
          await page.fill('#name', name);
          // The page does not carry the token; the user types it in from the terminal.
          assert.equal(await page.inputValue('#token'), '');
          await page.fill('#token', bookClubToken);
          await page.click('#join button');
        };
        await Promise.all([join(ada, 'Ada'), join(grace, 'Grace')]);
        assert.match(await textOf(ada, '#status', 'Connected'), /Connected: you are in the book club\./);
        assert.match(await textOf(grace, '#status', 'Verbunden'), /Verbunden: du bist im Buchclub\./);

        await ada.fill('#text', 'Shall we read Refactoring?');
        await ada.click('#say button');
        for (const page of [ada, grace]) await textOf(page, '#messages', 'Ada: Shall we read Refactoring?');

        const http = createHttpClient(served.url);
        const reply = await http.send({
          method: 'POST',
          path: '/books',
          body: { title: 'Refactoring', author: 'Martin Fowler', year: 2018 },
        });
        http.close();
        assert.equal(reply.status, 201);
        await textOf(ada, '#books', 'New book: Refactoring by Martin Fowler');
        await textOf(grace, '#books', 'Neues Buch: Refactoring von Martin Fowler');
        assert.match(await textOf(ada, '#events', 'onmessage'), /onopen.*onmessage/s);

        // What the browsers put on the wire: two handshakes, then frames on those two connections.
        const upgrades = httpExchanges(items).filter((e) => e.upgraded);
        assert.equal(upgrades.length, 2);
        for (const upgrade of upgrades) {
          assert.match(header(upgrade.request, 'User-Agent') ?? '', /Chrome/);
          assert.equal(header(upgrade.request, 'Origin'), served.url.replace(/\/$/, ''));
          assert.match(header(upgrade.request, 'Sec-WebSocket-Extensions') ?? '', /permessage-deflate/);
          assert.equal(header(upgrade.response, 'Sec-WebSocket-Extensions'), undefined);
          assert.match(upgrade.request.target, /[?&]access_token=book-club/);
        }
        // They joined at the same time: each handshake names its user in the query.
        const connectionOf = (name: string) =>
          upgrades.find((e) => new URL(e.request.target, served!.url).searchParams.get('name') === name)!.connection;
        const [adaConnection, graceConnection] = [connectionOf('Ada'), connectionOf('Grace')];
        assert.notEqual(adaConnection, graceConnection);
        await until(
          'the push frames',
          () => frames(items).filter((f) => f.payloadText?.includes('bookAdded')).length === 2,
        );
        const sent = frames(items).filter((f) => f.direction === 'up');
        assert.deepEqual(
          sent.map((f) => [f.connection, f.opcodeName, f.masked, f.payloadText]),
          [[adaConnection, 'text', true, '{"type":"chat","text":"Shall we read Refactoring?"}']],
        );
        const received = frames(items).filter((f) => f.direction === 'down');
        for (const connection of [adaConnection, graceConnection]) {
          const mine = received.filter((f) => f.connection === connection);
          assert.deepEqual(
            mine.map((f) => [f.opcodeName, f.masked, (JSON.parse(f.payloadText!) as { type: string }).type]),
            [
              ['text', false, 'chat'],
              ['text', false, 'bookAdded'],
            ],
          );
        }
        assert.deepEqual(
          frames(items).flatMap((f) => f.violations),
          [],
        );

        // Closing a page closes its socket: the browser sends a close frame, masked, as a client must.
        await ada.close();
        await until('the close from the browser', () =>
          frames(items).some((f) => f.connection === adaConnection && f.direction === 'up' && f.opcodeName === 'close'),
        );
        const close = frames(items).find((f) => f.connection === adaConnection && f.opcodeName === 'close')!;
        assert.equal(close.masked, true);
        assert.equal(close.closeCode, 1001);
      } finally {
        for (const context of contexts) await context.close();
        await chromium?.release();
        await served?.close();
      }
    },
  );
});
