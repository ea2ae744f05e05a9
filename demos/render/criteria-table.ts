/**
 * `awt-demo table`: the lecture's criteria for every paradigm, and under them rows
 * computed from a comparison (never typed in). Stacks when the terminal is narrow.
 */
import type { Comparison, Measurement, ParadigmId, UseCaseId } from '../compare/types.js';
import type { Messages } from '../core/messages/en.js';
import type { NumberWords } from '../core/numbers.js';
import type { CompareLesson } from '../../lessons/compare/en.js';
import { paint, span, wrap, type Line } from './lines.js';
import { table, type TableCell } from './table.js';
import type { Theme } from './theme.js';

/** The lecture's order (SOAP, REST, GraphQL), then the paradigms this course adds. */
const columns: readonly ParadigmId[] = ['soap', 'rest', 'graphql', 'websocket', 'mq'];

type MeasuredRow = [
  key: keyof Messages['compare']['table']['measured'],
  useCase: UseCaseId,
  value: (m: Measurement, n: NumberWords) => string,
];

const measuredRows: MeasuredRow[] = [
  ['listBytes', 1, (m, n) => n.bytes(m.up.total + m.down.total)],
  [
    'listFields',
    1,
    (m, n) => (m.fieldsReceived === null ? '' : `${n.integer(m.fieldsReceived)} / ${n.integer(m.fieldsNeeded ?? NaN)}`),
  ],
  ['listLatency', 1, (m, n) => n.ms(m.latencyMs, 2)],
  ['detailTrips', 2, (m, n) => n.integer(m.roundTrips)],
  ['cachedBytes', 5, (m, n) => n.bytes(m.up.total + m.down.total)],
  // Whole milliseconds, but a delay under one stays visible (0.4, not 0).
  ['notifyDelay', 6, (m, n) => n.ms(m.latencyMs, 0)],
];

/** The table's own words (headings) and what it teaches (the lecture's criteria). */
export interface CompareWords {
  messages: Messages['compare'];
  lesson: CompareLesson;
  numbers: NumberWords;
}

/** Rows of text: the criteria, then the measured ones (paradigm order as in the lecture, then the rest). */
export function criteriaRows(
  words: CompareWords,
  comparison: Comparison | undefined,
): { criteria: string[][]; measured: string[][] } {
  // The catalogue's criteria rows already stand in this order: label, then one cell per paradigm.
  const criteria = Object.values(words.lesson.criteria).map((row) => [...row]);
  const measured = comparison
    ? measuredRows.map(([key, useCase, value]) => [
        words.messages.table.measured[key],
        ...columns.map((p) => {
          const cell = comparison.useCases.find((u) => u.id === useCase)?.cells[p];
          return cell?.fit === true ? value(cell.measurement, words.numbers) : '—';
        }),
      ])
    : [];
  return { criteria, measured };
}

export interface CriteriaView {
  width: number;
  theme: Theme;
  words: CompareWords;
  /** Where the measured rows came from, said under them. */
  source: string;
}

export function renderCriteriaTable(comparison: Comparison | undefined, view: CriteriaView): string {
  const { criteria, measured } = criteriaRows(view.words, comparison);
  const words = view.words.messages;
  const header: TableCell[] = [
    { text: words.table.criterion, style: 'bold' },
    ...columns.map((p) => ({ text: words.paradigms[p], style: 'bold' as const })),
  ];
  const toCells = (rows: string[][]) =>
    rows.map(([label, ...values]) => [{ text: label!, style: 'key' as const }, ...values.map((text) => ({ text }))]);
  const lines: Line[] = [[span(words.table.heading, 'title')], []];
  lines.push(...(table([header, ...toCells(criteria)], view.width) ?? stacked(header, criteria)));
  if (measured.length > 0) {
    lines.push([], [span(words.table.measuredHeading, 'title')]);
    lines.push(...(table([header, ...toCells(measured)], view.width) ?? stacked(header, measured)));
    lines.push(...wrap([span(words.table.measuredFrom({ source: view.source }), 'dim')], view.width, 'words'));
  }
  return paint(lines, view.theme) + '\n';
}

function stacked(header: TableCell[], rows: string[][]): Line[] {
  return rows.flatMap(([label, ...values]) => [
    [span(label!, 'key')],
    ...values.map((value, i): Line => [span(`  ${header[i + 1]!.text}: `, 'bold'), span(value)]),
  ]);
}

/** Markdown for the lecture slides: the same rows. */
export function criteriaMarkdown(comparison: Comparison | undefined, all: CompareWords, source: string): string {
  const { criteria, measured } = criteriaRows(all, comparison);
  const words = all.messages;
  const head = [words.table.criterion, ...columns.map((p) => words.paradigms[p])];
  const md = (rows: string[][]) => [
    `| ${head.join(' | ')} |`,
    `|${head.map(() => ' --- ').join('|')}|`,
    ...rows.map((row) => `| ${row.map((cell) => cell.replace(/\|/g, '\\|')).join(' | ')} |`),
  ];
  const out = [`# ${words.table.heading}`, '', ...md(criteria)];
  if (measured.length > 0)
    out.push('', `## ${words.table.measuredHeading}`, '', ...md(measured), '', words.table.measuredFrom({ source }));
  return out.join('\n') + '\n';
}
