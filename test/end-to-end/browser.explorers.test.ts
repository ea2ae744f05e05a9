import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import type { ServeOptions, ServedDemo } from '../../demos/core/demo.js';
import { serveGraphql } from '../../demos/graphql/session.js';
import { serveRest } from '../../demos/rest/session.js';
import { serveSoap } from '../../demos/soap/session.js';
import { header, httpExchanges } from '../../demos/wire/http-facts.js';
import type { WireItem } from '../../demos/wire/trace.js';
import { useChromium, type SharedChromium } from '../utils/chromium.js';

const leftovers: Array<() => Promise<void>> = [];
let chromium: SharedChromium | undefined;
let context: BrowserContext;
/** Every URL the pages tried to reach that is not on 127.0.0.1: must stay empty. */
const blocked: string[] = [];

async function start(serve: (options: ServeOptions) => Promise<ServedDemo>) {
  const items: WireItem[] = [];
  const demo = await serve({ onItem: (item) => items.push(item) });
  leftovers.push(() => demo.close());
  return { demo, items };
}

async function openPage(url: string): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(url);
  return { page, errors };
}

// One browser context for the file (the browser is shared, test/utils/chromium.ts), a page per
// test, the pages side by side: each test has its own server and its own trace, and most of a
// test is the browser waiting for a page to load.
describe(
  'the explorers of --serve in a real browser with no network (headless Chromium)',
  { concurrency: true },
  () => {
    before(async () => {
      chromium = await useChromium();
      // A fresh profile: nothing cached from an earlier run or another test can stand in for the server.
      context = await chromium.browser.newContext({ locale: 'en-GB' });
      // The network is cut off except for loopback: a page that needs a CDN fails here.
      await context.route('**/*', (route) => {
        const url = new URL(route.request().url());
        if (url.hostname === '127.0.0.1') return route.continue();
        blocked.push(url.href);
        return route.abort('internetdisconnected');
      });
    });

    after(async () => {
      await context?.close();
      await chromium?.release();
      for (const close of leftovers.splice(0)) await close();
    });

    test(
      'when a query is run in GraphiQL then the answer shows on the page and the POST in the trace',
      { timeout: 60_000 },
      async () => {
        const { demo, items } = await start(serveGraphql);
        const { page, errors } = await openPage(demo.url);
        await page.locator('.graphiql-execute-button').waitFor({ timeout: 20_000 });
        // The schema arrived by introspection: the docs explorer lists the root types.
        await page.click('[aria-label="Show Documentation Explorer"]');
        await page.getByText('Root Types').waitFor({ timeout: 10_000 });
        await page.click('.graphiql-execute-button');
        const result = page.locator('.graphiql-response');
        await result.getByText('The Pragmatic Programmer').waitFor({ timeout: 10_000 });
        assert.match((await result.textContent()) ?? '', /"title": "Clean Code"/);
        // Autocomplete from the schema: typing "bo" offers the Query fields book and books.
        await page.locator('.graphiql-query-editor .CodeMirror').first().click();
        await page.keyboard.press('Control+A');
        await page.keyboard.type('{ bo');
        const hints = page.locator('.CodeMirror-hints');
        await hints.getByText('books').waitFor({ timeout: 10_000 });
        assert.match((await hints.textContent()) ?? '', /^bookbooks$/);

        const posts = httpExchanges(items).filter(
          (e) => e.request.method === 'POST' && e.request.target === '/graphql',
        );
        assert.ok(
          posts.some((e) => e.request.body.includes('__schema')),
          'the introspection query went through the tap',
        );
        assert.ok(posts.some((e) => /books\s*\{/.test(e.request.body) && e.response?.body.includes('Clean Code')));
        assert.deepEqual(blocked, []);
        assert.deepEqual(errors, []);
        await page.close();
      },
    );

    test(
      'when "Try it out" runs GET /v1/books in Swagger UI then the books show on the page and the GET in the trace',
      { timeout: 60_000 },
      async () => {
        const { demo, items } = await start(serveRest);
        const { page, errors } = await openPage(`${demo.url}/docs`);
        const operation = page.locator('#operations-default-listBooksV1');
        await operation.locator('.opblock-summary').click({ timeout: 20_000 });
        await operation.getByRole('button', { name: 'Try it out' }).click();
        await operation.getByRole('button', { name: 'Execute' }).click();
        const body = operation.locator('.live-responses-table .response-col_description pre').first();
        await body.getByText('Clean Code').waitFor({ timeout: 10_000 });
        assert.match((await body.textContent()) ?? '', /"author": "Robert C. Martin"/);

        const gets = httpExchanges(items).filter((e) => e.request.target === '/v1/books');
        assert.equal(gets.length, 1, 'Swagger UI sent the request to this server, through the tap');
        assert.equal(gets[0]!.response?.status, 200);
        assert.ok(httpExchanges(items).some((e) => e.request.target === '/openapi.json'));
        assert.deepEqual(blocked, []);
        assert.deepEqual(errors, []);
        await page.close();
      },
    );

    test(
      'when an envelope is sent from the SOAP page then the answer shows as text and the POST in the trace',
      { timeout: 60_000 },
      async () => {
        const { demo, items } = await start(serveSoap);
        const { page, errors } = await openPage(demo.url.replace(/\?wsdl$/, ''));
        const addBook = page.locator('form[data-action="urn:awt-demo:books/AddBook"]').last();
        const envelope = await addBook.locator('textarea').inputValue();
        // A title with markup in it: the answer echoes it, and the page must show it, not run it.
        await addBook.locator('textarea').fill(envelope.replace('Refactoring', '&lt;img src=x onerror=alert(1)&gt;'));
        await addBook.getByRole('button').click();
        const output = addBook.locator('output');
        await output.getByText('AddBookResponse').waitFor({ timeout: 10_000 });
        const text = (await output.textContent()) ?? '';
        assert.match(text, /^HTTP 200 OK/);
        assert.match(text, /&lt;img src=x/);
        assert.equal(await page.locator('output img').count(), 0, 'the answer is shown as text, not as markup');

        const post = httpExchanges(items).find((e) => e.request.method === 'POST');
        assert.equal(header(post?.request, 'SOAPAction'), '"urn:awt-demo:books/AddBook"');
        assert.deepEqual(blocked, []);
        assert.deepEqual(errors, []);
        await page.close();
      },
    );
  },
);
