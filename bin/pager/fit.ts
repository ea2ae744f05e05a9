/**
 * Lines for a screen of fixed size: cut to the width (a line longer than the
 * terminal would wrap and push everything below it down) and painted.
 */
import { paint, type Line } from '../../demos/render/lines.js';
import type { Theme } from '../../demos/render/theme.js';

export function clip(line: Line, columns: number): Line {
  const out: Line = [];
  let room = columns;
  for (const s of line) {
    if (room <= 0) break;
    const chars = [...s.text];
    const text = chars.length <= room ? s.text : chars.slice(0, room).join('');
    out.push(s.style ? { text, style: s.style } : { text });
    room -= Math.min(chars.length, room);
  }
  return out;
}

export function paintRows(lines: Line[], columns: number, theme: Theme): string[] {
  return lines.map((line) => paint([clip(line, columns)], theme));
}
