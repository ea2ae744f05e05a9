import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import soap from 'soap';
import { BookStore } from '../../demos/books/store.js';
import { createSoapApp } from '../../demos/soap/server.js';
import { namespace, operations, soapAction } from '../../demos/soap/wsdl.js';
import { parseXml, type XmlElement } from '../../demos/soap/xml-tree.js';
import { httpBehindTap, type HttpBehindTap } from '../../demos/wire/http-behind-tap.js';

const wsdlNs = 'http://schemas.xmlsoap.org/wsdl/';
const soapBindingNs = 'http://schemas.xmlsoap.org/wsdl/soap/';
const xsdNs = 'http://www.w3.org/2001/XMLSchema';
/** The XSD built-in types the contract may use (XML Schema Part 2, §3). */
const builtIns = new Set(['string', 'int', 'dateTime', 'boolean', 'long', 'decimal', 'date']);

const children = (e: XmlElement, uri: string, local: string) =>
  e.children.filter((c) => c.uri === uri && c.local === local);
const attr = (e: XmlElement, name: string) => e.attributes.find((a) => a.uri === '' && a.local === name)?.value;
const named = (e: XmlElement, uri: string, local: string) =>
  new Map(children(e, uri, local).map((c) => [attr(c, 'name')!, c]));

/** A QName value (type="tns:Book") resolved with the namespaces in scope where it is written. */
function resolve(e: XmlElement, qname: string): { uri: string | undefined; local: string } {
  const [prefix, local] = qname.includes(':') ? qname.split(':') : ['', qname];
  return { uri: e.namespaceOf(prefix!), local: local! };
}

function descendants(e: XmlElement): XmlElement[] {
  return e.children.flatMap((c) => [c, ...descendants(c)]);
}

