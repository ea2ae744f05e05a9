import { span, type Line, type Span } from './lines.js';

const names: Record<string, string> = { '\r': '\\r', '\n': '\\n', '\t': '\\t' };

/**
 * The exact bytes, control characters made visible: CR LF shows as "\r\n" and then
 * breaks the line, so the HTTP framing can be seen and counted.
 */
export function rawLines(raw: string): Line[] {
  const lines: Line[] = [];
  let current: Span[] = [];
  let text = '';
  const flushText = () => {
    if (text) current.push(span(text));
    text = '';
  };
  for (const ch of raw) {
    const code = ch.codePointAt(0)!;
    if (code < 0x20 || code === 0x7f) {
      flushText();
      current.push(span(names[ch] ?? `\\x${code.toString(16).padStart(2, '0')}`, 'escape'));
      if (ch === '\n') {
        lines.push(current);
        current = [];
      }
    } else text += ch;
  }
  flushText();
  if (current.length > 0) lines.push(current);
  return lines;
}
