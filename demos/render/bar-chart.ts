/**
 * A small horizontal bar chart of numbers, as styled lines: one row per bar, the
 * label on the left, the bar scaled to the largest value, the value written after it.
 * Eighth blocks give the bars a finer end, so close values still look different.
 */
import { span, type Line } from './lines.js';
import type { Style } from './theme.js';

export interface Bar {
  label: string;
  value: number;
  /** How the value is written after the bar; the number itself by default. */
  display?: string;
  style?: Style;
}

export interface BarChartOptions {
  /** Columns for the whole row: label, bar and value. */
  width: number;
  /** Shortest bar area, even if the row then runs past `width`. */
  minBar?: number;
}

const eighths = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/** The bar for `value` out of `max` in `cells` columns, rounded to eighths of a column. */
export function barText(value: number, max: number, cells: number): string {
  if (!(value > 0) || !(max > 0) || cells <= 0) return '';
  const total = Math.round((Math.min(value, max) / max) * cells * 8);
  // A value above zero never disappears: it keeps at least one eighth.
  const shown = Math.max(1, total);
  return '█'.repeat(Math.floor(shown / 8)) + eighths[shown % 8]!;
}

export function barChart(bars: readonly Bar[], options: BarChartOptions): Line[] {
  if (bars.length === 0) return [];
  const labelWidth = Math.max(...bars.map((bar) => [...bar.label].length));
  const displays = bars.map((bar) => bar.display ?? String(bar.value));
  const displayWidth = Math.max(...displays.map((text) => [...text].length));
  const cells = Math.max(options.minBar ?? 4, options.width - labelWidth - displayWidth - 4);
  const max = Math.max(...bars.map((bar) => (Number.isFinite(bar.value) ? bar.value : 0)));
  return bars.map((bar, i) => {
    const text = barText(Number.isFinite(bar.value) ? bar.value : 0, max, cells);
    return [
      span(bar.label.padEnd(labelWidth)),
      span('  '),
      span(text.padEnd(cells), bar.style ?? 'number'),
      span('  '),
      span(displays[i]!.padStart(displayWidth), 'dim'),
    ];
  });
}

/** The lines as plain text, for places that carry strings (a step's facts). */
export function plainLines(lines: readonly Line[]): string[] {
  return lines.map((line) =>
    line
      .map((s) => s.text)
      .join('')
      .trimEnd(),
  );
}
