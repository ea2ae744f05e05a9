import { barChart, plainLines } from '../../render/bar-chart.js';
import { measureWay, pollIntervalMs, scheduleMs, ways, type WayResult } from '../compare.js';
import { ms, type WebsocketStep } from './types.js';

/** Columns of the chart: it travels as facts, which a terminal of 80 columns shows whole. */
const chartWidth = 64;

export const thenAndNowStep: WebsocketStep = {
  id: 'thenAndNow',
  async run({ session, t }) {
    const results: WayResult[] = [];
    // One after the other, so the ways do not slow each other down.
    for (const way of ways) results.push(await measureWay(way, session.url, session.tap, session.store));
    const c = t.compare;
    const average = (r: WayResult) => r.delaysMs.reduce((sum, d) => sum + d, 0) / r.delaysMs.length;
    const rows = [
      [c.way, c.requests, c.bytes, c.average, c.max],
      ...results.map((r) => [
        c[r.way],
        String(r.requests),
        `${r.bytes} B`,
        `${ms(average(r))} ms`,
        `${ms(Math.max(...r.delaysMs))} ms`,
      ]),
    ];
    const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
    const table = rows.map((row) =>
      row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('   '),
    );
    const chart = barChart(
      results.map((r) => ({ label: c[r.way], value: average(r), display: `${ms(average(r))} ms` })),
      { width: chartWidth },
    );
    return {
      facts: [
        t.facts.schedule({
          count: scheduleMs.length,
          span: String(scheduleMs.at(-1)! - scheduleMs[0]),
          interval: pollIntervalMs,
        }),
      ],
      figures: [...table, '', t.facts.delayChart, ...plainLines(chart)],
    };
  },
};
