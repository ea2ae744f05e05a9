/**
 * The one table layout of the tool. A table fits the terminal: columns as wide as
 * their content when there is room, otherwise the first column keeps its width and
 * the others share the rest, text wrapped at word boundaries. Returns undefined when
 * even that does not fit, so the caller can stack the table instead. Tables that
 * choose their own columns (bench) lay out each row with tableRow.
 */
import { pad, span, wrap, type Line } from './lines.js';
import type { Style } from './theme.js';

export interface TableCell {
  text: string;
  style?: Style;
  /** Numbers stand right-aligned, so their digits line up. */
  align?: 'left' | 'right';
}

export const gap = 2;
const minColumn = 8;

export interface TableOptions {
  /** Wrap cells to fit (the default); false: natural widths or nothing (numbers must not wrap). */
  wrapCells?: boolean;
  /** Wraps one cell's text to its column (hyphenating); undefined when it cannot, and the table gives up. */
  wrapCell?: (text: string, width: number) => string[] | undefined;
  /** Narrowest column worth laying out (default 8); narrower, and the caller stacks. */
  minColumn?: number;
}

export function table(rows: readonly TableCell[][], width: number, options: TableOptions = {}): Line[] | undefined {
  const columns = Math.max(...rows.map((row) => row.length));
  const natural = Array.from({ length: columns }, (_v, c) =>
    Math.max(...rows.map((row) => [...(row[c]?.text ?? '')].length)),
  );
  const widths =
    options.wrapCells === false ? fitNatural(natural, width) : fit(natural, width, options.minColumn ?? minColumn);
  if (!widths) return undefined;
  let unfit = false;
  const wrapped = rows.some((row) => row.some((cell, c) => [...cell.text].length > widths[c]!));
  const out: Line[] = [];
  rows.forEach((row, r) => {
    const cells = widths.map((w, c) => {
      const cell = row[c] ?? { text: '' };
      if (!options.wrapCell) return wrap([span(cell.text, cell.style)], w, 'words');
      const lines = options.wrapCell(cell.text, w);
      if (!lines) unfit = true;
      return (lines ?? []).map((text): Line => [span(text, cell.style)]);
    });
    const height = Math.max(...cells.map((lines) => lines.length));
    for (let i = 0; i < height; i++) {
      const line: Line = [];
      cells.forEach((lines, c) => {
        line.push(...aligned(lines[i] ?? [], widths[c]!, row[c]?.align));
        if (c < columns - 1) line.push(span(' '.repeat(gap)));
      });
      out.push(line);
    }
    // Wrapped rows run into each other without a little air between them.
    if (wrapped && r < rows.length - 1) out.push([]);
  });
  return unfit ? undefined : out;
}

/** One row of single-line cells in columns of the given widths. */
export function tableRow(cells: readonly TableCell[], widths: readonly number[]): Line {
  return cells.flatMap((cell, c) => [
    ...(c > 0 ? [span(' '.repeat(gap))] : []),
    ...aligned([span(cell.text, cell.style)], widths[c]!, cell.align),
  ]);
}

function aligned(line: Line, to: number, align: TableCell['align']): Line {
  if (align !== 'right') return pad(line, to);
  const missing = to - line.reduce((sum, s) => sum + [...s.text].length, 0);
  return missing > 0 ? [span(' '.repeat(missing)), ...line] : line;
}

function fit(natural: number[], width: number, narrowest: number): number[] | undefined {
  const gaps = gap * (natural.length - 1);
  if (natural.reduce((a, b) => a + b, 0) + gaps <= width) return natural;
  const first = Math.min(natural[0]!, Math.floor(width * 0.3));
  const rest = natural.length - 1;
  const share = Math.floor((width - first - gaps) / Math.max(rest, 1));
  if (share < narrowest) return undefined;
  return [first, ...natural.slice(1).map((w) => Math.min(w, share))];
}

function fitNatural(natural: number[], width: number): number[] | undefined {
  return natural.reduce((a, b) => a + b, 0) + gap * (natural.length - 1) <= width ? natural : undefined;
}
