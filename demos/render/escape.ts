/**
 * Text from the wire is shown, never executed. A terminal acts on C0 controls (ESC
 * starts CSI and OSC sequences: window titles, screen clears, hidden text, OSC 8
 * links), on DEL, on C1 controls (U+0080–U+009F, 0x9B is a one-byte CSI in some
 * terminals) and reorders text around Unicode bidi controls (CVE-2021-42574, "Trojan
 * Source"). Each of them is replaced by a visible escape such as \x1b or \u202e.
 */
import type { Line, Span } from './lines.js';
import type { Style } from './theme.js';

const span = (text: string, style?: Style): Span => (style ? { text, style } : { text });

const named: Record<number, string> = { 0x09: '\\t', 0x0a: '\\n', 0x0d: '\\r' };

/** True for a code point a terminal might act on or that reorders what is shown. */
export function isUnsafeCodePoint(code: number): boolean {
  return (
    code < 0x20 ||
    (code >= 0x7f && code <= 0x9f) ||
    // Unicode bidi controls (UAX #9 §2): ALM, LRM, RLM, LRE…RLO, LRI…PDI.
    code === 0x061c ||
    code === 0x200e ||
    code === 0x200f ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069) ||
    // Line and paragraph separators end a line in some terminals and editors.
    code === 0x2028 ||
    code === 0x2029
  );
}

/** The visible form of one unsafe code point: \r, \n, \t, \x1b, \u202e. */
export function visibleEscape(code: number): string {
  return (
    named[code] ??
    (code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`)
  );
}

export function hasUnsafe(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isUnsafeCodePoint(text.charCodeAt(i))) return true;
  return false;
}

/** The text with every unsafe code point replaced by its visible escape. */
export function escapeText(text: string): string {
  if (!hasUnsafe(text)) return text;
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!isUnsafeCodePoint(code)) continue;
    out += text.slice(from, i) + visibleEscape(code);
    from = i + 1;
  }
  return out + text.slice(from);
}

/**
 * One span split into safe text (keeping its style) and visible escapes (styled as
 * escapes), so a reader sees at once which characters were not plain text.
 */
export function escapeSpan(s: Span): Span[] {
  if (!hasUnsafe(s.text)) return [s];
  const out: Span[] = [];
  let from = 0;
  for (let i = 0; i < s.text.length; i++) {
    const code = s.text.charCodeAt(i);
    if (!isUnsafeCodePoint(code)) continue;
    if (i > from) out.push(span(s.text.slice(from, i), s.style));
    out.push(span(visibleEscape(code), 'escape'));
    from = i + 1;
  }
  if (from < s.text.length) out.push(span(s.text.slice(from), s.style));
  return out;
}

export function escapeLine(line: Line): Line {
  return line.some((s) => hasUnsafe(s.text)) ? line.flatMap(escapeSpan) : line;
}

/** Wire text as one styled line with its unsafe characters made visible. */
export function safeSpans(text: string, style?: Style): Span[] {
  return escapeSpan(span(text, style));
}

/**
 * JSON for a terminal or a pipe: JSON.stringify escapes C0 but leaves DEL, C1 and bidi
 * controls raw; here they become \uXXXX too, which every JSON parser reads back the same.
 */
export function terminalSafeJson(value: unknown, space?: number): string {
  const json = JSON.stringify(value, null, space);
  if (json === undefined || !hasUnsafe(json)) return json ?? 'null';
  let out = '';
  let from = 0;
  for (let i = 0; i < json.length; i++) {
    const code = json.charCodeAt(i);
    if (!isUnsafeCodePoint(code) || code === 0x0a) continue; // the newlines of `space` are layout
    out += json.slice(from, i) + `\\u${code.toString(16).padStart(4, '0')}`;
    from = i + 1;
  }
  return out + json.slice(from);
}
