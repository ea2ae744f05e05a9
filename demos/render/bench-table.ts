/**
 * `awt-demo bench` on the terminal: one row per paradigm with absolute figures and
 * the ratio to the reference, aligned; a bar for the ratio and the request sent when
 * the width allows; stacked blocks on a narrow terminal. Pure: report in, text out.
 */
import type { BenchReport, BenchRow } from '../bench/run-bench.js';
import type { Lang } from '../core/lang.js';
import type { Messages } from '../core/messages/en.js';
import type { BenchLesson } from '../../lessons/bench/en.js';
import { numberWords } from '../core/numbers.js';
import { barText } from './bar-chart.js';
import { paint, span, wrap, type Line } from './lines.js';
import { gap, tableRow } from './table.js';
import type { Style, Theme } from './theme.js';

export interface BenchRenderOptions {
  width: number;
  theme: Theme;
  lang: Lang;
  words: Messages['bench'];
  lesson: BenchLesson;
}

const indent = 2;
const minBar = 8;
const maxBar = 24;

interface Column {
  header: string;
  align: 'left' | 'right';
  cells: Array<{ text: string; style?: Style }>;
}

export function renderBench(report: BenchReport, options: BenchRenderOptions): string {
  const { words, width, lang } = options;
  const n = numberWords(lang);
  const out: Line[] = [
    ...wrap([span(words.title, 'title')], width),
    ...wrap(
      [
        span(
          words.setup({
            concurrency: report.concurrency,
            seconds: n.decimal(report.durationSeconds, 1),
            warmup: n.decimal(report.warmupSeconds, 1),
          }),
          'dim',
        ),
      ],
      width,
    ),
    ...wrap([span(words.noTap)], width),
    [],
  ];
  const operations = report.rows.map((row) => (row.id === 'reference' ? words.referenceOperation : row.operation));
  const table = tableLines(report.rows, operations, options);
  out.push(...(table ?? stackedLines(report.rows, operations, options)));
  if (table && !table.hasOperation) {
    out.push([], [span(words.legendHeading, 'dim')]);
    const nameWidth = Math.max(...report.rows.map((row) => row.name.length));
    report.rows.forEach((row, i) => {
      out.push(
        ...wrap([span(' '.repeat(indent)), span(row.name.padEnd(nameWidth + gap)), span(operations[i]!, 'dim')], width),
      );
    });
  }
  const remarks = [...findings(report, options), ...problems(report, options)];
  if (remarks.length > 0) out.push([], ...remarks);
  out.push([]);
  for (const note of [
    options.lesson.notes.reference,
    options.lesson.notes.reading,
    options.lesson.notes.threads,
    machine(report, options),
  ]) {
    out.push(...wrap([span(note, 'dim')], width));
  }
  return paint(out, options.theme) + '\n';
}

function columns(rows: readonly BenchRow[], options: BenchRenderOptions): Column[] {
  const { words } = options;
  const n = numberWords(options.lang);
  const dash = { text: '–', style: 'dim' as Style };
  const latency = (key: 'median' | 'p90' | 'p99' | 'max') => (row: BenchRow) =>
    row.latencyMs ? { text: n.msShort(row.latencyMs[key]) } : dash;
  return [
    { header: words.columns.paradigm, align: 'left', cells: rows.map((row) => ({ text: row.name, style: 'bold' })) },
    {
      header: words.columns.rps,
      align: 'right',
      cells: rows.map((row) =>
        row.skipped
          ? { text: words.skippedCell, style: 'warn' }
          : { text: n.integer(row.requestsPerSecond), style: 'number' },
      ),
    },
    {
      header: words.columns.ratio,
      align: 'right',
      cells: rows.map((row) =>
        row.ratio === null
          ? { text: '–', style: 'dim' }
          : { text: n.decimal(row.ratio, 2), style: ratioStyle(row.ratio) },
      ),
    },
    { header: words.columns.median, align: 'right', cells: rows.map(latency('median')) },
    { header: words.columns.p90, align: 'right', cells: rows.map(latency('p90')) },
    { header: words.columns.p99, align: 'right', cells: rows.map(latency('p99')) },
    { header: words.columns.max, align: 'right', cells: rows.map(latency('max')) },
  ];
}

