/**
 * A check run on the terminal: one line per check (✔ or ✘, id, what it asks), and under
 * each failing check what was expected, what came instead, its hint, and the trace:
 * request beside response, drawn by the demos' own renderer.
 */
import { renderItems } from '../render/items.js';
import { indent, paint, span, wrap, type Line } from '../render/lines.js';
import type { RenderOptions } from '../render/options.js';
import type { CheckReport } from './run-checks.js';

export function renderCheckReport(report: CheckReport, idWidth: number, options: RenderOptions): string {
  const t = options.messages.exercise.check;
  const mark = report.passed ? span('✔ ', 'ok') : span('✘ ', 'clientError');
  const hanging = (first: Line, text: string, style?: 'warn' | 'dim'): Line[] => {
    const room = first.reduce((n, s) => n + [...s.text].length, 0);
    return wrap([span(text, style)], options.width - room, 'words').map((piece, i) => [
      ...(i === 0 ? first : [span(' '.repeat(room))]),
      ...piece,
    ]);
  };
  const lines: Line[] = hanging([mark, span(report.id.padEnd(idWidth), 'bold'), span('  ')], report.title);
  const labelWidth = Math.max(t.expected.length, t.got.length, t.hint.length, t.advice.length);
  const labelled = (label: string, text: string, style?: 'warn' | 'dim'): Line[] =>
    hanging([span(`    ${label.padEnd(labelWidth)}  `, 'dim')], text, style);
  if (!report.passed) {
    lines.push(...labelled(t.expected, report.expected));
    lines.push(...labelled(t.got, report.got ?? '', 'warn'));
    if (report.hint) lines.push(...labelled(t.hint, report.hint));
  }
  for (const advice of report.advice) lines.push(...labelled(t.advice, advice, 'dim'));
  if (!report.passed && report.trace.length > 0) {
    lines.push([], ...indent(renderItems(report.trace, { ...options, width: options.width - 4 }), 4));
    if (report.traceCut) lines.push(...hanging([span('    ')], t.traceCut({ more: report.traceCut }), 'dim'));
    lines.push([]);
  }
  return paint(lines, options.theme) + '\n';
}

export function renderCheckSummary(reports: readonly CheckReport[], options: RenderOptions): string {
  const t = options.messages.exercise.check;
  const passed = reports.filter((report) => report.passed).length;
  const total = reports.length;
  const line: Line =
    passed === total
      ? [span(t.allPassed({ total }), 'ok')]
      : [span(t.passed({ passed, total }), passed === 0 ? 'clientError' : 'warn')];
  return paint([[], line], options.theme) + '\n';
}
