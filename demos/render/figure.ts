/** A step's figures, drawn: a table with the tool's one table layout, a bar chart with its bars, code as it is. */
import { barChart } from './bar-chart.js';
import { indent, span, wrap, type Line } from './lines.js';
import { table, type TableCell } from './table.js';
import type { Figure } from '../wire/trace.js';

/** Figures stand indented under the facts, like a quotation of the measurement. */
const inset = 2;
/** A chart wider than this is harder to read, not clearer. */
const maxChartWidth = 64;

export function renderFigure(figure: Figure, width: number): Line[] {
  const room = width - inset;
  if (figure.kind === 'bars') {
    return indent(
      [
        ...wrap([span(figure.title)], room, 'words'),
        ...barChart(figure.bars, { width: Math.min(room, maxChartWidth) }),
      ],
      inset,
    );
  }
  if (figure.kind === 'code') {
    // A line too long keeps its words and continues indented under itself, as wrapped headers do.
    return indent(
      [
        [span(figure.title, 'dim')],
        ...figure.lines.flatMap((line): Line[] => (line === '' ? [[]] : wrap([span(`  ${line}`)], room, 'indent'))),
      ],
      inset,
    );
  }
  const cells = figure.rows.map((row, r) =>
    row.map((text, c): TableCell => ({ text, align: figure.align[c], ...(r === 0 ? { style: 'dim' as const } : {}) })),
  );
  const laidOut = table(cells, room, { wrapCells: false });
  if (laidOut) return indent(laidOut, inset);
  // Too narrow for the columns: one block per row, each value under its heading.
  const [header = [], ...rows] = figure.rows;
  return rows.flatMap((row) => [
    [span(' '.repeat(inset)), span(row[0] ?? '', 'bold')],
    ...row
      .slice(1)
      .map((value, c): Line => [span(' '.repeat(inset + 2)), span(`${header[c + 1]}: `, 'dim'), span(value)]),
  ]);
}
