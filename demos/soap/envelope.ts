/**
 * Reads a request body as a SOAP 1.1 envelope (SOAP 1.1 §4) and finds the operation it
 * calls, or says with a Fault what is wrong. Nothing here trusts the input: the XML is
 * parsed strictly first (xml-tree.ts), then its shape is checked element by element.
 */
import { detailEntry, soapEnvelopeNs, type Fault } from './fault.js';
import { namespace, operations, type Operation } from './wsdl.js';
import { childrenNamed, parseXml, type XmlElement } from './xml-tree.js';

const soap12EnvelopeNs = 'http://www.w3.org/2003/05/soap-envelope';

export interface Envelope {
  operation: Operation;
  /** The children of soap:Header, in order (SOAP 1.1 §4.2). */
  headerBlocks: XmlElement[];
}

export type EnvelopeRead = { ok: true; envelope: Envelope } | { ok: false; fault: Fault };

const client = (string: string, detail?: string): EnvelopeRead => ({
  ok: false,
  fault: { code: 'soap:Client', string, ...(detail ? { detail } : {}) },
});

const qname = (e: XmlElement) => (e.uri ? `{${e.uri}}${e.local}` : e.local);

export function readEnvelope(text: string): EnvelopeRead {
  const parsed = parseXml(text);
  if (!parsed.ok) {
    const what = parsed.problem === 'not-well-formed' || parsed.problem === 'empty' ? 'The message is not XML: ' : '';
    return client(`${what}${parsed.detail}`);
  }
  const root = parsed.root;
  if (root.local !== 'Envelope') return client(`The root element is ${qname(root)}, not a soap:Envelope.`);
  if (root.uri !== soapEnvelopeNs) {
    // §4.4.1: an Envelope in any other namespace is a VersionMismatch; a SOAP 1.2 one is the usual case.
    const hint = root.uri === soap12EnvelopeNs ? ' This is SOAP 1.2; the service speaks SOAP 1.1.' : '';
    return {
      ok: false,
      fault: { code: 'soap:VersionMismatch', string: `The Envelope is in namespace "${root.uri}".${hint}` },
    };
  }
  // §4.1.2: an optional Header first, then the Body.
  const [first, second] = root.children;
  const header = first && isEnv(first, 'Header') ? first : undefined;
  const body = header ? second : first;
  if (!body || !isEnv(body, 'Body')) {
    return client('The Envelope has no soap:Body where one belongs (after an optional soap:Header).');
  }
  if (
    childrenNamed(root, soapEnvelopeNs, 'Body').length > 1 ||
    childrenNamed(root, soapEnvelopeNs, 'Header').length > 1
  ) {
    return client('The Envelope has more than one soap:Header or soap:Body.');
  }
  // document/literal wrapped: exactly one element in the Body, named after the operation (WS-I BP R2201).
  if (body.children.length !== 1) {
    return client(`The soap:Body holds ${body.children.length} elements; it must hold exactly one, the operation.`);
  }
  const call = body.children[0]!;
  const operation = operations.find((op) => call.uri === namespace && call.local === op);
  if (!operation) {
    return client(
      `Unknown operation ${qname(call)}.`,
      detailEntry('UnknownOperation', [
        ['element', qname(call)],
        ['known', operations.map((op) => `{${namespace}}${op}`).join(' ')],
      ]),
    );
  }
  const unsafe = unsafeName(root);
  if (unsafe) return client(unsafe);
  return { ok: true, envelope: { operation, headerBlocks: header?.children ?? [] } };
}

const xsiNs = 'http://www.w3.org/2001/XMLSchema-instance';

/** Keys every plain object already has; the soap package looks names up in plain objects. */
const prototypeKeys = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);

/**
 * What the soap package must never see. Its parser (lib/wsdl/index.js, xmlToObject) looks
 * element names and xsi:type values up in plain objects and follows unqualified id/href
 * attributes as SOAP-encoding multi-references (SOAP 1.1 §5.4.1), none of it guarded:
 * <toString> crashes it into a plain-text 500, and id="__proto__" changes Object.prototype
 * of the whole server. Document/literal (WS-I BP R2706) needs none of these.
 */
function unsafeName(element: XmlElement): string | undefined {
  if (prototypeKeys.has(element.local)) return `The element name ${element.name} is not accepted.`;
  for (const a of element.attributes) {
    if (prototypeKeys.has(a.local)) return `The attribute name ${a.local} is not accepted.`;
    if (a.uri === '' && (a.local === 'id' || a.local === 'href')) {
      return `The attribute ${a.local} on ${element.name} is SOAP encoding (SOAP 1.1 §5.4.1); this service is document/literal.`;
    }
    if (a.uri === xsiNs && a.local === 'type' && prototypeKeys.has(a.value.slice(a.value.indexOf(':') + 1))) {
      return `The xsi:type ${a.value} on ${element.name} is not accepted.`;
    }
  }
  for (const child of element.children) {
    const found = unsafeName(child);
    if (found) return found;
  }
  return undefined;
}

function isEnv(element: XmlElement, local: string): boolean {
  return element.uri === soapEnvelopeNs && element.local === local;
}
