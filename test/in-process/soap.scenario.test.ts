import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Lang } from '../../demos/core/lang.js';
import { runScenario } from '../../demos/core/run-scenario.js';
import { demo as soapDemo } from '../../demos/soap/demo.js';
import { demoAccount } from '../../demos/soap/ws-security.js';
import { soapAction } from '../../demos/soap/wsdl.js';
import { parseXml } from '../../demos/soap/xml-tree.js';
import { header, httpExchanges } from '../../demos/wire/http-facts.js';
import type { HttpExchange, StepTrace } from '../../demos/wire/trace.js';
import { numberWords } from '../../demos/core/numbers.js';

async function run(lang: Lang): Promise<StepTrace[]> {
  const steps: StepTrace[] = [];
  for await (const step of runScenario(soapDemo, { lang })) steps.push(step);
  return steps;
}

describe('SOAP demo, on the real server through the tap', () => {
  let steps: StepTrace[];
  const exchangesOf = (id: string): HttpExchange[] => httpExchanges(steps.find((s) => s.id === id)!.items);
  const factsOf = (id: string) => steps.find((s) => s.id === id)!.facts.join('\n');

  before(async () => {
    steps = await run('en');
  });

  test('when the scenario runs then the steps come in the order of the issue with the statuses SOAP gives', () => {
    assert.deepEqual(
      steps.map((s) => s.id),
      ['wsdl', 'listBooks', 'getBook', 'addBook', 'fault', 'invalid', 'security', 'serverFault'],
    );
    const statuses = steps.map((s) => httpExchanges(s.items).map((e) => e.response?.status));
    assert.deepEqual(statuses, [[200], [200], [200, 200], [200], [500], [500], [500, 200], [500, 200]]);
  });

  test('when the client is made then it fetched the WSDL, whose soap:address is the port it then posts to', () => {
    const [fetch] = exchangesOf('wsdl');
    assert.equal(fetch!.request.startLine, 'GET /BookService?wsdl HTTP/1.1');
    const host = header(fetch!.request, 'host');
    assert.match(fetch!.response!.body, new RegExp(`<soap:address location="http://${host}/BookService"/>`));
    assert.match(
      factsOf('wsdl'),
      /ListBooksAsync\(\), GetBookAsync\(\), GetBookWithReviewsAsync\(\), AddBookAsync\(\)/,
    );
  });

  test('when only SOAP is shown then every item of every step is a POST to the one endpoint, after the WSDL', () => {
    const all = steps.slice(1).flatMap((s) => httpExchanges(s.items));
    assert.equal(all.length, 10);
    for (const e of all) {
      assert.equal(e.request.startLine, 'POST /BookService HTTP/1.1');
      assert.match(header(e.request, 'content-type') ?? '', /^text\/xml/);
      assert.ok(parseXml(e.request.body).ok && parseXml(e.response!.body).ok, 'both envelopes are well-formed');
    }
    assert.deepEqual(
      exchangesOf('getBook').map((e) => header(e.request, 'soapaction')),
      [`"${soapAction('GetBook')}"`, `"${soapAction('GetBookWithReviews')}"`],
    );
  });

  test('when ListBooks is compared then the line gives the bytes measured on the three taps in this run', () => {
    const response = exchangesOf('listBooks')[0]!.response!;
    const books = response.body.match(/<book>/g) ?? [];
    assert.equal(books.length, 6);
    const [sizes, totals] = steps.find((s) => s.id === 'listBooks')!.facts;
    // Numbers as English writes them: 1,371 B (grouped), 1.5 ×.
    const match = /SOAP ([\d,]+) B of XML, REST ([\d,]+) B and GraphQL ([\d,]+) B of JSON; SOAP needs (\d\.\d) ×/.exec(
      sizes!,
    );
    assert.ok(match, sizes);
    const [soapBytes, rest, graphql, ratio] = match.slice(1).map((n) => Number(n.replace(/,/g, ''))) as [
      number,
      number,
      number,
      number,
    ];
    assert.equal(soapBytes, response.contentBytes);
    // The JSON answers of the same six books with six fields each, as those servers send them today.
    assert.ok(rest > 800 && rest < soapBytes, `REST ${rest}`);
    assert.ok(graphql > rest && graphql < soapBytes, `GraphQL ${graphql}`);
    assert.equal(ratio, Number((soapBytes / rest).toFixed(1)));
    assert.match(
      totals!,
      new RegExp(
        `SOAP ${numberWords('en').bytes(response.headBytes + response.bodyBytes)}, REST [\\d,]+ B, GraphQL [\\d,]+ B`,
      ),
    );
  });

  test('when a book is added then the request carries the token and the client got typed values back', () => {
    const [added] = exchangesOf('addBook');
    assert.match(added!.request.body, /<soap:Header><wsse:Security soap:mustUnderstand="1"/);
    assert.match(added!.response!.body, /<book><id>7<\/id><title>Enterprise Integration Patterns<\/title>/);
    assert.match(factsOf('addBook'), /year is of type number and createdAt of type Date/);
  });

  test('when GetBook(999) fails then it is a SOAP 1.1 Fault with HTTP 500, soap:Client and a detail', () => {
    const [missing] = exchangesOf('fault');
    assert.equal(missing!.response!.status, 500);
    assert.match(
      missing!.response!.body,
      /<soap:Fault><faultcode>soap:Client<\/faultcode><faultstring>No book with id 999\.<\/faultstring><detail><BookNotFound xmlns="urn:awt-demo:books"><id>999<\/id><\/BookNotFound><\/detail><\/soap:Fault>/,
    );
    assert.match(factsOf('fault'), /The promise is rejected with an Error "soap:Client: No book with id 999\./);
  });

  test('when the title is empty then the Fault has the same problem codes as REST and GraphQL, asked in this run', () => {
    const [invalid] = exchangesOf('invalid');
    assert.match(invalid!.response!.body, /<problem><field>title<\/field><code>required<\/code>/);
    assert.equal(
      steps.find((s) => s.id === 'invalid')!.facts[0],
      "Fault detail: title:required. REST's 400 for the same book: title:required. GraphQL's errors: title:required.",
    );
    assert.match(factsOf('invalid'), /The same problem codes in all three paradigms\./);
  });

  test('when WS-Security is shown then the call without a token is refused and the one with it passes', () => {
    const [refused, accepted] = exchangesOf('security');
    assert.equal(refused!.request.body.includes('wsse:Security'), false);
    assert.match(refused!.response!.body, /<faultcode>wsse:FailedAuthentication<\/faultcode>/);
    assert.match(
      accepted!.request.body,
      /<wsse:UsernameToken[\s\S]*#PasswordDigest">[A-Za-z0-9+/=]{28}<\/wsse:Password>/,
    );
    assert.equal(accepted!.response!.status, 200);
    const sent = [refused, accepted].map((e) => e!.request.raw).join('');
    assert.equal(sent.includes(demoAccount.password), false);
    assert.match(factsOf('security'), /The password is nowhere in the [\d,]+ B/);
  });

  test('when the store is down then the same valid request gets soap:Server with HTTP 500, and the retry passes', () => {
    const [failed, retried] = exchangesOf('serverFault');
    assert.equal(failed!.request.body, retried!.request.body, 'the retry sends the very same envelope');
    assert.equal(failed!.response!.status, 500);
    assert.match(failed!.response!.body, /<faultcode>soap:Server<\/faultcode>/);
    assert.match(
      failed!.response!.body,
      /<detail><StoreUnavailable xmlns="urn:awt-demo:books"><\/StoreUnavailable><\/detail>/,
    );
    // The same status as the soap:Client Fault of step 5: only the faultcode tells them apart.
    assert.equal(exchangesOf('fault')[0]!.response!.status, failed!.response!.status);
    assert.match(exchangesOf('fault')[0]!.response!.body, /<faultcode>soap:Client<\/faultcode>/);
    assert.equal(retried!.response!.status, 200);
    assert.deepEqual(steps.find((s) => s.id === 'serverFault')!.facts, [
      'Store down: HTTP 500; faultcode soap:Server, faultstring "The book store is not reachable; the request was valid, send it again later."',
      'The same GetBook(1) once the store answers again: HTTP 200, "Clean Code". The retry was right.',
    ]);
  });

  test('when bytes are counted then each step is exactly its SOAP exchanges, on one keep-alive connection', () => {
    for (const s of steps) {
      const exchanges = httpExchanges(s.items);
      const up = exchanges.reduce((sum, e) => sum + e.request.headBytes + e.request.bodyBytes, 0);
      const down = exchanges.reduce((sum, e) => sum + e.response!.headBytes + e.response!.bodyBytes, 0);
      assert.equal(up, s.bytesUp, `${s.id} up`);
      assert.equal(down, s.bytesDown, `${s.id} down`);
    }
    const all = steps.flatMap((s) => httpExchanges(s.items));
    assert.deepEqual(new Set(all.map((e) => e.connection)), new Set([1]));
  });

  test('when the language is German then every step has German facts and the same wire', async () => {
    const german = await run('de');
    assert.equal(german.length, 8);
    assert.match(german[1]!.facts[0]!, /^Dieselben 6 Bücher, Bodies der Responses: SOAP [\d.]+ B XML/);
    assert.match(german[1]!.facts[0]!, /SOAP braucht \d,\d-mal so viele Bytes wie REST\.$/);
    assert.match(german[6]!.facts[2]!, /^Das Passwort steht nirgends/);
    assert.deepEqual(
      german.map((s) => httpExchanges(s.items).map((e) => e.response?.status)),
      steps.map((s) => httpExchanges(s.items).map((e) => e.response?.status)),
    );
  });
});
