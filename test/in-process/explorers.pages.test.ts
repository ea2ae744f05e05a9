import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import type { ServeOptions, ServedDemo } from '../../demos/core/demo.js';
import { acceptsHtml, pageLang } from '../../demos/core/web/accept.js';
import { escapeHtml, scriptJson } from '../../demos/core/web/html.js';
import { indexPage } from '../../demos/core/web/index-page.js';
import { serveGraphql } from '../../demos/graphql/session.js';
import { serveRest } from '../../demos/rest/session.js';
import { serveSoap } from '../../demos/soap/session.js';
import { serveWebsocket } from '../../demos/websocket/session.js';

const browser = { Accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };
const leftovers: ServedDemo[] = [];
after(async () => {
  for (const served of leftovers.splice(0)) await served.close();
});

async function serve(
  start: (options: ServeOptions) => Promise<ServedDemo>,
  extra: Partial<ServeOptions> = {},
): Promise<string> {
  const served = await start({ onItem: () => {}, ...extra });
  leftovers.push(served);
  return new URL(served.url).origin;
}

describe('the pages of --serve', () => {
  test('when text reaches a page then markup in it is escaped, and script data cannot end its element', () => {
    assert.equal(escapeHtml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    const json = scriptJson({ q: '</script><script>alert(1)</script>\u2028' });
    assert.doesNotMatch(json, /<|\u2028/);
    assert.deepEqual(JSON.parse(json), { q: '</script><script>alert(1)</script>\u2028' });
    const page = indexPage('en', { title: '<b>t</b>', intro: 'i', offers: 'o' }, [
      { href: '/x?a="><script>', label: '<img src=x>', note: '&' },
    ]);
    assert.doesNotMatch(page, /<img|<b>|"><script>/);
    assert.match(page, /href="\/x\?a=&quot;&gt;&lt;script&gt;"/);
  });

  test('when a browser asks then it gets a page; curl, fetch and q=0 do not', () => {
    assert.equal(acceptsHtml(browser.Accept), true);
    assert.equal(acceptsHtml('*/*'), false);
    assert.equal(acceptsHtml(undefined), false);
    assert.equal(acceptsHtml('application/json, multipart/mixed'), false);
    assert.equal(acceptsHtml('text/html;q=0, application/json'), false);
    assert.equal(pageLang('de-DE,de;q=0.9,en;q=0.8'), 'de');
    assert.equal(pageLang('en-GB,de;q=0.5'), 'en');
    assert.equal(pageLang(undefined), 'en');
  });

  test('when GraphQL is asked by a browser then GraphiQL answers; a query or a client still gets GraphQL', async () => {
    const origin = await serve(serveGraphql);
    const page = await fetch(`${origin}/graphql`, { headers: browser });
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-security-policy') ?? '', /default-src 'self'.*connect-src 'self'/);
    assert.match(await page.text(), /<script src="\/explorer\/graphiql\.min\.js"><\/script>/);
    const query = await fetch(`${origin}/graphql?query=${encodeURIComponent('{ books { title } }')}`, {
      headers: browser,
    });
    assert.match(await query.text(), /"title":"Clean Code"/);
    const curl = await fetch(`${origin}/graphql`, { headers: { Accept: '*/*' } });
    assert.equal(curl.status, 400, 'no query: the GraphQL server answers, not the page');
    const bundle = await fetch(`${origin}/explorer/graphiql.min.js`);
    assert.equal(bundle.status, 200);
    assert.ok(Number(bundle.headers.get('content-length')) > 100_000);
    assert.equal((await fetch(`${origin}/explorer/..%2Fpackage.json`)).status, 404);
    assert.equal((await fetch(`${origin}/explorer/graphiql.js.map`)).status, 404, 'only the files named are served');
  });

  test('when the index is asked in German then it answers in German and links what the server offers', async () => {
    const origin = await serve(serveRest);
    const index = await (await fetch(`${origin}/`, { headers: { ...browser, 'Accept-Language': 'de-DE' } })).text();
    assert.match(index, /<html lang="de">/);
    assert.match(index, /was dieser Server anbietet/);
    for (const href of ['/docs', '/openapi.json', '/v1/books']) assert.match(index, new RegExp(`href="${href}"`));
    const docs = await (await fetch(`${origin}/docs`, { headers: browser })).text();
    assert.match(docs, /<script src="\/docs\/swagger-ui-bundle\.js"><\/script>/);
    const start = await (await fetch(`${origin}/docs/start-swagger-ui.js`)).text();
    assert.match(start, /validatorUrl: null/, 'Swagger UI sends the document to no validator on the internet');
  });

  test('when the SOAP endpoint is asked by a browser then the operations page answers; ?wsdl stays the WSDL', async () => {
    const origin = await serve(serveSoap);
    const page = await (await fetch(`${origin}/BookService`, { headers: browser })).text();
    for (const operation of ['ListBooks', 'GetBook', 'GetBookWithReviews', 'AddBook']) {
      assert.match(page, new RegExp(`data-action="urn:awt-demo:books/${operation}"`));
    }
    assert.match(page, /&lt;soap:Envelope xmlns:soap=&quot;http:\/\/schemas\.xmlsoap\.org\/soap\/envelope\/&quot;&gt;/);
    assert.match(page, /href="\/BookService\?wsdl"/);
    const wsdl = await fetch(`${origin}/BookService?wsdl`, { headers: browser });
    assert.match(await wsdl.text(), /<wsdl:definitions/);
  });

  test('when the run is German (--lang de) then the index and the pages around the tools are German for any browser', async () => {
    const english = { ...browser, 'Accept-Language': 'en-GB' };
    for (const start of [serveRest, serveGraphql, serveSoap, serveWebsocket]) {
      const origin = await serve(start, { lang: 'de' });
      const index = await (await fetch(`${origin}/`, { headers: english })).text();
      assert.match(index, /<html lang="de">/);
      assert.match(index, /was dieser Server anbietet/);
    }
    const rest = await serve(serveRest, { lang: 'de' });
    const docs = await (await fetch(`${rest}/docs`, { headers: english })).text();
    assert.match(docs, /GraphiQL und Swagger UI gibt es nur auf Englisch/);
    const graphql = await serve(serveGraphql, { lang: 'de' });
    const explorer = await (await fetch(`${graphql}/graphql`, { headers: english })).text();
    assert.match(explorer, /GraphiQL und Swagger UI gibt es nur auf Englisch/);
    const soap = await serve(serveSoap, { lang: 'de' });
    assert.match(await (await fetch(`${soap}/BookService`, { headers: english })).text(), /<html lang="de">/);
    const inEnglish = await (
      await fetch(`${await serve(serveRest, { lang: 'en' })}/docs`, { headers: english })
    ).text();
    assert.match(inEnglish, /Every request sent from here shows in the terminal/);
  });

  test('when the websocket server is asked for / then its index links the chat page', async () => {
    const origin = await serve(serveWebsocket);
    const index = await (await fetch(`${origin}/`, { headers: browser })).text();
    for (const href of ['/chat.html', '/books']) assert.match(index, new RegExp(`href="${href}"`));
    const chat = await (await fetch(`${origin}/chat.html`, { headers: browser })).text();
    assert.match(chat, /id="token"/);
  });
});
