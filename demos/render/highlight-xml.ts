/**
 * XML (SOAP envelopes, WSDL) pretty-printed and coloured as styled lines. A small
 * tokenizer is enough: the text is only shown, never trusted; anything that does not
 * form a tree falls back to plain text, and --raw always shows the exact bytes.
 *
 * Layout: one element per line, two spaces per level; an element holding only text
 * stays on one line; a record (elements holding only text, like a <book>) stays on one
 * logical line too, its fields separated by a space where the wrapper may break it.
 */
import { span, type Line, type Span } from './lines.js';

interface Element {
  kind: 'element';
  name: string;
  /** [name, value with its quotes] */
  attributes: Array<[string, string]>;
  selfClosing: boolean;
  children: Node[];
}
type Node = Element | { kind: 'text' | 'comment' | 'pi' | 'cdata' | 'doctype'; text: string };

const token =
  /(<\?[\s\S]*?\?>)|(<!--[\s\S]*?-->)|(<!\[CDATA\[[\s\S]*?\]\]>)|(<!DOCTYPE(?:[^[>]|\[[\s\S]*?\])*>)|<\/\s*([^\s>]+)\s*>|<([^\s/>!?]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)|(<)/giy;
const attributePattern = /([^\s=]+)\s*=\s*("[^"]*"|'[^']*')/g;

/** A record longer than this is laid out one field per line instead. */
const maxRecordLength = 240;
/** A start tag longer than this, with two or more attributes, puts each on a line of its own. */
const maxTagLength = 80;

/** The lines of an XML document, or undefined when it is not one (then it is shown as plain text). */
export function xmlLines(source: string): Line[] | undefined {
  const nodes = parse(source.replace(/^\uFEFF/, ''));
  if (!nodes || !nodes.some((node) => node.kind === 'element')) return undefined;
  return nodes.flatMap((node) => render(node, 0));
}

/** Viewer for body-view.ts: bodies whose media type is XML (text/xml, application/xml, …+xml). */
export function xmlView(body: string, contentType: string): Line[] | undefined {
  if (!/^\s*(text|application)\/([\w.-]+\+)?xml\b/i.test(contentType)) return undefined;
  return xmlLines(body);
}

function parse(source: string): Node[] | undefined {
  const root: Element = { kind: 'element', name: '', attributes: [], selfClosing: false, children: [] };
  const stack = [root];
  token.lastIndex = 0;
  for (let m = token.exec(source); m && m[0] !== ''; m = token.exec(source)) {
    const [, pi, comment, cdata, doctype, endName, startName, attributes, selfClosing, text, stray] = m;
    const top = stack.at(-1)!;
    if (startName !== undefined) {
      const element: Element = {
        kind: 'element',
        name: startName,
        attributes: [...(attributes ?? '').matchAll(attributePattern)].map((a) => [a[1]!, a[2]!]),
        selfClosing: selfClosing === '/',
        children: [],
      };
      top.children.push(element);
      if (!element.selfClosing) stack.push(element);
    } else if (endName !== undefined) {
      if (top === root || top.name !== endName) return undefined;
      stack.pop();
    } else if (text !== undefined || stray !== undefined) {
      if (stack.length === 1 && (text ?? stray)!.trim() !== '') return undefined;
      top.children.push({ kind: 'text', text: (text ?? stray)! });
    } else {
      const kind = pi ? 'pi' : comment ? 'comment' : cdata ? 'cdata' : doctype ? 'doctype' : undefined;
      if (kind) top.children.push({ kind, text: m[0] });
    }
    if (token.lastIndex >= source.length) break;
  }
  return stack.length === 1 && token.lastIndex >= source.length ? root.children : undefined;
}

const pad = (depth: number) => (depth > 0 ? [span('  '.repeat(depth))] : []);
const meaningful = (nodes: Node[]) => nodes.filter((n) => n.kind !== 'text' || n.text.trim() !== '');

function render(node: Node, depth: number): Line[] {
  switch (node.kind) {
    case 'element':
      return renderElement(node, depth);
    case 'text':
      return node.text.trim() === ''
        ? []
        : node.text
            .trim()
            .split(/\r?\n/)
            .map((text) => [...pad(depth), span(text.trim(), 'string')]);
    case 'cdata':
      return [
        [...pad(depth), span('<![CDATA[', 'punct'), span(node.text.slice(9, -3), 'string'), span(']]>', 'punct')],
      ];
    case 'doctype':
      return [[...pad(depth), span(node.text, 'warn')]];
    default:
      return node.text.split(/\r?\n/).map((text, i) => [...pad(i === 0 ? depth : depth + 1), span(text.trim(), 'dim')]);
  }
}

function renderElement(element: Element, depth: number): Line[] {
  const children = meaningful(element.children);
  const open = startTag(element, depth);
  if (element.selfClosing) return open;
  const close = endTag(element.name);
  if (children.length === 0) return joinLast(open, close);
  const onlyText = children.every((c) => c.kind === 'text' || c.kind === 'cdata');
  if (onlyText && !children.some((c) => c.kind === 'text' && c.text.trim().includes('\n'))) {
    const inner = children.flatMap((c) => render(c, 0).flat());
    return joinLast(open, [...inner, ...close]);
  }
  if (open.length === 1 && isRecord(children)) {
    const fields = children.map((c, i) => [...(i > 0 ? [span(' ')] : []), ...renderElement(c as Element, 0)[0]!]);
    const line = [...open[0]!, ...fields.flat(), ...close];
    if (plain(line).length - 2 * depth <= maxRecordLength) return [line];
  }
  return [...open, ...children.flatMap((c) => render(c, depth + 1)), [...pad(depth), ...close]];
}

/** Every child an element without attributes that holds text only: a flat record such as a <book>. */
function isRecord(children: Node[]): boolean {
  return children.every(
    (c) =>
      c.kind === 'element' &&
      c.attributes.length === 0 &&
      !c.selfClosing &&
      c.children.every((g) => g.kind === 'text' && !g.text.includes('\n')),
  );
}

function startTag(element: Element, depth: number): Line[] {
  const end = span(element.selfClosing ? '/>' : '>', 'punct');
  const attributes = element.attributes.map(([name, value]) => attributeSpans(name, value));
  const oneLine: Line = [...pad(depth), span('<', 'punct'), ...nameSpans(element.name)];
  for (const attribute of attributes) oneLine.push(span(' '), ...attribute);
  oneLine.push(end);
  if (attributes.length < 2 || plain(oneLine).length - 2 * depth <= maxTagLength) return [oneLine];
  const first: Line = [...pad(depth), span('<', 'punct'), ...nameSpans(element.name)];
  const rest = attributes.map((attribute, i): Line => [
    span('  '.repeat(depth + 2)),
    ...attribute,
    ...(i === attributes.length - 1 ? [end] : []),
  ]);
  return [first, ...rest];
}

const endTag = (name: string): Span[] => [span('</', 'punct'), ...nameSpans(name), span('>', 'punct')];

function nameSpans(name: string): Span[] {
  const colon = name.indexOf(':');
  return colon < 0 ? [span(name, 'tag')] : [span(name.slice(0, colon + 1), 'dim'), span(name.slice(colon + 1), 'tag')];
}

/** Namespace declarations are dimmed: needed on the wire, noise when reading. */
function attributeSpans(name: string, value: string): Span[] {
  if (name === 'xmlns' || name.startsWith('xmlns:')) return [span(`${name}=${value}`, 'dim')];
  return [span(name, 'attr'), span('=', 'punct'), span(value, 'string')];
}

function joinLast(lines: Line[], spans: Span[]): Line[] {
  return [...lines.slice(0, -1), [...lines.at(-1)!, ...spans]];
}

const plain = (line: Line) => line.map((s) => s.text).join('');
