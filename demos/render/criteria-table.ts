/**
 * `awt-demo table`: the lecture's criteria for every paradigm, and under them rows
 * computed from a comparison (never typed in). Stacks when the terminal is narrow.
 */
import type { Comparison, Measurement, ParadigmId, UseCaseId } from '../compare/types.js';
import type { Messages } from '../core/messages/en.js';
import type { NumberWords } from '../core/numbers.js';
import type { CompareLesson } from '../../lessons/compare/en.js';
import { wrapWords, type Hyphenation } from './hyphenation.js';
import { paint, span, type Line } from './lines.js';
import { table, type TableCell } from './table.js';
import type { Style, Theme } from './theme.js';

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

/** The notes' table has SOAP, REST and GraphQL; the other columns are this tool's additions. */
const additions: readonly ParadigmId[] = ['websocket', 'mq'];
const additionMarker = '*';
const correctionMarkers = ['†', '‡', '§'];

/** The table's own words (headings) and what it teaches (the lecture's criteria). */
export interface CompareWords {
  messages: Messages['compare'];
  lesson: CompareLesson;
  /** Numbers in the table's language, whatever language the comparison was measured in. */
  numbers: NumberWords;
}

export interface CriteriaRows {
  /** Column heads after the criterion's: the paradigms, additions marked. */
  header: string[];
  criteria: string[][];
  measured: string[][];
  /** Under the criteria: what the markers mean (corrections of the notes, additions). */
  footnotes: string[];
}

/** Rows of text: the criteria, then the measured ones (paradigm order as in the lecture, then the rest). */
export function criteriaRows(words: CompareWords, comparison: Comparison | undefined): CriteriaRows {
  const { lesson } = words;
  const footnotes: string[] = [];
  // The catalogue's criteria rows already stand in this order: label, then one cell per paradigm.
  const criteria = Object.entries(lesson.criteria).map(([key, [label, ...cells]]) => [
    label,
    ...cells.map((text, i) => {
      const correction = (lesson.corrections[key] as Record<string, string> | undefined)?.[columns[i]!];
      if (!correction) return text;
      const marker = correctionMarkers[footnotes.length] ?? `(${footnotes.length + 1})`;
      footnotes.push(`${marker} ${correction}`);
      return `${text} ${marker}`;
    }),
  ]);
  footnotes.push(`${additionMarker} ${lesson.additions}`);
  const header = columns.map((p) => `${words.messages.paradigms[p]}${additions.includes(p) ? additionMarker : ''}`);
  const measured = comparison
    ? measuredRows.map(([key, useCase, value]) => [
        words.messages.table.measured[key],
        ...columns.map((p) => {
          const cell = comparison.useCases.find((u) => u.id === useCase)?.cells[p];
          return cell?.fit === true ? value(cell.measurement, words.numbers) : '—';
        }),
      ])
    : [];
  return { header, criteria, measured, footnotes };
}

export interface CriteriaView {
  width: number;
  theme: Theme;
  words: CompareWords;
  /** Where the measured rows came from, said under them. */
  source: string;
  /** Where the language lets a word break: cells never break inside a syllable. */
  hyphenation: Hyphenation;
}

/** Columns narrower than this stack instead: a criterion's cell must stay readable. */
const narrowestColumn = 12;

export function renderCriteriaTable(comparison: Comparison | undefined, view: CriteriaView): string {
  const rows = criteriaRows(view.words, comparison);
  const words = view.words.messages;
  const header: TableCell[] = [
    { text: words.table.criterion, style: 'bold' },
    ...rows.header.map((text) => ({ text, style: 'bold' as const })),
  ];
  const toCells = (cells: string[][]) =>
    cells.map(([label, ...values]) => [{ text: label!, style: 'key' as const }, ...values.map((text) => ({ text }))]);
  const wrapCell = (text: string, width: number) => wrapWords(text, width, view.hyphenation);
  const layout = (cells: string[][]) =>
    table([header, ...toCells(cells)], view.width, { wrapCell, minColumn: narrowestColumn }) ??
    stacked(header, cells, view);
  const lines: Line[] = [...prose(words.table.heading, 'title', view), []];
  lines.push(...layout(rows.criteria), []);
  for (const note of rows.footnotes) lines.push(...prose(note, 'dim', view));
  if (rows.measured.length > 0) {
    lines.push([], [span(words.table.measuredHeading, 'title')]);
    lines.push(...layout(rows.measured));
    lines.push(...prose(words.table.measuredFrom({ source: view.source }), 'dim', view));
  }
  return paint(lines, view.theme) + '\n';
}

/** Narrow terminals: the criterion, then "  Paradigm: judgement" per line, wrapped under itself. */
function stacked(header: TableCell[], rows: string[][], view: CriteriaView): Line[] {
  return rows.flatMap(([label, ...values]) => [
    ...prose(label!, 'key', view),
    ...values.flatMap((value, i): Line[] => {
      const head = `  ${header[i + 1]!.text}: `;
      const lines = wrapWords(value, Math.max(view.width - head.length, 1), view.hyphenation) ?? [value];
      return lines.map((text, n): Line => [span(n === 0 ? head : ' '.repeat(head.length), 'bold'), span(text)]);
    }),
  ]);
}

function prose(text: string, style: Style, view: CriteriaView): Line[] {
  return (wrapWords(text, view.width, view.hyphenation) ?? [text]).map((line) => [span(line, style)]);
}

/** Markdown for the lecture slides: the same rows. */
export function criteriaMarkdown(comparison: Comparison | undefined, all: CompareWords, source: string): string {
  const { header, criteria, measured, footnotes } = criteriaRows(all, comparison);
  const words = all.messages;
  const head = [words.table.criterion, ...header];
  const md = (rows: string[][]) => [
    `| ${head.join(' | ')} |`,
    `|${head.map(() => ' --- ').join('|')}|`,
    ...rows.map((row) => `| ${row.map((cell) => cell.replace(/\|/g, '\\|')).join(' | ')} |`),
  ];
  const out = [
    `# ${words.table.heading}`,
    '',
    ...md(criteria),
    '',
    ...footnotes.map((note) => `${note.replace(/^\*/, '\\*')}  `),
  ];
  if (measured.length > 0)
    out.push('', `## ${words.table.measuredHeading}`, '', ...md(measured), '', words.table.measuredFrom({ source }));
  return out.join('\n') + '\n';
}
