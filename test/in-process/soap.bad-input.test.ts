import assert from 'node:assert/strict';
import http from 'node:http';
import type net from 'node:net';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { BookStore } from '../../demos/books/store.js';
import { envelope } from '../../demos/soap/curl-examples.js';
import { faultOnCrash, maxBodyBytes } from '../../demos/soap/gate.js';
import { createSoapApp } from '../../demos/soap/server.js';
import { soapAction, type Operation } from '../../demos/soap/wsdl.js';
import { parseXml, type XmlElement } from '../../demos/soap/xml-tree.js';

const envNs = 'http://schemas.xmlsoap.org/soap/envelope/';
const xml = { 'Content-Type': 'text/xml; charset=utf-8' };

interface Answer {
  status: number;
  contentType: string;
  text: string;
  /** The Body's one element, when the answer is a well-formed SOAP 1.1 envelope. */
  body?: XmlElement;
  fault?: { code: string; string: string; detail?: XmlElement };
}

async function listen(handler: http.RequestListener): Promise<{ server: http.Server; url: string }> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as net.AddressInfo).port}` };
}

async function close(server: http.Server | undefined): Promise<void> {
  if (!server) return;
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

/** Reads an answer the way a strict client would: it must be one well-formed envelope. */
function read(status: number, contentType: string, text: string): Answer {
  const answer: Answer = { status, contentType, text };
  const parsed = parseXml(text);
  if (!parsed.ok || parsed.root.uri !== envNs || parsed.root.local !== 'Envelope') return answer;
  const body = parsed.root.children.find((c) => c.uri === envNs && c.local === 'Body');
  answer.body = body?.children[0];
  if (answer.body?.uri === envNs && answer.body.local === 'Fault') {
    const part = (name: string) => answer.body!.children.find((c) => c.uri === '' && c.local === name);
    answer.fault = { code: part('faultcode')?.text ?? '', string: part('faultstring')?.text ?? '' };
    const detail = part('detail')?.children[0];
    if (detail) answer.fault.detail = detail;
  }
  return answer;
}

describe('bad input to the SOAP server', () => {
  let server: http.Server;
  let url: string;
  let canary: http.Server;
  let canaryUrl: string;
  let canaryHits = 0;
  let secretDir: string;

  before(async () => {
    ({ server, url } = await listen((req, res) => app(req, res)));
    const app = await createSoapApp(new BookStore(), `${url}/BookService`);
    ({ server: canary, url: canaryUrl } = await listen((_req, res) => {
      canaryHits++;
      res.end('<x>canary</x>');
    }));
    secretDir = await mkdtemp(join(tmpdir(), 'awt-soap-'));
    await writeFile(join(secretDir, 'secret.txt'), 'TOP-SECRET-CANARY');
  });
  after(async () => {
    await Promise.all([close(server), close(canary)]);
    if (secretDir) await rm(secretDir, { recursive: true, force: true });
  });

  async function send(body: string | Buffer, headers: Record<string, string> = { ...xml, SOAPAction: '""' }) {
    const response = await fetch(`${url}/BookService`, { method: 'POST', headers, body });
    return read(response.status, response.headers.get('content-type') ?? '', await response.text());
  }

  const call = (operation: Operation, inner: string, header = '') =>
    send(envelope(operation, inner, header), { ...xml, SOAPAction: `"${soapAction(operation)}"` });

  /** Every refusal: HTTP 500 (SOAP 1.1 §6.2), text/xml, one well-formed envelope with a Fault. */
  function assertFault(answer: Answer, code: string, string: RegExp): void {
    assert.equal(answer.status, 500, answer.text);
    assert.match(answer.contentType, /^text\/xml; charset=utf-8$/);
    assert.ok(answer.fault, `a SOAP Fault, got: ${answer.text}`);
    assert.equal(answer.fault.code, code);
    assert.match(answer.fault.string, string);
  }

  test('when the envelope is malformed (a tag left open) then the answer is a soap:Client Fault', async () => {
    const broken = envelope('GetBook', '<id>1</id>').replace('</soap:Body>', '');
    assertFault(await send(broken), 'soap:Client', /not XML: Unexpected close tag at line 1/);
  });

  test('when the body is not XML at all then the answer is a soap:Client Fault', async () => {
    assertFault(await send('{"operation":"ListBooks"}'), 'soap:Client', /not XML: Non-whitespace before first tag/);
    assertFault(await send(''), 'soap:Client', /no content/);
    assertFault(await send(Buffer.from([0xff, 0xfe, 0x00, 0x3c])), 'soap:Client', /not XML/);
  });

  test('when the operation is unknown then the Fault names it and the detail lists the known ones', async () => {
    const answer = await send(envelope('DeleteAllBooks' as Operation, ''));
    assertFault(answer, 'soap:Client', /^Unknown operation \{urn:awt-demo:books\}DeleteAllBooks\.$/);
    assert.equal(answer.fault?.detail?.local, 'UnknownOperation');
    assert.match(answer.fault?.detail?.children[1]?.text ?? '', /ListBooks .*AddBook/);
  });

  test('when a known operation comes in another namespace then it is unknown too', async () => {
    const foreign = envelope('ListBooks', '').replace('xmlns="urn:awt-demo:books"', 'xmlns="urn:example:other"');
    assertFault(await send(foreign), 'soap:Client', /Unknown operation \{urn:example:other\}ListBooks/);
  });

  test('when the document has a DOCTYPE then it is refused before any entity is looked at', async () => {
    const withDoctype = `<?xml version="1.0"?><!DOCTYPE soap:Envelope>${envelope('ListBooks', '')}`;
    assertFault(await send(withDoctype), 'soap:Client', /must not contain a DOCTYPE \(SOAP 1\.1 §3\)/);
  });

  test('when an external entity (XXE) points at a file or a URL then it is never resolved', async () => {
    const file = `file://${join(secretDir, 'secret.txt')}`;
    for (const target of [file, `${canaryUrl}/xxe`]) {
      const dtd = `<!DOCTYPE soap:Envelope [<!ENTITY xxe SYSTEM "${target}">]>`;
      const answer = await send(`<?xml version="1.0"?>${dtd}${envelope('GetBook', '<id>&xxe;</id>')}`);
      assertFault(answer, 'soap:Client', /DOCTYPE/);
      assert.equal(answer.text.includes('TOP-SECRET-CANARY'), false);
    }
    // A parameter entity that would load an external DTD, and XML hidden in CDATA, which the soap package re-parses.
    const parameter = `<!DOCTYPE x [<!ENTITY % remote SYSTEM "${canaryUrl}/dtd"> %remote;]>`;
    assertFault(await send(`${parameter}${envelope('ListBooks', '')}`), 'soap:Client', /DOCTYPE/);
    const nested = `<![CDATA[<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "${canaryUrl}/cdata">]><x>&e;</x>]]>`;
    assertFault(await call('GetBook', `<id>${nested}</id>`), 'soap:Client', /In a CDATA section .*DOCTYPE/);
    assert.equal(canaryHits, 0, 'nothing fetched the external entity');
  });

  test('when entities would multiply (billion laughs) then the DOCTYPE is refused at once', async () => {
    const lol = [
      '<!ENTITY a "lol">',
      ...Array.from({ length: 9 }, (_v, i) => `<!ENTITY ${'b'.repeat(i + 1)} "${'&a;'.repeat(10)}">`),
    ];
    const answer = await send(`<!DOCTYPE x [${lol.join('')}]>${envelope('GetBook', '<id>&bbbbbbbbb;</id>')}`);
    assertFault(answer, 'soap:Client', /DOCTYPE/);
    // Refused before any entity was expanded: nothing of the 10^9 "lol"s made it into the answer.
    assert.doesNotMatch(answer.text, /lollol/);
    assert.ok(answer.text.length < 4096, `${answer.text.length} characters`);
  });

  test('when elements nest too deep or CDATA hides a broken document then it is refused quickly', async () => {
    const deep = `${'<x>'.repeat(40)}1${'</x>'.repeat(40)}`;
    assertFault(await call('GetBook', `<id>${deep}</id>`), 'soap:Client', /nested more than 32 deep/);
    const crafted = `<id><![CDATA[${'<?xml'.repeat(12_000)}]]></id>`;
    // The gate's own parser refuses the section, so the soap package (whose regular expression
    // for it is quadratic) never sees it: the fault names the CDATA section, in the gate's words.
    const checked = parseXml(`<r>${crafted}</r>`);
    assert.equal(checked.ok, false);
    assertFault(await call('GetBook', crafted), 'soap:Client', /In a CDATA section at line \d+/);
  });

  test('when an entity is undefined or an HTML name then the message is not well-formed XML', async () => {
    assertFault(await call('GetBook', '<id>&nbsp;1</id>'), 'soap:Client', /Invalid character entity/);
  });

  test('when a processing instruction or a late XML declaration appears then it is refused', async () => {
    const pi = envelope('ListBooks', '').replace('<soap:Body>', '<soap:Body><?evil run?>');
    assertFault(await send(pi), 'soap:Client', /processing instructions/);
    assertFault(await send(` <?xml version="1.0"?>${envelope('ListBooks', '')}`), 'soap:Client', /must come first/);
  });

  test('when the envelope is SOAP 1.2 then the Fault is soap:VersionMismatch', async () => {
    const soap12 = envelope('ListBooks', '').replace(envNs, 'http://www.w3.org/2003/05/soap-envelope');
    assertFault(await send(soap12), 'soap:VersionMismatch', /SOAP 1\.2; the service speaks SOAP 1\.1/);
  });

  test('when the shape of the envelope is wrong then each case gets its own soap:Client Fault', async () => {
    assertFault(await send('<ListBooks xmlns="urn:awt-demo:books"/>'), 'soap:Client', /not a soap:Envelope/);
    const noBody = `<soap:Envelope xmlns:soap="${envNs}"><soap:Header/></soap:Envelope>`;
    assertFault(await send(noBody), 'soap:Client', /no soap:Body/);
    const twoCalls = envelope('ListBooks', '').replace(
      '</soap:Body>',
      '<ListBooks xmlns="urn:awt-demo:books"/></soap:Body>',
    );
    assertFault(await send(twoCalls), 'soap:Client', /holds 2 elements/);
    const empty = `<soap:Envelope xmlns:soap="${envNs}"><soap:Body/></soap:Envelope>`;
    assertFault(await send(empty), 'soap:Client', /holds 0 elements/);
    assertFault(await send('<a/><b/>'), 'soap:Client', /one root element/);
  });

  test('when the SOAPAction is missing or names another operation then it is refused', async () => {
    assertFault(await send(envelope('ListBooks', ''), xml), 'soap:Client', /SOAPAction header is missing/);
    const mismatch = { ...xml, SOAPAction: `"${soapAction('AddBook')}"` };
    assertFault(await send(envelope('ListBooks', ''), mismatch), 'soap:Client', /does not match the operation/);
  });

  test('when the media type is not text/xml in UTF-8 then it is refused', async () => {
    const body = envelope('ListBooks', '');
    const json = { 'Content-Type': 'application/json', SOAPAction: '""' };
    assertFault(await send(body, json), 'soap:Client', /Content-Type is "application\/json"/);
    const latin1 = { 'Content-Type': 'text/xml; charset=ISO-8859-1', SOAPAction: '""' };
    assertFault(await send(body, latin1), 'soap:Client', /charset=utf-8/);
  });

  test('when the body is larger than the limit then it is refused unread', async () => {
    const big = envelope('GetBook', `<id>${'9'.repeat(maxBodyBytes)}</id>`);
    assertFault(await send(big), 'soap:Client', /too large/);
  });

  test('when a header block is mustUnderstand and unknown then the Fault is soap:MustUnderstand', async () => {
    const header = `<soap:Header><tx:Transaction xmlns:tx="urn:example:tx" soap:mustUnderstand="1">5</tx:Transaction></soap:Header>`;
    const answer = await call('ListBooks', '', header);
    assertFault(answer, 'soap:MustUnderstand', /\{urn:example:tx\}Transaction/);
    // The same block for another node (SOAP 1.1 §4.2.2) or without mustUnderstand is no reason to refuse.
    const optional = header.replace(' soap:mustUnderstand="1"', '');
    assert.equal((await call('ListBooks', '', optional)).body?.local, 'ListBooksResponse');
    const elsewhere = header.replace('soap:mustUnderstand', 'soap:actor="urn:example:other" soap:mustUnderstand');
    assert.equal((await call('ListBooks', '', elsewhere)).body?.local, 'ListBooksResponse');
  });

  test('when names would reach into Object.prototype then the soap package never sees them', async () => {
    assertFault(await call('GetBook', '<id id="__proto__">1</id>'), 'soap:Client', /SOAP encoding/);
    assertFault(await call('GetBook', '<id href="#constructor">1</id>'), 'soap:Client', /SOAP encoding/);
    assertFault(await call('GetBook', '<toString>1</toString>'), 'soap:Client', /element name toString/);
    const typed = '<id xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="xsd:valueOf">1</id>';
    assertFault(await call('GetBook', typed), 'soap:Client', /xsi:type/);
    assert.equal(Object.prototype.hasOwnProperty.call(Object.prototype, 'obj'), false);
  });

  test('when the method or path is wrong then the answer says where the service is', async () => {
    const get = await fetch(`${url}/BookService`);
    assert.equal(get.status, 405);
    assert.equal(get.headers.get('allow'), 'GET, POST');
    assert.equal((await fetch(`${url}/BookService`, { method: 'DELETE' })).status, 405);
    const elsewhere = await fetch(`${url}/books`);
    assert.equal(elsewhere.status, 404);
    assert.match(await elsewhere.text(), /\/BookService\?wsdl/);
  });

  test('when the soap package fails inside then the plain-text 500 becomes a soap:Server Fault', async () => {
    const { server: crashing, url: crashUrl } = await listen((_req, res) => {
      faultOnCrash(res as never);
      res.statusCode = 500;
      res.end('TypeError: typeDef.description is not a function');
    });
    try {
      const response = await fetch(crashUrl);
      const answer = read(response.status, response.headers.get('content-type') ?? '', await response.text());
      assertFault(answer, 'soap:Server', /bug in awt-demo/);
      assert.equal(answer.text.includes('TypeError'), false);
    } finally {
      await close(crashing);
    }
  });

  test('when many mangled envelopes arrive then every answer is a well-formed envelope and the server lives', async () => {
    const good = envelope('GetBook', '<id>1</id>');
    let seed = 42;
    const random = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    const pieces = [
      '<',
      '>',
      '/',
      '&',
      '"',
      '<![CDATA[',
      ']]>',
      '&amp;',
      ':',
      'xmlns:x="y"',
      '<!--',
      '-->',
      '\u0000',
      'é',
    ];
    for (let i = 0; i < 200; i++) {
      const at = random(good.length);
      const mangled =
        i % 2 === 0
          ? good.slice(0, at) + pieces[random(pieces.length)]! + good.slice(at)
          : good.slice(0, at) + good.slice(at + 1 + random(5));
      const answer = await send(mangled, { ...xml, SOAPAction: '""' });
      assert.ok(answer.status === 200 || answer.fault, `answer to ${JSON.stringify(mangled)}: ${answer.text}`);
      assert.ok(answer.body, `a well-formed envelope for ${JSON.stringify(mangled)}`);
    }
    assert.equal((await call('ListBooks', '')).body?.local, 'ListBooksResponse');
  });
});