describe('the WSDL served at ?wsdl', () => {
  let server: HttpBehindTap;
  let text: string;
  let definitions: XmlElement;

  before(async () => {
    // The handler is called only once a request comes, after the app below exists.
    server = await httpBehindTap((req, res) => app(req, res));
    const app = await createSoapApp(new BookStore(), `${server.url}/BookService`);
    const response = await fetch(`${server.url}/BookService?wsdl`);
    text = await response.text();
    const parsed = parseXml(text);
    assert.ok(parsed.ok, 'the WSDL parses as XML');
    definitions = parsed.root;
  });
  after(async () => {
    await server?.close();
  });

  test('when it is parsed then it is WSDL 1.1 definitions in the service namespace', () => {
    assert.equal(definitions.uri, wsdlNs);
    assert.equal(definitions.local, 'definitions');
    assert.equal(attr(definitions, 'targetNamespace'), namespace);
  });

  test('when the address is read then soap:address names the real port of the server', () => {
    const [service] = children(definitions, wsdlNs, 'service');
    const [port] = children(service!, wsdlNs, 'port');
    const [address] = children(port!, soapBindingNs, 'address');
    assert.equal(attr(address!, 'location'), `http://127.0.0.1:${server.tap.port}/BookService`);
    assert.equal(resolve(port!, attr(port!, 'binding')!).local, 'BookServiceSoapBinding');
  });

  test('when every message part is followed then it names a top-level element of the XSD', () => {
    const [schema] = children(children(definitions, wsdlNs, 'types')[0]!, xsdNs, 'schema');
    assert.equal(attr(schema!, 'targetNamespace'), namespace);
    assert.equal(attr(schema!, 'elementFormDefault'), 'qualified');
    const elements = named(schema!, xsdNs, 'element');
    const messages = [...named(definitions, wsdlNs, 'message').values()];
    assert.ok(messages.length >= operations.length * 2);
    for (const message of messages) {
      const parts = children(message, wsdlNs, 'part');
      assert.equal(parts.length, 1, `${attr(message, 'name')} has one part (WS-I BP R2210)`);
      const element = resolve(parts[0]!, attr(parts[0]!, 'element')!);
      assert.equal(element.uri, namespace);
      assert.ok(elements.has(element.local), `element ${element.local} of message ${attr(message, 'name')}`);
    }
  });

  test('when the portType is read then each operation is wrapped: <Op> in, <Op>Response out, messages that exist', () => {
    const messages = named(definitions, wsdlNs, 'message');
    const [portType] = children(definitions, wsdlNs, 'portType');
    const ops = named(portType!, wsdlNs, 'operation');
    assert.deepEqual([...ops.keys()], [...operations]);
    for (const [name, op] of ops) {
      const io = (local: string) => resolve(op, attr(children(op, wsdlNs, local)[0]!, 'message')!);
      const input = messages.get(io('input').local)!;
      const output = messages.get(io('output').local)!;
      const partElement = (m: XmlElement) => attr(children(m, wsdlNs, 'part')[0]!, 'element')!.split(':')[1];
      assert.equal(partElement(input), name);
      assert.equal(partElement(output), `${name}Response`);
      for (const fault of children(op, wsdlNs, 'fault')) {
        assert.ok(messages.has(resolve(fault, attr(fault, 'message')!).local), `fault message of ${name}`);
      }
    }
  });

  test('when the binding is read then it is document/literal over HTTP and matches the portType operation by operation', () => {
    const [portType] = children(definitions, wsdlNs, 'portType');
    const [binding] = children(definitions, wsdlNs, 'binding');
    assert.equal(resolve(binding!, attr(binding!, 'type')!).local, attr(portType!, 'name'));
    const [soapBinding] = children(binding!, soapBindingNs, 'binding');
    assert.equal(attr(soapBinding!, 'style'), 'document');
    assert.equal(attr(soapBinding!, 'transport'), 'http://schemas.xmlsoap.org/soap/http');
    const declared = named(portType!, wsdlNs, 'operation');
    const bound = named(binding!, wsdlNs, 'operation');
    assert.deepEqual([...bound.keys()], [...declared.keys()]);
    for (const [name, op] of bound) {
      assert.equal(attr(children(op, soapBindingNs, 'operation')[0]!, 'soapAction'), soapAction(name as never));
      for (const direction of ['input', 'output']) {
        const [body] = children(children(op, wsdlNs, direction)[0]!, soapBindingNs, 'body');
        assert.equal(attr(body!, 'use'), 'literal', `${name} ${direction}`);
      }
      const faultNames = (e: XmlElement) => children(e, wsdlNs, 'fault').map((f) => attr(f, 'name'));
      assert.deepEqual(faultNames(op), faultNames(declared.get(name)!), `faults of ${name}`);
      for (const fault of children(op, wsdlNs, 'fault')) {
        assert.equal(attr(children(fault, soapBindingNs, 'fault')[0]!, 'use'), 'literal');
      }
    }
  });

  test('when every type="…" in the XSD is resolved then it is a built-in or a complexType of the schema', () => {
    const [schema] = children(children(definitions, wsdlNs, 'types')[0]!, xsdNs, 'schema');
    const complexTypes = named(schema!, xsdNs, 'complexType');
    const typed = descendants(schema!).filter((e) => attr(e, 'type') !== undefined);
    assert.ok(typed.length > 20);
    for (const e of typed) {
      const type = resolve(e, attr(e, 'type')!);
      if (type.uri === xsdNs) assert.ok(builtIns.has(type.local), `xsd:${type.local}`);
      else {
        assert.equal(type.uri, namespace, `namespace of ${attr(e, 'type')}`);
        assert.ok(complexTypes.has(type.local), `complexType ${type.local}`);
      }
    }
  });

  test('when the soap package reads it then the generated client has exactly the four operations', async () => {
    const client = await soap.createClientAsync(`${server.url}/BookService?wsdl`, { disableCache: true });
    const ports = client.describe() as Record<string, Record<string, Record<string, unknown>>>;
    assert.deepEqual(Object.keys(ports.BookService!.BookServicePort!), [...operations]);
    for (const op of operations) assert.equal(typeof client[`${op}Async`], 'function');
  });
});
