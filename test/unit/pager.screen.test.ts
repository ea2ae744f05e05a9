import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { drawPager, type PagerContent, type PagerSize } from '../../bin/pager/screen.js';
import { finished, initialState, press, recorded, type PagerState } from '../../bin/pager/state.js';
import { createTheme } from '../../demos/render/theme.js';
import type { StepTrace } from '../../demos/wire/trace.js';
import { messages as ui } from '../../demos/core/messages/index.js';
import { fixedStep, longExchange } from '../utils/fixtures.js';

const lesson = [
  { title: 'The lecture query', notice: ['Only the fields you ask for come back.'] },
  { title: 'A long list', notice: ['Every item of the list comes back, one per line.'] },
  { title: 'The end', notice: ['Nothing more.'] },
];

function content(traces: StepTrace[], extra: Partial<PagerContent> = {}): PagerContent {
  return {
    demo: 'graphql',
    title: 'GraphQL with graphql-http',
    steps: lesson,
    traces,
    totals: undefined,
    fromMenu: false,
    ...extra,
  };
}

const longStep: StepTrace = { ...fixedStep(longExchange(60)), index: 2, id: 'long', title: lesson[1]!.title };

function draw(state: PagerState, c: PagerContent, size: PagerSize, lang: 'en' | 'de' = 'en') {
  return drawPager(state, c, size, { theme: createTheme(false), messages: ui[lang], raw: false, full: false });
}

function shown(state: PagerState, recordedSteps: number): PagerState {
  let s = state;
  for (let i = 0; i < recordedSteps; i++) s = recorded(s);
  return s;
}

