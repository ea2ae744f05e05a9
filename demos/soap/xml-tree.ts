/**
 * A strict, namespace-aware parse of untrusted XML into a small tree, before the soap
 * package sees it. sax (strict mode) checks well-formedness and never fetches anything;
 * on top of that a SOAP message MUST NOT contain a DTD or processing instructions
 * (SOAP 1.1 §3), so a DOCTYPE, and with it every entity declaration (XXE, "billion
 * laughs"), is refused before a single entity could be looked at.
 */
import sax from 'sax';

export interface XmlAttribute {
  uri: string;
  local: string;
  value: string;
}

export interface XmlElement {
  /** Namespace URI ('' when there is none). */
  uri: string;
  local: string;
  /** The name as written, prefix included. */
  name: string;
  attributes: XmlAttribute[];
  children: XmlElement[];
  /** Character data directly inside this element (CDATA included). */
  text: string;
  /** Resolves a prefix in scope here ('' for the default namespace): QName values such as type="tns:Book" need it. */
  namespaceOf(prefix: string): string | undefined;
}

export type XmlProblem = 'empty' | 'doctype' | 'processing-instruction' | 'not-well-formed' | 'too-deep';

export type XmlParse = { ok: true; root: XmlElement } | { ok: false; problem: XmlProblem; detail: string };

/** Deeper than any envelope this service understands; stops stack-hungry documents early. */
export const maxDepth = 32;

class Refused extends Error {
  constructor(
    readonly problem: XmlProblem,
    detail: string,
  ) {
    super(detail);
  }
}

export function parseXml(text: string): XmlParse {
  if (text.trim() === '') return { ok: false, problem: 'empty', detail: 'The message has no content.' };
  // strictEntities: only the five XML entities (&lt; &gt; &amp; &quot; &apos;), no HTML names.
  const parser = sax.parser(true, { xmlns: true, strictEntities: true, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let events = 0;
  const at = () => `line ${parser.line + 1}, column ${parser.column}`;

  parser.ondoctype = () => {
    throw new Refused('doctype', `A SOAP message must not contain a DOCTYPE (SOAP 1.1 §3); found one at ${at()}.`);
  };
  parser.onprocessinginstruction = ({ name }) => {
    // The XML declaration looks like a PI to sax; it is allowed once, as the very first bytes (XML 1.0 §2.8).
    const declaration = name.toLowerCase() === 'xml';
    if (declaration && events++ === 0 && text.replace(/^\uFEFF/, '').startsWith('<?xml')) return;
    const detail = declaration
      ? `The XML declaration must come first; found one at ${at()}.`
      : `A SOAP message must not contain processing instructions (SOAP 1.1 §3); found <?${name}?> at ${at()}.`;
    throw new Refused(declaration ? 'not-well-formed' : 'processing-instruction', detail);
  };
  parser.onopentag = (tag) => {
    events++;
    if (root && stack.length === 0) {
      throw new Refused('not-well-formed', `A document has one root element; a second one starts at ${at()}.`);
    }
    if (stack.length >= maxDepth) {
      throw new Refused('too-deep', `Elements are nested more than ${maxDepth} deep at ${at()}.`);
    }
    const element: XmlElement = {
      uri: tag.uri,
      local: tag.local,
      name: tag.name,
      attributes: Object.values(tag.attributes)
        .filter((a) => a.prefix !== 'xmlns' && a.name !== 'xmlns')
        .map((a) => ({ uri: a.uri, local: a.local, value: a.value })),
      children: [],
      text: '',
      namespaceOf: (prefix) => {
        const uri: unknown = tag.ns[prefix];
        return typeof uri === 'string' ? uri : undefined;
      },
    };
    stack.at(-1)?.children.push(element);
    stack.push(element);
    root ??= element;
  };
  parser.onclosetag = () => {
    stack.pop();
  };
  parser.ontext = (data) => {
    events++;
    const top = stack.at(-1);
    if (top) top.text += data;
  };
  parser.oncdata = (data) => {
    // The soap package parses a CDATA section holding an XML declaration as a document of
    // its own (lib/wsdl/index.js, oncdata), found with a regular expression that takes
    // quadratic time; such a section must be a document that passes the same checks.
    if (data.includes('<?xml')) {
      const nested = parseXml(data);
      if (!nested.ok) throw new Refused(nested.problem, `In a CDATA section at ${at()}: ${nested.detail}`);
    }
    parser.ontext(data);
  };
  parser.onerror = (error) => {
    const [reason = 'not well-formed'] = error.message.split('\n');
    throw new Refused('not-well-formed', `${reason.replace(/\.$/, '')} at ${at()}.`);
  };

  try {
    parser.write(text).close();
  } catch (error) {
    if (error instanceof Refused) return { ok: false, problem: error.problem, detail: error.message };
    throw error;
  }
  if (!root) return { ok: false, problem: 'empty', detail: 'The message has no root element.' };
  return { ok: true, root };
}

/** The child elements named {uri}local. */
export function childrenNamed(element: XmlElement, uri: string, local: string): XmlElement[] {
  return element.children.filter((child) => child.uri === uri && child.local === local);
}

export function attribute(element: XmlElement, uri: string, local: string): string | undefined {
  return element.attributes.find((a) => a.uri === uri && a.local === local)?.value;
}
