/**
 * XML (SOAP envelopes, WSDL) pretty-printed and coloured as styled lines. A small
 * tokenizer is enough: the text is only shown, never trusted; anything that does not
 * form a tree falls back to plain text, and --raw always shows the exact bytes.
 *
 * Layout: one element per line, two spaces per level; an element holding only text
 * stays on one line; a record (elements holding only text, like a <book>) stays on one
 * logical line too, its fields separated by a space where the wrapper may break it.
 */
import type { BodyLimits, BoundedLines } from './body-limits.js';
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

/** A record longer than this is laid out one field per line instead. */
const maxRecordLength = 240;
/** A start tag longer than this, with two or more attributes, puts each on a line of its own. */
const maxTagLength = 80;

/** The lines of an XML document, or undefined when it is not one (then it is shown as plain text). */
export function xmlLines(source: string, maxDepth = 256): Line[] | undefined {
  return xmlView(source, 'application/xml', { maxDepth })?.lines;
}

/** Viewer for body-view.ts: bodies whose media type is XML (text/xml, application/xml, …+xml). */
export function xmlView(
  body: string,
  contentType: string,
  limits: Pick<BodyLimits, 'maxDepth'> = { maxDepth: 256 },
): (BoundedLines & { deep: boolean }) | undefined {
  if (!/^\s*(?:text|application)\/(?:[\w.-]+\+)?xml\b/i.test(contentType)) return undefined;
  const nodes = parse(body.replace(/^\uFEFF/, ''));
  if (!nodes || !nodes.some((node) => node.kind === 'element')) return undefined;
  const context: Context = { maxDepth: limits.maxDepth, deep: false };
  const lines = nodes.flatMap((node) => render(node, 0, context));
  return { lines, total: lines.length, deep: context.deep };
}

/** How deep the view goes, and whether anything was folded for being deeper. */
interface Context {
  maxDepth: number;
  deep: boolean;
}

const isSpace = (code: number) => code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;

/**
 * A hand-written scanner instead of one big regex: every character is looked at a bounded
 * number of times, whatever the input (a regex with nested quantifiers backtracks
 * exponentially on `<!DOCTYPE x [][][]…`). A search for a terminator (`-->`, `?>`, `]]>`)
 * that failed once is not repeated, and a tag never reaches past the next `<`.
 */
class Scanner {
  private readonly missing = new Map<string, number>();
  constructor(private readonly source: string) {}

  /** Index of `needle` at or after `from`, or -1; a failed search is remembered. */
  find(needle: string, from: number): number {
    const failedFrom = this.missing.get(needle);
    if (failedFrom !== undefined && from >= failedFrom) return -1;
    const at = this.source.indexOf(needle, from);
    if (at < 0) this.missing.set(needle, Math.min(from, failedFrom ?? from));
    return at;
  }

  /** `prefix` (upper case when ignoreCase) at `at`, without copying the source. */
  startsWith(prefix: string, at: number, ignoreCase = false): boolean {
    if (!ignoreCase) return this.source.startsWith(prefix, at);
    if (at + prefix.length > this.source.length) return false;
    for (let k = 0; k < prefix.length; k++) {
      const code = this.source.charCodeAt(at + k);
      // ASCII a-z to A-Z; the prefixes are ASCII.
      if ((code >= 0x61 && code <= 0x7a ? code - 0x20 : code) !== prefix.charCodeAt(k)) return false;
    }
    return true;
  }

  skipSpace(at: number): number {
    while (at < this.source.length && isSpace(this.source.charCodeAt(at))) at++;
    return at;
  }

  /** End of a run of characters none of which is in `stop` (nor whitespace, nor `<`). */
  name(at: number, stop: string): number {
    const s = this.source;
    while (at < s.length) {
      const ch = s[at]!;
      if (isSpace(s.charCodeAt(at)) || ch === '<' || stop.includes(ch)) break;
      at++;
    }
    return at;
  }
}

interface StartTag {
  name: string;
  attributes: Array<[string, string]>;
  selfClosing: boolean;
  end: number;
}

/** `<name attr="v" …>` or `<name …/>` at `at`, or undefined when it is not one. */
function startTag(scan: Scanner, source: string, at: number): StartTag | undefined {
  const nameEnd = scan.name(at + 1, '/>!?');
  if (nameEnd === at + 1) return undefined;
  const attributes: Array<[string, string]> = [];
  let i = nameEnd;
  for (;;) {
    const afterSpace = scan.skipSpace(i);
    if (afterSpace === i) break;
    const attrEnd = scan.name(afterSpace, '=/>');
    if (attrEnd === afterSpace) {
      i = afterSpace;
      break;
    }
    let j = scan.skipSpace(attrEnd);
    if (source[j] !== '=') break;
    j = scan.skipSpace(j + 1);
    const quote = source[j];
    if (quote !== '"' && quote !== "'") break;
    // A value ends at its quote; `<` is not allowed in it (XML 1.0 §2.3), so the search stops there.
    let close = j + 1;
    while (close < source.length && source[close] !== quote && source[close] !== '<') close++;
    if (source[close] !== quote) return undefined;
    attributes.push([source.slice(afterSpace, attrEnd), source.slice(j, close + 1)]);
    i = close + 1;
  }
  i = scan.skipSpace(i);
  const selfClosing = source[i] === '/';
  if (selfClosing) i++;
  if (source[i] !== '>') return undefined;
  return { name: source.slice(at + 1, nameEnd), attributes, selfClosing, end: i + 1 };
}

