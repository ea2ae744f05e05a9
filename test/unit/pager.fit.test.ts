/**
 * A step fitted to a small terminal (80×24, the size a student's terminal opens at):
 * the head takes at most a quarter of the screen, the trace is folded until it fits,
 * and every fold names the key that unfolds it. Fixed sizes and scripted keys, no
 * terminal and no demo.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { drawPager, headRows, type PagerContent, type PagerSize } from '../../bin/pager/screen.js';
import { initialState, press, recorded, type PagerState } from '../../bin/pager/state.js';
import { messages as ui } from '../../demos/core/messages/index.js';
import { createTheme } from '../../demos/render/theme.js';
import { httpDecoder } from '../../demos/wire/http-decoder.js';
import type { HttpExchange, StepTrace } from '../../demos/wire/trace.js';
import { decodeChunks } from '../utils/decode.js';
import { fixedStep, longExchange } from '../utils/fixtures.js';

const small: PagerSize = { columns: 80, rows: 24 };

/** A GraphQL round trip with every header a real client and server send, and an answer of `books` books. */
function realExchange(books: number): HttpExchange {
  const query = JSON.stringify({ query: '{ books { title author } }' });
  const answer = JSON.stringify({
    data: { books: Array.from({ length: books }, (_v, i) => ({ title: `Book ${i}`, author: `Author ${i}` })) },
  });
  const request = [
    'POST /graphql HTTP/1.1',
    'User-Agent: awt-demo',
    'Content-Type: application/json',
    'Accept: application/graphql-response+json, application/json;q=0.9',
    `Content-Length: ${query.length}`,
    'Host: 127.0.0.1:40000',
    'Connection: keep-alive',
  ];
  const response = [
    'HTTP/1.1 200 OK',
    'Content-Type: application/graphql-response+json; charset=utf-8',
    `Content-Length: ${answer.length}`,
    'Date: Mon, 30 Nov 2026 19:03:07 GMT',
    'Connection: keep-alive',
    'Keep-Alive: timeout=5',
  ];
  return decodeChunks(httpDecoder(), [
    ['up', request.join('\r\n') + '\r\n\r\n' + query],
    ['down', response.join('\r\n') + '\r\n\r\n' + answer],
  ])[0] as HttpExchange;
}

function stepOf(items: HttpExchange[], notice: string[]): StepTrace {
  return { ...fixedStep(items[0]), items, notice, roundTrips: items.length };
}

function contentOf(step: StepTrace): PagerContent {
  return {
    demo: 'graphql',
    title: 'GraphQL',
    steps: [{ title: step.title, notice: step.notice }],
    traces: [step],
    totals: undefined,
    fromMenu: false,
  };
}

function draw(state: PagerState, content: PagerContent, lang: 'en' | 'de' = 'en') {
  return drawPager(state, content, small, { theme: createTheme(false), messages: ui[lang], raw: false, full: false });
}

const ready = recorded(initialState(1));
const twoLines = ['The client names the fields; exactly those come back, nothing else (no over-fetching) at all.'];

