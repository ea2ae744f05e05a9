/**
 * `awt-demo compare` in the terminal: per use case, one column per paradigm (or one
 * block per paradigm when narrow), then bars of bytes and latency.
 */
import type { Cell, Comparison, Measurement, ParadigmId, UseCaseComparison } from '../compare/types.js';
import type { Messages } from '../core/messages/en.js';
import type { NumberWords } from '../core/numbers.js';
import { barChart } from './bar-chart.js';
import { blockNotes, markerOf, type BlockNote, type NoteRow } from './comparison-notes.js';
import { paint, span, wrap, type Line } from './lines.js';
import { table, type TableCell } from './table.js';
import type { Theme } from './theme.js';

export interface ComparisonView {
  width: number;
  theme: Theme;
  words: Messages['compare'];
  numbers: NumberWords;
}

type Row = [label: string, value: (m: Measurement) => string, noteRow?: NoteRow];

function rows(view: ComparisonView): Row[] {
  const labels = view.words.rows;
  const n = view.numbers;
  return [
    [labels.roundTrips, (m) => n.integer(m.roundTrips)],
    [labels.connections, (m) => n.integer(m.connections)],
    [labels.bytesUp, (m) => n.bytes(m.up.total), 'bytesUp'],
    [`  ${labels.split}`, (m) => `${n.integer(m.up.overhead)} + ${n.integer(m.up.payload)}`],
    [labels.bytesDown, (m) => n.bytes(m.down.total)],
    [`  ${labels.split}`, (m) => `${n.integer(m.down.overhead)} + ${n.integer(m.down.payload)}`],
    [
      labels.fields,
      (m) =>
        m.fieldsReceived === null
          ? ''
          : `${n.integer(m.fieldsReceived)} / ${m.fieldsNeeded === null ? '?' : n.integer(m.fieldsNeeded)}`,
      'fields',
    ],
    // Nothing crossed the wire (HTTP needs no set-up): there is no time to speak of.
    [labels.latency, (m) => (m.up.total + m.down.total === 0 ? '—' : n.msUnit(m.latencyMs, 2)), 'latency'],
    [labels.note, (m) => m.note ?? ''],
  ];
}

/** A row's value with the marker of the note that explains it. */
function marked(row: Row, notes: readonly BlockNote[], paradigm: ParadigmId): (m: Measurement) => string {
  const [, value, noteRow] = row;
  const marker = noteRow ? markerOf(notes, noteRow, paradigm) : '';
  return marker ? (m) => `${value(m)}${marker}` : value;
}

export function renderComparison(comparison: Comparison, view: ComparisonView): string {
  const { words } = view;
  const repetitions = firstMeasurement(comparison)?.repetitions ?? 0;
  const lines: Line[] = [
    ...wrap([span(words.heading, 'title')], view.width, 'words'),
    ...wrap([span(words.measuredHow({ repetitions }), 'dim')], view.width, 'words'),
    ...wrap([span(words.roundTripMeaning, 'dim')], view.width, 'words'),
    [],
    ...useCaseBlock({ id: 0, title: words.setup, cells: comparison.setup }, comparison, view),
  ];
  for (const useCase of comparison.useCases) lines.push([], ...useCaseBlock(useCase, comparison, view));
  return paint(lines, view.theme) + '\n';
}

