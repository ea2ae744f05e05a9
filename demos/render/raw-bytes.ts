import type { BodyLimits, BoundedLines } from './body-limits.js';
import { capLine } from './body-limits.js';
import { isUnsafeCodePoint, visibleEscape } from './escape.js';
import { span, type Line, type Span } from './lines.js';

/**
 * The exact bytes, control characters made visible: CR LF shows as "\r\n" and then
 * breaks the line, so the HTTP framing can be seen and counted. Bounded like a body:
 * only the first lines are built, the rest only counted.
 */
export function rawLines(raw: string, limits?: BodyLimits): Line[] {
  return boundedRawLines(raw, limits).lines;
}

export function boundedRawLines(
  raw: string,
  limits: Pick<BodyLimits, 'maxChars' | 'maxLines' | 'maxLineChars'> = {
    maxChars: Infinity,
    maxLines: Infinity,
    maxLineChars: Infinity,
  },
): BoundedLines {
  const lines: Line[] = [];
  let current: Span[] = [];
  let text = '';
  const flushText = () => {
    if (text) current.push(span(text));
    text = '';
  };
  const end = Math.min(raw.length, limits.maxChars);
  let width = 0;
  for (let i = 0; i < end && lines.length < limits.maxLines; i++) {
    if (width > limits.maxLineChars) {
      // This line is cut anyway: go on at its end.
      const next = raw.indexOf('\n', i);
      if (next < 0) break;
      i = next;
    }
    const ch = raw.charCodeAt(i);
    if (!isUnsafeCodePoint(ch)) {
      text += raw[i];
      width++;
      continue;
    }
    flushText();
    current.push(span(visibleEscape(ch), 'escape'));
    width += 2;
    if (ch === 0x0a) {
      lines.push(capLine(current, limits.maxLineChars));
      current = [];
      width = 0;
    }
  }
  flushText();
  if (current.length > 0 && lines.length < limits.maxLines) lines.push(capLine(current, limits.maxLineChars));
  return { lines, total: countLines(raw) };
}

/** Lines as rawLines breaks them: after each LF, and a last one without. */
function countLines(raw: string): number {
  let count = raw.length > 0 && !raw.endsWith('\n') ? 1 : 0;
  for (let at = raw.indexOf('\n'); at >= 0; at = raw.indexOf('\n', at + 1)) count++;
  return count;
}