/** The table, or undefined when even its core columns do not fit. */
function tableLines(
  rows: readonly BenchRow[],
  operations: readonly string[],
  options: BenchRenderOptions,
): (Line[] & { hasOperation?: boolean }) | undefined {
  const { words } = options;
  const cols = columns(rows, options);
  const widthOf = (col: Column) => Math.max(col.header.length, ...col.cells.map((cell) => cell.text.length));
  const widths = cols.map(widthOf);
  // The latency heading spans median … max; widen median if the heading is longer.
  const latencySpan = () => widths.slice(3).reduce((sum, w) => sum + w, 0) + gap * 3;
  if (words.columns.latency.length > latencySpan()) widths[3]! += words.columns.latency.length - latencySpan();
  const core = indent + widths.reduce((sum, w) => sum + w, 0) + gap * (widths.length - 1);
  if (core > options.width) return undefined;

  let room = options.width - core;
  const bytes: Column = {
    header: words.columns.bytes,
    align: 'right',
    cells: rows.map((row) => (row.skipped ? { text: '–', style: 'dim' } : { text: String(row.answerBytes) })),
  };
  const operation: Column = {
    header: words.columns.operation,
    align: 'left',
    cells: operations.map((text) => ({ text, style: 'dim' })),
  };
  const wantBar = room >= gap + minBar;
  if (wantBar) room -= gap + minBar;
  const hasBytes = room >= gap + widthOf(bytes);
  if (hasBytes) room -= gap + widthOf(bytes);
  const hasOperation = room >= gap + widthOf(operation);
  if (hasOperation) room -= gap + widthOf(operation);
  const barCells = wantBar ? Math.min(maxBar, minBar + room) : 0;

  const maxRps = Math.max(...rows.map((row) => row.requestsPerSecond));
  const all: Array<{ col: Column; width: number }> = cols.map((col, i) => ({ col, width: widths[i]! }));
  if (wantBar) {
    const bar: Column = {
      header: '',
      align: 'left',
      cells: rows.map((row) => ({
        text: barText(row.requestsPerSecond, maxRps, barCells),
        style: row.id === 'reference' ? 'dim' : 'number',
      })),
    };
    all.splice(3, 0, { col: bar, width: barCells });
  }
  if (hasBytes) all.push({ col: bytes, width: widthOf(bytes) });
  if (hasOperation) all.push({ col: operation, width: widthOf(operation) });

  const latencyStart = all.findIndex((c) => c.col.header === words.columns.median);
  const before = indent + all.slice(0, latencyStart).reduce((sum, c) => sum + c.width + gap, 0);
  const spanWidth = all.slice(latencyStart, latencyStart + 4).reduce((sum, c) => sum + c.width, 0) + gap * 3;
  const widthsShown = all.map((c) => c.width);
  const row = (cells: Array<{ text: string; style?: Style }>): Line => [
    span(' '.repeat(indent)),
    ...tableRow(
      cells.map((c, i) => ({ ...c, align: all[i]!.col.align })),
      widthsShown,
    ),
  ];
  const lines: Line[] & { hasOperation?: boolean } = [
    [span(' '.repeat(before)), span(words.columns.latency.padStart(spanWidth), 'dim')],
    row(all.map((c) => ({ text: c.col.header, style: 'dim' }))),
    ...rows.map((_r, i) => row(all.map((c) => c.col.cells[i]!))),
  ];
  lines.hasOperation = hasOperation;
  return lines;
}