/** `<!DOCTYPE … [internal subset] >`; its end, or -1. */
function doctypeEnd(scan: Scanner, source: string, at: number): number {
  for (let i = at + '<!DOCTYPE'.length; i < source.length; i++) {
    if (source[i] === '>') return i + 1;
    if (source[i] === '[') {
      const close = scan.find(']', i + 1);
      if (close < 0) return -1;
      i = close;
    }
  }
  return -1;
}

/** A processing instruction, comment or CDATA section at `at`: added to `parent`, and its end returned. */
function special(
  scan: Scanner,
  source: string,
  at: number,
  parent: Element,
  kind: 'pi' | 'comment' | 'cdata',
  open: string,
  close: string,
  ignoreCase = false,
): number | undefined {
  if (!scan.startsWith(open, at, ignoreCase)) return undefined;
  const end = scan.find(close, at + open.length);
  if (end < 0) return undefined;
  parent.children.push({ kind, text: source.slice(at, end + close.length) });
  return end + close.length;
}

function parse(source: string): Node[] | undefined {
  const root: Element = { kind: 'element', name: '', attributes: [], selfClosing: false, children: [] };
  const stack = [root];
  const scan = new Scanner(source);
  let doctypes = 0;
  let i = 0;
  while (i < source.length) {
    const top = stack.at(-1)!;
    if (source[i] !== '<') {
      const next = source.indexOf('<', i);
      const to = next < 0 ? source.length : next;
      const text = source.slice(i, to);
      if (stack.length === 1 && text.trim() !== '') return undefined;
      top.children.push({ kind: 'text', text });
      i = to;
      continue;
    }
    const next =
      special(scan, source, i, top, 'pi', '<?', '?>') ??
      special(scan, source, i, top, 'comment', '<!--', '-->') ??
      special(scan, source, i, top, 'cdata', '<![CDATA[', ']]>', true);
    if (next !== undefined) {
      i = next;
      continue;
    }
    if (scan.startsWith('<!DOCTYPE', i, true)) {
      // XML 1.0 §2.8: one document type declaration, in the prolog.
      if (++doctypes > 1) return undefined;
      const end = doctypeEnd(scan, source, i);
      if (end > 0) {
        top.children.push({ kind: 'doctype', text: source.slice(i, end) });
        i = end;
        continue;
      }
    }
    if (source[i + 1] === '/') {
      const nameAt = scan.skipSpace(i + 2);
      const nameEnd = scan.name(nameAt, '>');
      const close = scan.skipSpace(nameEnd);
      if (nameEnd > nameAt && source[close] === '>') {
        if (top === root || top.name !== source.slice(nameAt, nameEnd)) return undefined;
        stack.pop();
        i = close + 1;
        continue;
      }
    }
    const tag = startTag(scan, source, i);
    if (tag) {
      const element: Element = {
        kind: 'element',
        name: tag.name,
        attributes: tag.attributes,
        selfClosing: tag.selfClosing,
        children: [],
      };
      top.children.push(element);
      if (!element.selfClosing) stack.push(element);
      i = tag.end;
      continue;
    }
    // A stray "<" is text; the document then fails to be a tree, or is shown as it is.
    if (stack.length === 1) return undefined;
    top.children.push({ kind: 'text', text: '<' });
    i++;
  }
  return stack.length === 1 ? root.children : undefined;
}

const pad = (depth: number) => (depth > 0 ? [span('  '.repeat(depth))] : []);
const meaningful = (nodes: Node[]) => nodes.filter((n) => n.kind !== 'text' || n.text.trim() !== '');

function render(node: Node, depth: number, context: Context): Line[] {
  switch (node.kind) {
    case 'element':
      return renderElement(node, depth, context);
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

function renderElement(element: Element, depth: number, context: Context): Line[] {
  const children = meaningful(element.children);
  const open = startTagLines(element, depth);
  if (element.selfClosing) return open;
  const close = endTag(element.name);
  if (children.length === 0) return joinLast(open, close);
  // Deeper than the view shows: the element stands for its content (and no recursion goes deeper).
  if (depth >= context.maxDepth) {
    context.deep = true;
    return joinLast(open, [span('…', 'warn'), ...close]);
  }
  const onlyText = children.every((c) => c.kind === 'text' || c.kind === 'cdata');
  if (onlyText && !children.some((c) => c.kind === 'text' && c.text.trim().includes('\n'))) {
    const inner = children.flatMap((c) => render(c, 0, context).flat());
    return joinLast(open, [...inner, ...close]);
  }
  if (open.length === 1 && isRecord(children)) {
    const fields = children.map((c, i) => [
      ...(i > 0 ? [span(' ')] : []),
      ...renderElement(c as Element, 0, context)[0]!,
    ]);
    const line = [...open[0]!, ...fields.flat(), ...close];
    if (plain(line).length - 2 * depth <= maxRecordLength) return [line];
  }
  return [...open, ...children.flatMap((c) => render(c, depth + 1, context)), [...pad(depth), ...close]];
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

function startTagLines(element: Element, depth: number): Line[] {
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
