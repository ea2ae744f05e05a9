import { measureWay, pollIntervalMs, scheduleMs, ways, type WayResult } from '../polling.js';
import type { WebsocketStep } from './types.js';

export const thenAndNowStep: WebsocketStep = {
  id: 'thenAndNow',
  async run({ session, lesson, numbers }) {
    const results: WayResult[] = [];
    // One after the other, so the ways do not slow each other down.
    for (const way of ways) results.push(await measureWay(way, session.url, session.tap, session.store));
    const columns = lesson.polling;
    const average = (r: WayResult) => r.delaysMs.reduce((sum, d) => sum + d, 0) / r.delaysMs.length;
    const rows = [
      [columns.way, columns.requests, columns.bytes, columns.average, columns.max],
      ...results.map((r) => [
        columns[r.way],
        numbers.integer(r.requests),
        numbers.bytes(r.bytes),
        numbers.msUnit(average(r)),
        numbers.msUnit(Math.max(...r.delaysMs)),
      ]),
    ];
    return {
      facts: [
        lesson.facts.schedule({
          count: scheduleMs.length,
          span: scheduleMs.at(-1)! - scheduleMs[0]!,
          interval: pollIntervalMs,
        }),
      ],
      figures: [
        { kind: 'table', rows, align: ['left', 'right', 'right', 'right', 'right'] },
        {
          kind: 'bars',
          title: lesson.facts.delayChart,
          bars: results.map((r) => ({ label: columns[r.way], value: average(r), display: numbers.msUnit(average(r)) })),
        },
      ],
    };
  },
};
