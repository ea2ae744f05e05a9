/**
 * Styled text as data: a line is a list of spans. Wrapping, padding and columns
 * work on spans, so widths are measured on the text alone and colour codes never
 * break the alignment.
 */
import { escapeLine } from './escape.js';
import type { Style, Theme } from './theme.js';

export interface Span {
  text: string;
  style?: Style;
}
export type Line = Span[];

export const span = (text: string, style?: Style): Span => (style ? { text, style } : { text });

export function width(line: Line): number {
  let sum = 0;
  for (const s of line) {
    sum += s.text.length;
    // Astral characters take two UTF-16 units but one column: count them once.
    for (let i = 0; i < s.text.length; i++) {
      const code = s.text.charCodeAt(i);
      if (code >= 0xd800 && code <= 0xdbff) sum--;
    }
  }
  return sum;
}

/**
 * Wraps a line into pieces of at most `max` characters, keeping styles. It breaks
 * after a space where one is near the end, else mid-word; continuation lines are
 * indented two more than the line itself, so a wrapped header or JSON line reads
 * as one. Modes: 'exact' cuts at the width and adds nothing (raw bytes must stay as
 * they were); 'words' breaks at spaces without indenting (table cells).
 */
export type WrapMode = 'indent' | 'exact' | 'words';

export function wrap(line: Line, max: number, mode: WrapMode = 'indent'): Line[] {
  const exact = mode === 'exact';
  // Most lines fit: measured without splitting them into characters.
  if (max < 1 || width(line) <= max) return [line];
  const chars = line.flatMap((s) => [...s.text].map((ch) => ({ ch, style: s.style })));
  const leading = chars.findIndex((c) => c.ch !== ' ');
  const continuation = mode !== 'indent' ? 0 : Math.min(Math.max(leading, 0) + 2, Math.floor(max / 2));
  const out: Line[] = [];
  // One pass with a moving start: each character is looked at a bounded number of times,
  // so a line of a megabyte wraps in linear time.
  let start = 0;
  let room = max;
  while (chars.length - start > room) {
    let cut = room;
    let skip = 0;
    let space = -1;
    for (let i = Math.min(room, chars.length - start - 1); i >= 0; i--) {
      if (chars[start + i]!.ch === ' ') {
        space = i;
        break;
      }
    }
    // Break at the space: it ends neither this line (width) nor starts the next.
    // Prose and table cells ('words') break at any space; code keeps at least half a line.
    if (!exact && space > (mode === 'words' ? 0 : room / 2)) [cut, skip] = [space, 1];
    out.push(toLine(chars, start, start + cut, out.length === 0 ? 0 : continuation));
    start += cut + skip;
    room = max - continuation;
  }
  if (start < chars.length) out.push(toLine(chars, start, chars.length, out.length === 0 ? 0 : continuation));
  return out;
}

function toLine(chars: Array<{ ch: string; style: Span['style'] }>, from: number, to: number, indentBy: number): Line {
  const line: Line = indentBy > 0 ? [{ text: ' '.repeat(indentBy) }] : [];
  for (let i = from; i < to; i++) {
    const { ch, style } = chars[i]!;
    const last = line.at(-1);
    if (last && last.style === style && line.length > (indentBy > 0 ? 1 : 0)) last.text += ch;
    else line.push(style ? { text: ch, style } : { text: ch });
  }
  return line;
}

export function pad(line: Line, to: number): Line {
  const missing = to - width(line);
  return missing > 0 ? [...line, { text: ' '.repeat(missing) }] : line;
}

export function indent(lines: Line[], by: number): Line[] {
  const prefix = ' '.repeat(by);
  return lines.map((line) => [{ text: prefix }, ...line]);
}

/** Two columns side by side, each wrapped to its width, joined by a rule. */
export function sideBySide(
  left: Line[],
  right: Line[],
  total: number,
  divider: Span,
  mode: WrapMode = 'indent',
): Line[] {
  const dividerWidth = [...divider.text].length;
  const leftWidth = Math.floor((total - dividerWidth) / 2);
  const rightWidth = total - dividerWidth - leftWidth;
  const l = left.flatMap((line) => wrap(line, leftWidth, mode));
  const r = right.flatMap((line) => wrap(line, rightWidth, mode));
  const rows = Math.max(l.length, r.length);
  const out: Line[] = [];
  for (let i = 0; i < rows; i++) {
    const rightLine = r[i] ?? [];
    out.push([...pad(l[i] ?? [], leftWidth), divider, ...rightLine]);
  }
  return out;
}

/**
 * Paints lines for the terminal; trailing blanks are trimmed so piped output stays clean.
 * The last guard against wire text: anything a renderer left unescaped is escaped here,
 * so no control character from the wire reaches the terminal (see escape.ts).
 */
export function paint(lines: Line[], theme: Theme): string {
  // trimEnd, not /\s+$/: that regex is quadratic on a long run of blanks followed by text.
  return lines
    .map((line) =>
      escapeLine(line)
        .map((s) => theme.paint(s.style, s.text))
        .join('')
        .trimEnd(),
    )
    .join('\n');
}
