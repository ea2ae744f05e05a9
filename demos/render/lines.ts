/**
 * Styled text as data: a line is a list of spans. Wrapping, padding and columns
 * work on spans, so widths are measured on the text alone and colour codes never
 * break the alignment.
 */
import type { Style, Theme } from './theme.js';

export interface Span {
  text: string;
  style?: Style;
}
export type Line = Span[];

export const span = (text: string, style?: Style): Span => (style ? { text, style } : { text });

export function width(line: Line): number {
  return line.reduce((sum, s) => sum + [...s.text].length, 0);
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
  const chars = line.flatMap((s) => [...s.text].map((ch) => ({ ch, style: s.style })));
  if (max < 1 || chars.length <= max) return [line];
  const leading = chars.findIndex((c) => c.ch !== ' ');
  const continuation = mode !== 'indent' ? 0 : Math.min(Math.max(leading, 0) + 2, Math.floor(max / 2));
  const out: Line[] = [];
  let rest = chars;
  let room = max;
  while (rest.length > room) {
    let cut = room;
    let skip = 0;
    const space = rest
      .slice(0, room + 1)
      .map((c) => c.ch)
      .lastIndexOf(' ');
    // Break at the space: it ends neither this line (width) nor starts the next.
    // Prose and table cells ('words') break at any space; code keeps at least half a line.
    if (!exact && space > (mode === 'words' ? 0 : room / 2)) [cut, skip] = [space, 1];
    out.push(toLine(rest.slice(0, cut), out.length === 0 ? 0 : continuation));
    rest = rest.slice(cut + skip);
    room = max - continuation;
  }
  if (rest.length > 0) out.push(toLine(rest, out.length === 0 ? 0 : continuation));
  return out;
}

function toLine(chars: Array<{ ch: string; style: Span['style'] }>, indentBy: number): Line {
  const line: Line = indentBy > 0 ? [{ text: ' '.repeat(indentBy) }] : [];
  for (const { ch, style } of chars) {
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

/** Paints lines for the terminal; trailing blanks are trimmed so piped output stays clean. */
export function paint(lines: Line[], theme: Theme): string {
  return lines
    .map((line) =>
      line
        .map((s) => theme.paint(s.style, s.text))
        .join('')
        .replace(/\s+$/, ''),
    )
    .join('\n');
}
