import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { bodyLines } from '../../demos/render/body-view.js';
import { xmlLines, xmlView } from '../../demos/render/highlight-xml.js';
import { renderHttpExchange } from '../../demos/render/http-exchange.js';
import type { Line } from '../../demos/render/lines.js';
import { createTheme } from '../../demos/render/theme.js';
import { httpDecoder } from '../../demos/wire/http-decoder.js';
import type { HttpExchange } from '../../demos/wire/trace.js';
import { messages } from '../../demos/core/messages/index.js';
import { decodeChunks } from '../utils/decode.js';

const text = (lines: Line[] | undefined) => (lines ?? []).map((l) => l.map((s) => s.text).join('')).join('\n');
const styleOf = (lines: Line[], piece: string) => lines.flat().find((s) => s.text === piece)?.style;

const envelope =
  '<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:tns="urn:awt-demo:books">' +
  '<soap:Body><ListBooksResponse xmlns="urn:awt-demo:books"><book><id>1</id><title>Clean Code</title><author>R &amp; M</author></book>' +
  '<book><id>2</id><title>Refactoring</title><author>Martin Fowler</author></book></ListBooksResponse></soap:Body></soap:Envelope>';

describe('XML bodies', () => {
  test('when an envelope is shown then it is indented by element, a record stays on one line, namespaces wrap', () => {
    assert.equal(
      text(xmlLines(envelope)),
      [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<soap:Envelope',
        '    xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"',
        '    xmlns:tns="urn:awt-demo:books">',
        '  <soap:Body>',
        '    <ListBooksResponse xmlns="urn:awt-demo:books">',
        '      <book><id>1</id> <title>Clean Code</title> <author>R &amp; M</author></book>',
        '      <book><id>2</id> <title>Refactoring</title> <author>Martin Fowler</author></book>',
        '    </ListBooksResponse>',
        '  </soap:Body>',
        '</soap:Envelope>',
      ].join('\n'),
    );
  });

  test('when it is coloured then names, prefixes, attributes, values and text each have their style', () => {
    const lines = xmlLines('<a:Fault code="x" xmlns:a="urn:a"><faultstring>No book</faultstring><!-- c --></a:Fault>')!;
    assert.equal(styleOf(lines, 'a:'), 'dim');
    assert.equal(styleOf(lines, 'Fault'), 'tag');
    assert.equal(styleOf(lines, 'code'), 'attr');
    assert.equal(styleOf(lines, '"x"'), 'string');
    assert.equal(styleOf(lines, 'xmlns:a="urn:a"'), 'dim');
    assert.equal(styleOf(lines, 'No book'), 'string');
    assert.equal(styleOf(lines, '<!-- c -->'), 'dim');
    assert.equal(styleOf(lines, '<'), 'punct');
  });

  test('when elements nest, are empty or hold CDATA then each keeps its form', () => {
    const source =
      '<r><empty/><none></none><c><![CDATA[a < b]]></c><x:seq xmlns:x="u"><x:e name="id" type="xsd:string"/></x:seq></r>';
    assert.equal(
      text(xmlLines(source)),
      [
        '<r>',
        '  <empty/>',
        '  <none></none>',
        '  <c><![CDATA[a < b]]></c>',
        '  <x:seq xmlns:x="u">',
        '    <x:e name="id" type="xsd:string"/>',
        '  </x:seq>',
        '</r>',
      ].join('\n'),
    );
  });

  test('when a record is very long then its fields go one per line', () => {
    const long = `<book><title>${'x'.repeat(250)}</title><author>y</author></book>`;
    const lines = text(xmlLines(long)).split('\n');
    assert.equal(lines.length, 4);
    assert.equal(lines[0], '<book>');
    assert.ok(lines[1]!.startsWith('  <title>xxx') && lines[1]!.endsWith('x</title>'));
    assert.equal(lines[2], '  <author>y</author>');
    assert.equal(lines[3], '</book>');
  });

  test('when the text is not XML or the tags do not match then there is no XML view (plain text instead)', () => {
    assert.equal(xmlLines('{"books":[]}'), undefined);
    assert.equal(xmlLines('<a><b></a></b>'), undefined);
    assert.equal(xmlLines('<a>'), undefined);
    assert.equal(xmlLines('plain <a/>'), undefined);
    assert.equal(xmlLines(''), undefined);
    assert.deepEqual(bodyLines('<a><b></a>', 'text/xml'), [[{ text: '<a><b></a>' }]]);
  });

  test('when the media type is XML then the viewer takes it, and not otherwise', () => {
    for (const type of ['text/xml; charset=utf-8', 'application/xml', 'application/soap+xml', 'application/xop+xml']) {
      assert.ok(xmlView('<a/>', type), type);
    }
    assert.equal(xmlView('<a/>', 'text/plain'), undefined);
    assert.equal(xmlView('<a/>', 'application/json'), undefined);
    assert.equal(text(bodyLines('<a><b>1</b></a>', 'text/xml')), '<a><b>1</b></a>');
  });

  test('when a SOAP exchange is rendered narrow then every line fits and --raw shows the exact bytes', () => {
    const request = `POST /BookService HTTP/1.1\r\nHost: x\r\nContent-Type: text/xml; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(envelope)}\r\n\r\n${envelope}`;
    const response = 'HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n';
    const exchange = decodeChunks(httpDecoder(), [
      ['up', request],
      ['down', response],
    ])[0] as HttpExchange;
    const options = { width: 60, theme: createTheme(false), messages: messages.en, raw: false, full: false };
    const lines = renderHttpExchange(exchange, options);
    for (const line of lines) assert.ok(text([line]).length <= 60, text([line]));
    assert.match(text(lines), /^ {6}<book><id>1<\/id> <title>Clean Code<\/title>/m);
    const raw = text(renderHttpExchange(exchange, { ...options, raw: true })).replace(/\n */g, '');
    assert.ok(raw.includes(envelope), 'the envelope, byte for byte');
  });
});