describe('the pager at 80×24', () => {
  test('when a step has long notes then the head keeps a quarter of the screen and the notes go on in the body', () => {
    const notes = Array.from({ length: 6 }, (_v, i) => `Note ${i + 1}: ${'something worth reading '.repeat(3)}`);
    const content = contentOf(stepOf([realExchange(2)], notes));
    const { lines } = draw(ready, content);
    assert.equal(headRows(small.rows), 6);
    // Nothing is lost: scrolled to the end, the last note and the facts are there, under the same head.
    const all = draw({ ...ready, view: 'trace' }, content).page;
    const end = draw(press(ready, 'end', all), content).lines;
    assert.deepEqual(end.slice(0, 6), lines.slice(0, 6));
    // The notes read on into the body without an empty line between them.
    assert.notEqual(lines[6], '');
    const everything = [...lines, ...end].join('\n');
    assert.match(everything, /Note 6/);
  });

  for (const lang of ['en', 'de'] as const) {
    test(`when one round trip has a long answer then it fits without scrolling (${lang})`, () => {
      const content = contentOf(stepOf([realExchange(12)], twoLines));
      const { lines, page } = draw(ready, content, lang);
      assert.ok(page.lines <= page.rows, `${page.lines} lines for ${page.rows} rows`);
      const text = lines.join('\n');
      // Cut to its first few lines the answer would show only brackets: the headers nobody talks
      // about are named on one line first, and the answer keeps its first book.
      assert.doesNotMatch(text, /Keep-Alive: timeout=5/);
      assert.match(text, /^… User-Agent, Content-Type, Accept \+\d \(f (shows|zeigt) (them|sie)\)$/m);
      assert.match(text, /"data": \{/);
      assert.match(text, /"title": "Book 0"/);
      assert.match(text, /Fields asked for/);
    });
  }

  test('when two round trips with long answers do not fit even cut then the bodies fold into one line each', () => {
    const content = contentOf(stepOf([realExchange(30), realExchange(30)], twoLines));
    const { lines, page } = draw(ready, content);
    assert.ok(page.lines <= page.rows, `${page.lines} lines for ${page.rows} rows`);
    assert.equal(lines.filter((line) => /body of \d+ lines \(f shows them\)/.test(line)).length >= 2, true);
    assert.equal(lines.filter((line) => line === 'POST /graphql HTTP/1.1').length, 2);
  });

  test('when even folded bodies do not fit then every round trip but the last is one line, and the last keeps its head', () => {
    const content = contentOf(
      stepOf([realExchange(30), realExchange(30), realExchange(30), realExchange(30)], twoLines),
    );
    const { lines, page } = draw(ready, content);
    assert.ok(page.lines <= page.rows, `${page.lines} lines for ${page.rows} rows`);
    const oneLiners = lines.filter((line) =>
      /^▶ POST \/graphql {2}◀ 200 OK · [\d,]+ B ↑ · [\d,]+ B ↓ \(f\)$/.test(line),
    );
    assert.equal(oneLiners.length, 3);
    assert.equal(lines.filter((line) => line === 'POST /graphql HTTP/1.1').length, 1);
  });

  test('when not even one line each for all but the last fits then the last is one line too, and a long URL gives way to status and sizes', () => {
    const long = realExchange(30);
    const url = `/graphql?query=${'%7B%20books%20%7B%20title%20%7D%20%7D'.repeat(4)}`;
    const withUrl = { ...long, request: { ...long.request, startLine: `GET ${url} HTTP/1.1` } };
    // Fourteen on as many connections (no polling run to fold): the last's head no longer fits beside the others.
    const content = contentOf(
      stepOf(
        Array.from({ length: 14 }, (_v, i) => ({ ...withUrl, connection: i + 1 })),
        twoLines,
      ),
    );
    const { lines, page } = draw(ready, content);
    assert.ok(page.lines <= page.rows, `${page.lines} lines for ${page.rows} rows`);
    const oneLiners = lines.filter((line) =>
      /^▶ GET \/graphql\?query=\S+… {2}◀ 200 OK · [\d,]+ B ↑ · [\d,]+ B ↓ \(f\)$/.test(line),
    );
    assert.equal(oneLiners.length, 14);
    for (const line of oneLiners) assert.ok([...line].length < small.columns, line);
  });

  test('when a polling run is folded then all but its last are one line, and the last keeps its head', () => {
    const poll = realExchange(30);
    const { lines, page } = draw(
      ready,
      contentOf(
        stepOf(
          Array.from({ length: 12 }, () => poll),
          twoLines,
        ),
      ),
    );
    assert.ok(page.lines <= page.rows, `${page.lines} lines for ${page.rows} rows`);
    assert.equal(lines.filter((line) => /^▶ POST \/graphql {2}◀ 200 OK/.test(line)).length, 1);
    assert.ok(lines.some((line) => /^… 10 more round trips like these/.test(line)));
    assert.equal(lines.filter((line) => line.startsWith('▶ request')).length, 1, 'the last round trip keeps its head');
  });

  test('when the requests carry no body then the rows left go to the last response body, not to nothing', () => {
    const gets = [longExchange(80), longExchange(80)];
    const { lines, page } = draw(ready, contentOf(stepOf(gets, twoLines)));
    assert.ok(page.lines <= page.rows, `${page.lines} lines for ${page.rows} rows`);
    assert.ok(
      lines.some((line) => /^ {4}\d+,$/.test(line)),
      `a line of the response body shows:\n${lines.join('\n')}`,
    );
  });

  test('when one-line round trips of a step share a long URL then it is cut alike on each, whatever their status', () => {
    const long = realExchange(30);
    const url = `/graphql?query=${'%7B%20books%20%7B%20title%20%7D%20%7D'.repeat(4)}`;
    const get = { ...long, request: { ...long.request, startLine: `GET ${url} HTTP/1.1` } };
    const notModified = {
      ...get,
      response: { ...long.response!, startLine: 'HTTP/1.1 304 Not Modified', status: 304 },
    };
    const items = [get, { ...notModified, connection: 2 }, { ...get, connection: 3 }];
    const { lines } = draw(ready, contentOf(stepOf(items, twoLines)));
    const targets = lines.filter((line) => line.startsWith('▶ GET ')).map((line) => line.split('  ◀ ')[0]);
    assert.ok(targets.length >= 2, lines.join('\n'));
    assert.equal(new Set(targets).size, 1, targets.join('\n'));
    // Thousands separators in the fold notes' counts.
    assert.equal(ui.en.pager.cut({ more: 1451 }), '… 1,451 more lines (f shows them)');
    assert.equal(ui.de.pager.cut({ more: 1451 }), '… 1.451 weitere Zeilen (f zeigt sie)');
  });

  test('when f is pressed on a folded step then every header and body line is there again', () => {
    const content = contentOf(stepOf([realExchange(30), realExchange(30)], twoLines));
    const first = draw(ready, content);
    let state = press(ready, { char: 'f' }, first.page);
    // Page through the whole step, as a reader with PgDn would.
    const seen: string[] = [];
    for (let pages = 0; pages < 100; pages++) {
      const screen = draw(state, content);
      seen.push(...screen.lines);
      const next = press(state, 'pageDown', screen.page);
      if (next.scroll === state.scroll) break;
      state = next;
    }
    const text = seen.join('\n');
    assert.equal(text.match(/Keep-Alive: timeout=5/g)?.length, 2);
    assert.match(text, /"title": "Book 29"/);
    assert.doesNotMatch(text, /f shows them/);
  });

  test('when the step fits as recorded then nothing is folded', () => {
    const content = contentOf(stepOf([realExchange(1)], twoLines));
    const { lines } = draw(recorded(initialState(1)), content, 'en');
    const wide = drawPager(
      ready,
      content,
      { columns: 120, rows: 40 },
      {
        theme: createTheme(false),
        messages: ui.en,
        raw: false,
        full: false,
      },
    ).lines.join('\n');
    assert.match(wide, /Keep-Alive: timeout=5/);
    assert.doesNotMatch(wide, /f shows them/);
    assert.ok(lines.length === small.rows);
  });

  test('when the step talks about a header then that header stays shown, however tight the fold', () => {
    const step = stepOf([realExchange(30), realExchange(30)], ['The Keep-Alive header keeps the connection open.']);
    const { lines } = draw(ready, contentOf(step));
    // Shown as a header, or under a round trip folded to one line, with its direction.
    assert.equal(lines.filter((line) => /^( {2}◀ )?Keep-Alive: timeout=5$/.test(line)).length, 2);
    assert.ok(lines.some((line) => /\(f( shows them\))?$/.test(line)));
  });

  test('when a step names a header as a word of prose then only real mentions keep it, a routine one only with its colon', () => {
    const kept = (notice: string) => {
      const { lines } = draw(ready, contentOf(stepOf([realExchange(30), realExchange(30)], [notice])));
      return ['Date', 'Connection', 'Accept'].filter((name) => lines.some((line) => line.includes(`${name}: `)));
    };
    // "of type Date" and "its own connection" are prose, not the headers.
    assert.deepEqual(kept('createdAt is of type Date, on its own connection.'), []);
    assert.deepEqual(kept('The server sends Connection: keep-alive.'), ['Connection']);
    // „Accept-Header“: the name stands as a word of its own inside a German compound.
    assert.deepEqual(kept('Der Client nennt im Accept-Header, was er versteht.'), ['Accept']);
  });

  test('when the step fits then the key hint leaves out scrolling and stands whole at 80 columns, also in German', () => {
    const content = contentOf(stepOf([realExchange(1)], twoLines));
    assert.match(draw(ready, content, 'en').lines.at(-1)!, / {3,}Enter next · ← back · \? keys · q quit$/);
    assert.match(draw(ready, content, 'de').lines.at(-1)!, / {3,}Enter weiter · ← zurück · \? Tasten · q beenden$/);
  });
});
