/**
 * How much of one body the terminal view shows. The cap is applied before any
 * highlighting or wrapping, so the work done for a body is bounded by these numbers and
 * not by what a client chose to send: a megabyte on one line, a thousand levels of
 * nesting, a million short lines. `--full` raises the limits; it does not remove them
 * (README, "Limits of the live view"). `--json` always has the whole body.
 */
import { span, type Line } from './lines.js';

export interface BodyLimits {
  /** Characters of a body that are parsed and highlighted; beyond it, the start is shown as plain text. */
  maxChars: number;
  /** Lines shown; the rest is counted and folded into one note. */
  maxLines: number;
  /** Characters of one line before it is cut with "…" (wrapping happens after). */
  maxLineChars: number;
  /** Nesting levels shown; deeper values appear as {…} and […]. */
  maxDepth: number;
}

export const shortLimits: BodyLimits = { maxChars: 1024 * 1024, maxLines: 24, maxLineChars: 2000, maxDepth: 32 };
export const fullLimits: BodyLimits = {
  maxChars: 4 * 1024 * 1024,
  maxLines: 20_000,
  maxLineChars: 100_000,
  maxDepth: 256,
};

export function bodyLimits(full: boolean): BodyLimits {
  return full ? fullLimits : shortLimits;
}

/** Lines of a viewer: at most maxLines of them, and how many the whole body has. */
export interface BoundedLines {
  lines: Line[];
  total: number;
}

/** A line cut to `max` characters (counted in code points), ending in a marked "…". */
export function capLine(line: Line, max: number): Line {
  let left = max;
  const out: Line = [];
  for (const s of line) {
    // Only a piece as long as the room is split into characters: a megabyte span costs nothing.
    const chars = Array.from(s.text.length > left * 2 + 2 ? s.text.slice(0, left * 2 + 2) : s.text);
    if (s.text.length <= left * 2 + 2 && chars.length <= left) {
      out.push(s);
      left -= chars.length;
      continue;
    }
    if (left > 0) out.push(span(chars.slice(0, left).join(''), s.style));
    out.push(span('…', 'warn'));
    return out;
  }
  return out;
}

/**
 * The first `maxLines` lines of a text (split at LF, CR LF), each cut to maxLineChars,
 * and how many lines there are. Linear: no split() of a megabyte into a million strings.
 */
export function firstLines(text: string, limits: BodyLimits): { lines: string[]; total: number } {
  const lines: string[] = [];
  let total = 0;
  let from = 0;
  while (from <= text.length) {
    let to = text.indexOf('\n', from);
    if (to < 0) to = text.length;
    total++;
    if (lines.length < limits.maxLines) {
      const end = to > from && text.charCodeAt(to - 1) === 0x0d ? to - 1 : to;
      lines.push(text.slice(from, Math.min(end, from + limits.maxLineChars * 2)));
    }
    if (to === text.length) break;
    from = to + 1;
  }
  return { lines, total };
}