/** One block per paradigm, for terminals too narrow for the table. */
function stackedLines(rows: readonly BenchRow[], operations: readonly string[], options: BenchRenderOptions): Line[] {
  const { words, width } = options;
  const n = numberWords(options.lang);
  const maxRps = Math.max(...rows.map((row) => row.requestsPerSecond));
  const pad = span(' '.repeat(indent));
  return rows.flatMap((row, i): Line[] => {
    const blank: Line[] = i > 0 ? [[]] : [];
    const head = wrap([span(row.name, 'bold'), span('  '), span(operations[i]!, 'dim')], width);
    if (row.skipped) return [...blank, ...head, [pad, span(words.skippedCell, 'warn')]];
    const ratio = row.ratio === null ? '–' : n.decimal(row.ratio, 2);
    const l = row.latencyMs ?? { median: NaN, p90: NaN, p99: NaN, max: NaN };
    return [
      ...blank,
      ...head,
      [
        pad,
        span(n.integer(row.requestsPerSecond), 'number'),
        span(` ${words.columns.rps} · `),
        span(ratio, row.ratio === null ? 'dim' : ratioStyle(row.ratio)),
        span(` ${words.columns.ratio}`),
      ],
      [pad, span(barText(row.requestsPerSecond, maxRps, Math.max(4, Math.min(maxBar, width - indent))), 'number')],
      ...wrap(
        [
          pad,
          span(
            `${words.columns.latency}: ${words.columns.median} ${n.msShort(l.median)} · ${words.columns.p90} ${n.msShort(l.p90)} · ` +
              `${words.columns.p99} ${n.msShort(l.p99)} · ${words.columns.max} ${n.msShort(l.max)}`,
            'dim',
          ),
        ],
        width,
      ),
    ];
  });
}

function findings(report: BenchReport, options: BenchRenderOptions): Line[] {
  const { words } = options;
  const n = numberWords(options.lang);
  const reference = report.rows.find((row) => row.id === 'reference' && row.ratio !== null);
  const referenceCpu = reference?.cpuMicrosPerRequest;
  if (!reference || referenceCpu == null) return [];
  return report.rows
    .filter((row) => row !== reference && row.ratio !== null && row.cpuMicrosPerRequest !== null)
    .flatMap((row) => {
      const percent = row.ratio! * 100;
      const extra = row.cpuMicrosPerRequest! - referenceCpu;
      // A paradigm without HTTP per request (WebSocket) can need less CPU than the reference.
      const sentence = (extra < 0 ? words.findings.rowBelow : words.findings.row)({
        name: row.name,
        percent: n.decimal(percent, percent < 10 ? 1 : 0),
        micros: n.integer(row.cpuMicrosPerRequest!),
        extra: n.integer(Math.abs(extra)),
      });
      const why = options.lesson.why[row.id];
      return wrap([span('» ', 'notice'), span(why ? `${sentence} ${why}` : sentence, 'notice')], options.width);
    });
}

function problems(report: BenchReport, options: BenchRenderOptions): Line[] {
  const { words } = options;
  const n = numberWords(options.lang);
  const { loadAverage, cpus } = report.machine;
  const busy =
    loadAverage > cpus
      ? wrap([span('⚠ ', 'warn'), span(words.busy({ load: n.decimal(loadAverage, 2), cpus }), 'warn')], options.width)
      : [];
  return busy.concat(
    report.rows.flatMap((row) => {
      const text = row.skipped
        ? words.skipped({ name: row.name, reason: row.skipped })
        : row.errors > 0
          ? words.errors({
              name: row.name,
              errors: n.integer(row.errors),
              total: n.integer(row.errors + row.requests),
              first: row.firstError ?? '?',
            })
          : undefined;
      return text ? wrap([span('⚠ ', 'warn'), span(text, 'warn')], options.width) : [];
    }),
  );
}

function machine(report: BenchReport, options: BenchRenderOptions): string {
  const m = report.machine;
  return options.lesson.notes.machine({
    node: m.node,
    cpus: m.cpus,
    model: m.cpuModel,
    load: numberWords(options.lang).decimal(m.loadAverage, 2),
  });
}

function ratioStyle(ratio: number): Style {
  return ratio >= 0.5 ? 'ok' : ratio >= 0.2 ? 'warn' : 'clientError';
}
