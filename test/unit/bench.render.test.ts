import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { BenchReport, BenchRow } from '../../demos/bench/run-bench.js';
import { renderBench } from '../../demos/render/bench-table.js';
import { paint } from '../../demos/render/lines.js';
import { progressLine } from '../../demos/render/progress-bar.js';
import { createTheme } from '../../demos/render/theme.js';
import { messages } from '../../demos/core/messages/index.js';
import { lessons } from '../../lessons/bench/index.js';
import { ansi } from '../utils/cli.js';

function row(id: string, name: string, rps: number, median: number, extra: Partial<BenchRow> = {}): BenchRow {
  return {
    id,
    name,
    operation: id === 'graphql' ? 'POST /graphql { books { id title author year isbn createdAt } }' : 'GET /v1/books',
    requests: rps * 3,
    errors: 0,
    seconds: 3,
    requestsPerSecond: rps,
    ratio: Math.round((rps / 12345.6) * 1e4) / 1e4,
    latencyMs: { count: rps * 3, mean: median * 1.2, median, p90: median * 2, p99: median * 5, max: 123.456 },
    cpuMicrosPerRequest: id === 'reference' ? 60 : 1e6 / rps,
    answerBytes: id === 'graphql' ? 924 : 905,
    books: 6,
    ...extra,
  };
}

const report: BenchReport = {
  operation: 'list books',
  concurrency: 10,
  durationSeconds: 3,
  warmupSeconds: 1,
  tap: false,
  machine: { node: 'v20.19.0', platform: 'linux x64', cpus: 2, cpuModel: 'Test CPU', loadAverage: 0.5 },
  rows: [
    row('reference', 'node:http', 12345.6, 0.734),
    row('rest', 'REST', 4321, 2.25),
    row('graphql', 'GraphQL', 1234, 8.1, { errors: 3, firstError: 'HTTP 500' }),
    {
      ...row('mq', 'AMQP', 0, 0),
      requests: 0,
      ratio: null,
      latencyMs: null,
      skipped: 'No AMQP broker is reachable at amqp://127.0.0.1:5672.',
    },
  ],
};

const render = (width: number, lang: 'en' | 'de' = 'en', color = false) =>
  renderBench(report, { width, lang, theme: createTheme(color), words: messages[lang].bench, lesson: lessons[lang] });
const lines = (text: string) => text.trimEnd().split('\n');

describe('the bench table', () => {
  test('when it is wide then every paradigm is a row, numbers right-aligned, and nothing passes the width', () => {
    const text = render(120);
    const rows = lines(text);
    assert.ok(rows.every((line) => [...line].length <= 120));
    const header = rows.find((line) => /^ {2}paradigm/.test(line))!;
    const reference = rows.find((line) => /^ {2}node:http /.test(line))!;
    const rest = rows.find((line) => /^ {2}REST /.test(line))!;
    assert.match(reference, /12,346 +1\.00 +█+ +0\.73 +1\.47 +3\.67 +123 +905$/);
    assert.match(rest, /4,321 +0\.35 +█+/);
    // Right-aligned: req/s ends in the same column in the header and in every row.
    const end = (line: string, what: string) => line.indexOf(what) + what.length;
    assert.equal(end(reference, '12,346'), end(header, 'req/s'));
    assert.equal(end(rest, '4,321'), end(header, 'req/s'));
    assert.match(text, /AMQP +skipped/);
    assert.match(text, /No wire tap here/);
    assert.match(
      text,
      /» REST reaches 35% of bare node:http’s rate and takes 231 µs of CPU per request, 171 µs more\./,
    );
    assert.doesNotMatch(text, /machine was busy/);
    assert.match(text, /⚠ GraphQL: 3 of 3,705 requests failed; the first because: HTTP 500/);
    assert.match(text, /⚠ AMQP was skipped: No AMQP broker/);
    assert.doesNotMatch(text, ansi);
  });

  test('when it is wide enough then the request is a column; when not, a legend under the table', () => {
    assert.match(render(200), /GraphQL .* POST \/graphql \{ books/);
    assert.doesNotMatch(render(200), /What each row sends/);
    const narrower = render(120);
    assert.match(
      narrower,
      /What each row sends:\n {2}node:http +GET \/v1\/books, answered with the REST list as fixed bytes/,
    );
  });

  test('when it is narrow then each paradigm is a block of its own, in German number format', () => {
    const text = render(50, 'de');
    assert.ok(lines(text).every((line) => [...line].length <= 50));
    assert.match(text, /^node:http {2}GET \/v1\/books/m);
    assert.match(text, /^ {2}12\.346 Requests\/s · 1,00 × node:http$/m);
    assert.match(text, /Median 2,25 · p90 4,50/);
    assert.match(text, /Hier ohne Mitschnitt/);
  });

  test('when the machine was busy at the start then a warning says the figures will vary', () => {
    const busy = { ...report, machine: { ...report.machine, loadAverage: 3.5 } };
    const text = renderBench(busy, {
      width: 100,
      lang: 'en',
      theme: createTheme(false),
      words: messages.en.bench,
      lesson: lessons.en,
    });
    assert.match(text, /⚠ The machine was busy when the run began \(load average 3\.50 on 2 cores\)/);
  });

  test('when a paradigm needs less CPU per request than the reference then its finding says how much less', () => {
    const faster = { ...report, rows: [report.rows[0]!, row('websocket', 'WebSocket', 24691.2, 0.2)] };
    for (const [lang, less] of [
      ['en', /» WebSocket reaches 200% of bare node:http’s rate and takes 41 µs of CPU per request, 19 µs less\./],
      [
        'de',
        /» WebSocket erreicht 200 % der Rate von nacktem node:http und braucht 41 µs CPU je Request, 19 µs weniger\./,
      ],
    ] as const) {
      const text = renderBench(faster, {
        width: 200,
        lang,
        theme: createTheme(false),
        words: messages[lang].bench,
        lesson: lessons[lang],
      });
      assert.match(text, less);
      assert.doesNotMatch(text, /-\d+ µs/);
    }
  });

  test('when colour is on then the same text comes with colour codes', () => {
    const coloured = render(120, 'en', true);
    assert.match(coloured, ansi);
    assert.equal(coloured.replace(new RegExp(ansi.source, 'g'), ''), render(120));
  });
});

describe('the progress line', () => {
  test('when it is drawn then it never reaches the last column, whatever the width', () => {
    for (const width of [30, 60, 80, 200]) {
      const line = progressLine(
        {
          label: 'GraphQL',
          labelWidth: 10,
          phase: 'measuring',
          phaseWidth: 9,
          warmup: false,
          fraction: 0.5,
          detail: '1.5/3.0 s · 1,234 req/s',
        },
        width,
      );
      const text = paint([line], createTheme(false));
      assert.ok([...text].length < width, `${width}: ${text}`);
      if (width >= 80) assert.match(text, /GraphQL {5}measuring {2}▕█+[▏▎▍▌▋▊▉]?░+▏ 1\.5\/3\.0 s · 1,234 req\/s/);
    }
  });
});

describe('the bench texts', () => {
  const keys = (value: unknown, path = ''): string[] =>
    value && typeof value === 'object'
      ? Object.entries(value).flatMap(([key, v]) => keys(v, `${path}.${key}`))
      : [`${path}:${typeof value}`];

  test('when German is chosen then every English text has a German one', () => {
    assert.deepEqual(keys(lessons.de), keys(lessons.en));
  });
});