function useCaseBlock(
  useCase: Omit<UseCaseComparison, 'id'> & { id: number },
  comparison: Comparison,
  view: ComparisonView,
): Line[] {
  const { words } = view;
  const { paradigms } = comparison;
  const notes = blockNotes(useCase, paradigms, words, view.numbers);
  const title = useCase.id ? `${useCase.id}  ${useCase.title}` : useCase.title;
  const heading = wrap([span('━━ ', 'rule'), span(title, 'title')], view.width, 'words');
  const measured = paradigms.filter((p) => useCase.cells[p]?.fit === true);
  const header: TableCell[] = [
    { text: '' },
    ...paradigms.map((p) => ({ text: words.paradigms[p], style: 'bold' as const })),
  ];
  const body: TableCell[][] = rows(view)
    .map((spec, row): TableCell[] => [
      { text: spec[0], style: 'dim' },
      ...paradigms.map((p) => cellText(useCase.cells[p], marked(spec, notes, p), words, row === 0)),
    ])
    // A row with nothing in it (no fields counted, no remark) says nothing.
    .filter((row) => row.slice(1).some((cell) => cell.text !== ''));
  const grid = table([header, ...body], view.width, { wrapCells: false });
  const lines: Line[] = [...heading, ...(grid ?? stacked(useCase.cells, paradigms, notes, view))];
  // A note's `code` is Markdown for table --markdown; on a terminal it is the plain words.
  for (const note of notes) {
    lines.push(...wrap([span(`${note.marker} ${note.text.replace(/`([^`]*)`/g, '$1')}`, 'dim')], view.width, 'words'));
  }
  for (const p of paradigms) {
    const cell = useCase.cells[p];
    // Why a paradigm was skipped is said once, under the set-up; "not a fit" differs per use case.
    if (cell && (cell.fit === false || (cell.fit === 'skipped' && !useCase.id))) {
      const label = cell.fit === false ? words.notAFitLabel : words.skippedLabel;
      lines.push(
        ...wrap([span(`${words.paradigms[p]}: `, 'bold'), span(`${label} — ${cell.reason}`, 'warn')], view.width),
      );
    }
  }
  // Bars compare use cases; the set-up block (id 0) is too small a thing to draw.
  if (useCase.id && measured.length > 1) lines.push([], ...bars(useCase, measured, view));
  return lines;
}

/** A paradigm that was not measured says so once, in its first row; the reason follows the table. */
function cellText(
  cell: Cell | undefined,
  value: (m: Measurement) => string,
  words: Messages['compare'],
  first: boolean,
): TableCell {
  if (!cell) return { text: '' };
  if (cell.fit === true) return { text: value(cell.measurement) };
  return first
    ? { text: `— ${cell.fit === false ? words.notAFitLabel : words.skippedLabel}`, style: 'dim' }
    : { text: '' };
}

/** Narrow terminals: one block per paradigm, label and value on a line. */
function stacked(
  cells: Partial<Record<ParadigmId, Cell>>,
  paradigms: ParadigmId[],
  notes: readonly BlockNote[],
  view: ComparisonView,
): Line[] {
  const labelWidth = Math.max(...rows(view).map(([label]) => label.length));
  const lines: Line[] = [];
  for (const p of paradigms) {
    const cell = cells[p];
    if (cell?.fit !== true) continue;
    lines.push([span(view.words.paradigms[p], 'bold')]);
    for (const spec of rows(view)) {
      const label = spec[0];
      const text = marked(spec, notes, p)(cell.measurement);
      if (text) lines.push([span(`  ${label.padEnd(labelWidth)}  `, 'dim'), span(text)]);
    }
  }
  return lines;
}

function bars(
  useCase: { cells: Partial<Record<ParadigmId, Cell>> },
  paradigms: ParadigmId[],
  view: ComparisonView,
): Line[] {
  const { words } = view;
  const measurements = paradigms.map(
    (p) => [p, (useCase.cells[p] as { measurement: Measurement }).measurement] as const,
  );
  const chartWidth = Math.min(view.width, 80);
  return [
    [span(words.bars.bytes, 'dim')],
    ...barChart(
      measurements.map(([p, m]) => ({
        label: `  ${words.paradigms[p]}`,
        value: m.up.total + m.down.total,
        display: view.numbers.bytes(m.up.total + m.down.total),
      })),
      { width: chartWidth },
    ),
    [span(words.bars.latency, 'dim')],
    ...barChart(
      measurements.map(([p, m]) => ({
        label: `  ${words.paradigms[p]}`,
        value: m.latencyMs,
        display: view.numbers.ms(m.latencyMs, 2),
        style: 'variable' as const,
      })),
      { width: chartWidth },
    ),
  ];
}

function firstMeasurement(comparison: Comparison): Measurement | undefined {
  for (const useCase of comparison.useCases) {
    for (const cell of Object.values(useCase.cells)) if (cell?.fit === true) return cell.measurement;
  }
  return undefined;
}
