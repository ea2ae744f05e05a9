import { measureWay, pollIntervalMs, scheduleMs, ways, type WayResult } from '../polling.js';
import { ms, type WebsocketStep } from './types.js';

export const thenAndNowStep: WebsocketStep = {
  id: 'thenAndNow',
  async run({ session, lesson }) {
    const results: WayResult[] = [];
    // One after the other, so the ways do not slow each other down.
    for (const way of ways) results.push(await measureWay(way, session.url, session.tap, session.store));
    const c = lesson.polling;
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
    return {
      facts: [
        lesson.facts.schedule({
          count: scheduleMs.length,
          span: String(scheduleMs.at(-1)! - scheduleMs[0]),
          interval: pollIntervalMs,
        }),
      ],
      figures: [
        { kind: 'table', rows, align: ['left', 'right', 'right', 'right', 'right'] },
        {
          kind: 'bars',
          title: lesson.facts.delayChart,
          bars: results.map((r) => ({ label: c[r.way], value: average(r), display: `${ms(average(r))} ms` })),
        },
      ],
    };
  },
};
