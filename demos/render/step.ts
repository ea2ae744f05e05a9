import { renderFigure } from './figure.js';
import { renderItems } from './items.js';
import { paint, span, wrap, type Line } from './lines.js';
import type { RenderOptions } from './options.js';
import type { StepTrace, TraceTotals } from '../wire/trace.js';

/** A step: numbered title, what to notice, the wire, then what was measured. */
export function renderStep(step: StepTrace, total: number, options: RenderOptions): string {
  return paint([...renderStepHead(step, total, options), [], ...renderStepBody(step, options)], options.theme) + '\n';
}

/** What a step is about, known before it runs: its numbered title and what to notice. */
export function renderStepHead(
  step: { index: number; title: string; notice: readonly string[] },
  total: number,
  options: RenderOptions,
): Line[] {
  return renderStepHeadParagraphs(step, total, options).flat();
}

/** The head as paragraphs (the title, then each note), for a screen that may keep only whole ones on top. */
export function renderStepHeadParagraphs(
  step: { index: number; title: string; notice: readonly string[] },
  total: number,
  options: RenderOptions,
): Line[][] {
  const words = options.messages.render;
  const heading = `${words.step({ index: step.index, total })}  ${step.title} `;
  const fill = options.width - [...heading].length - 3;
  // A title too long for one line wraps at words, under its own start, and goes without the rule after it.
  const lead = `━━ ${words.step({ index: step.index, total })}  `;
  const room = options.width - [...lead].length;
  const title: Line[] =
    fill >= 3
      ? [[span('━━ ', 'rule'), span(heading, 'title'), span('━'.repeat(fill), 'rule')]]
      : room >= 20
        ? wrap([span(step.title, 'title')], room, 'words').map((line, i) =>
            i === 0
              ? [span('━━ ', 'rule'), span(lead.slice(3), 'title'), ...line]
              : [span(' '.repeat([...lead].length)), ...line],
          )
        : wrap([span('━━ ', 'rule'), span(heading.trimEnd(), 'title')], options.width, 'words');
  return [title, ...step.notice.map((text) => wrap([span('» ', 'notice'), span(text, 'notice')], options.width))];
}

/** What the step did: the wire, the facts it found, and its totals. */
export function renderStepBody(step: StepTrace, options: RenderOptions): Line[] {
  const words = options.messages.render;
  return [
    ...renderItems(step.items, options),
    [],
    ...step.facts.flatMap((fact) => wrap([span('✔ ', 'fact'), span(fact, 'fact')], options.width)),
    ...step.figures.flatMap((figure) => [[], ...renderFigure(figure, options.width)]),
    ...(step.figures.length > 0 ? [[]] : []),
    ...wrap(
      [span(words.stepTotals({ trips: step.roundTrips, up: step.bytesUp, down: step.bytesDown }), 'dim')],
      options.width,
      'words',
    ),
  ];
}

/** The totals of the whole run, aligned in two columns. */
export function renderSummary(totals: TraceTotals, options: RenderOptions): string {
  return paint(summaryLines(totals, options), options.theme) + '\n';
}

export function summaryLines(totals: TraceTotals, options: RenderOptions): Line[] {
  const words = options.messages.render;
  const rows: Array<[string, number]> = [
    [words.roundTrips, totals.roundTrips],
    [words.connections, totals.connections],
    [words.bytesUp, totals.bytesUp],
    [words.bytesDown, totals.bytesDown],
  ];
  const labelWidth = Math.max(...rows.map(([label]) => label.length));
  const shown = rows.map(([, value]) => options.messages.numbers.integer(value));
  const valueWidth = Math.max(...shown.map((value) => value.length));
  return [
    [span('━━ ', 'rule'), span(words.summaryHeading, 'title')],
    ...rows.map(([label], i): Line => [
      span(`  ${label.padEnd(labelWidth)}  `),
      span(shown[i]!.padStart(valueWidth), 'number'),
    ]),
  ];
}

/** The demo's title, above its first step. */
export function renderTitle(title: string, options: RenderOptions): string {
  return paint(wrap([span(title, 'title')], options.width, 'words'), options.theme) + '\n\n';
}