describe('the pager screen', () => {
  for (const size of [
    { columns: 80, rows: 24 },
    { columns: 120, rows: 40 },
    { columns: 40, rows: 10 },
  ]) {
    test(`when drawn at ${size.columns}×${size.rows} then it fills exactly the screen and no line is wider`, () => {
      for (const at of [0, 1]) {
        const state = shown({ ...initialState(3), at }, 2);
        const { lines } = draw(state, content([fixedStep(), longStep]), size);
        assert.equal(lines.length, size.rows);
        for (const line of lines) assert.ok([...line].length <= size.columns, `${[...line].length}: ${line}`);
      }
    });
  }

  test('when the run says which broker it uses then that line stands under the first step and the summary only', () => {
    const about = 'Broker: the embedded one on 127.0.0.1:40000 (nothing answered at amqp://127.0.0.1:5672)';
    const totals = { roundTrips: 2, connections: 1, bytesUp: 10, bytesDown: 20 };
    const all = content([fixedStep(), longStep, fixedStep()], { about, totals });
    const size = { columns: 120, rows: 30 };
    const done = finished(shown(initialState(3), 3));
    assert.equal(draw({ ...done, at: 0 }, all, size).lines[2], about);
    assert.ok(!draw({ ...done, at: 1 }, all, size).lines.includes(about));
    assert.equal(draw({ ...done, at: 3 }, all, size).lines[1], about);
  });

  test('when a step is shown then its title and notice are on top and the status line at the bottom', () => {
    const { lines } = draw(shown(initialState(3), 1), content([fixedStep()]), { columns: 100, rows: 30 });
    assert.match(lines[0]!, /^━━ Step 1\/3 {2}The lecture query ━+$/);
    assert.equal(lines[1], '» Only the fields you ask for come back.');
    assert.ok(lines.some((line) => line.includes('POST /graphql HTTP/1.1')));
    // The step fits: nothing to scroll, so the hint leaves the scroll keys out.
    assert.match(lines.at(-1)!, /^graphql · Step 1\/3 +Enter next · ← back · \? keys · q quit$/);
  });

  test('when the notes are longer than a quarter of the screen then whole notes stay on top and the rest opens the body', () => {
    const notes = [
      'The first note is short enough to stay on top, however narrow the screen is.',
      'The second note is long: it goes on and on about resolvers, parents and children, and default resolvers, so that it wraps over several lines at sixty columns.',
    ];
    const steps = [{ title: 'Resolvers', notice: notes }, ...lesson.slice(1)];
    const { lines } = draw(shown(initialState(3), 1), content([fixedStep()], { steps }), { columns: 60, rows: 20 });
    const second = lines.findIndex((line) => line.startsWith('» The second note'));
    // The head (a quarter: 5 rows) holds the title and the first note whole; the second goes on
    // in the body at once, with no empty line inside or before it.
    assert.match(lines[second - 1]!, /narrow the screen is\.$/);
    assert.equal(second, 3);
    assert.ok(lines.slice(second).some((line) => / at sixty columns\.$/.test(line)));
  });

  test('when a body is too long for the screen then it is cut just enough for the step to fit', () => {
    const size = { columns: 120, rows: 30 };
    const { lines, page } = draw({ ...shown(initialState(3), 2), at: 1 }, content([fixedStep(), longStep]), size);
    assert.ok(page.lines <= page.rows, `${page.lines} lines for ${page.rows} rows`);
    const cut = lines.find((line) => /… \d+ more lines \(f shows them\)/.test(line));
    assert.ok(cut, 'a cut line that names the key');
    // Cut no more than needed: the screen is full, or one line short of it (a cut line of its own).
    assert.ok(page.lines >= page.rows - 1, `${page.lines} lines for ${page.rows} rows`);
    assert.ok(
      lines.some((line) => line.includes('Fields asked for: title, author.')),
      'the facts stay visible',
    );
  });

  test('when even the tightest fold does not fit then the rest scrolls and the status line says how much', () => {
    const size = { columns: 60, rows: 14 };
    const state = { ...shown(initialState(3), 2), at: 1 };
    // Even one line each, 12 round trips on as many connections (none folded as polling) are more than the screen has rows.
    const many = {
      ...longStep,
      items: Array.from({ length: 12 }, (_v, i) => ({ ...longExchange(60), connection: i + 1 })),
    };
    const first = draw(state, content([fixedStep(), many]), size);
    assert.ok(first.page.lines > first.page.rows);
    const more = first.page.lines - first.page.rows;
    assert.match(first.lines.at(-1)!, new RegExp(`↓ ${more} more lines`));
    const scrolled = press(state, 'end', first.page);
    const last = draw(scrolled, content([fixedStep(), many]), size);
    assert.match(last.lines.at(-1)!, new RegExp(`lines ${more + 1}–${first.page.lines} of ${first.page.lines}`));
    assert.ok(last.lines.some((line) => /round trip, \d+ B up, \d+ B down/.test(line)));
  });

  test('when f is pressed then the long body shows in full and scrolls', () => {
    const state = { ...shown(initialState(3), 2), at: 1 };
    const size = { columns: 120, rows: 30 };
    const full = draw(press(state, { char: 'f' }, { rows: 0, lines: 0 }), content([fixedStep(), longStep]), size);
    assert.ok(full.page.lines > 60, `${full.page.lines} lines`);
    assert.match(full.lines.at(-1)!, /all unfolded/);
  });

  test('when j is pressed then the step shows as the JSON that --json prints', () => {
    const state = press(shown(initialState(3), 1), { char: 'j' }, { rows: 0, lines: 0 });
    const { lines } = draw(state, content([fixedStep()]), { columns: 100, rows: 40 });
    assert.ok(lines.some((line) => line === '  "id": "query",'));
    assert.match(lines.at(-1)!, /JSON/);
  });

  test('when a step still runs then its title shows and the status line says it runs', () => {
    const { lines } = draw(initialState(3), content([]), { columns: 100, rows: 20 });
    assert.match(lines[0]!, /Step 1\/3 {2}The lecture query/);
    // The step on screen is not named twice; a step run on the way to a jump is.
    assert.match(lines.at(-1)!, /^graphql · Step 1\/3 · running … /);
    const jumping = draw({ ...initialState(3), at: 2 }, content([]), { columns: 100, rows: 20 });
    assert.match(jumping.lines.at(-1)!, /^graphql · Step 3\/3 · running step 1 … /);
  });

  test('when the steps are done then the summary shows the totals and how to go on', () => {
    let state = finished(shown(initialState(3), 3));
    state = { ...state, at: 3 };
    const totals = { roundTrips: 3, connections: 2, bytesUp: 900, bytesDown: 1800 };
    const { lines } = draw(state, content([fixedStep()], { totals, fromMenu: true }), { columns: 100, rows: 20 });
    assert.equal(lines[0], 'GraphQL with graphql-http');
    assert.ok(lines.some((line) => /round trips +3/.test(line)));
    assert.ok(lines.some((line) => line.includes('back to the menu')));
  });

  test('when ? is pressed then the keys are listed', () => {
    const state = press(shown(initialState(3), 1), { char: '?' }, { rows: 0, lines: 0 });
    const { lines } = draw(state, content([fixedStep()]), { columns: 100, rows: 24 });
    assert.equal(lines[0], 'Keys');
    assert.ok(lines.some((line) => /^ {2}1–9 +g N Enter +step N/.test(line)));
  });

  test('when the keys are listed at 80 columns in German then a wrapped description goes on under itself', () => {
    const state = press(shown(initialState(3), 1), { char: '?' }, { rows: 0, lines: 0 });
    const { lines } = draw(state, content([fixedStep()]), { columns: 80, rows: 40 }, 'de');
    const first = lines.findIndex((line) => line.includes('voriger Schritt'));
    const column = lines[first]!.indexOf('voriger');
    assert.ok(first > 0 && column > 4, lines.join('\n'));
    // The line under it continues the description, in its column.
    assert.match(lines[first + 1]!, new RegExp(`^ {${column}}\\S`), lines.slice(first, first + 2).join('\n'));
  });

  test('when g is pressed then the status line asks for the step number', () => {
    const state = press(shown(initialState(3), 1), { char: 'g' }, { rows: 0, lines: 0 });
    const typed = press(state, { char: '2' }, { rows: 0, lines: 0 });
    const { lines } = draw(typed, content([fixedStep()]), { columns: 100, rows: 24 });
    assert.match(lines.at(-1)!, /^go to step \(1–3\): 2_/);
  });

  test('when the language is German then the status line is German', () => {
    const { lines } = draw(shown(initialState(3), 1), content([fixedStep()]), { columns: 100, rows: 30 }, 'de');
    assert.match(lines.at(-1)!, /^graphql · Schritt 1\/3 +Enter weiter · ← zurück · \? Tasten · q beenden$/);
  });
});
