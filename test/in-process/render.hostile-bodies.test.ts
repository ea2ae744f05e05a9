/**
 * Bodies a client may send to a --serve server on purpose: deep nesting, a regex trap in
 * a DOCTYPE, a megabyte on one line, terminal escape sequences. Each renders in a worker
 * with a deadline (a guard against a hang, not a speed measure) and must come out bounded
 * and escaped.
 */
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { shortLimits, fullLimits } from '../../demos/render/body-limits.js';
import { workerFor } from '../utils/in-worker.js';

/** One worker for the file, each render with its own deadline (a hung one ends the worker). */
const worker = workerFor(new URL('../utils/render-probe.ts', import.meta.url));
const render = (body: string, type: string, width = 120, full = false) =>
  worker.call<string>('renderExchange', [body, type, width, full]);
const renderAll = (cases: Array<[string, string, number?, boolean?]>) =>
  worker.call<string[]>('renderExchanges', [cases]);
/** Stacked (narrow) output with its wrapping undone, for matching notes. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

/** Any character a terminal would act on, or that reorders text (escape.ts). */
// eslint-disable-next-line no-control-regex
const unsafe = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/u;

describe('hostile bodies in the live view', () => {
  after(() => worker.close());

  test('when JSON is nested 20 000 deep then it renders folded at the depth limit with a note', async () => {
    const depth = 20_000;
    const body = '['.repeat(depth) + ']'.repeat(depth);
    const text = await render(body, 'application/json', 60);
    assert.match(flat(text), /values nested deeper than 32 levels are shown as/);
    assert.ok(text.split('\n').length < 80, `${text.split('\n').length} lines`);
    const full = await render(body, 'application/json', 60, true);
    assert.match(full, /\[…\]/);
  });

  test('when XML is nested 10 000 deep then it renders folded instead of overflowing the stack', async () => {
    const depth = 10_000;
    const body = '<a>'.repeat(depth) + 'x' + '</a>'.repeat(depth);
    const text = await render(body, 'application/xml', 60);
    assert.match(flat(text), /… \d+ more lines \(--full shows them\)/);
    assert.match(flat(text), /values nested deeper than 32 levels/);
    const full = await render(body, 'application/xml', 60, true);
    assert.match(full, /<a>…<\/a>/);
  });

  test('when a DOCTYPE is followed by many [] pairs then the XML view answers (no exponential backtracking)', async () => {
    const bodies = [
      `<!DOCTYPE x ${'[]'.repeat(5000)}`,
      `<!DOCTYPE x ${'[]'.repeat(40)}<a/>`,
      '<!DOCTYPE'.repeat(20_000),
      '<?'.repeat(50_000),
      '<!--'.repeat(50_000),
      `<a ${'b="1" '.repeat(20_000)}`,
      '</'.repeat(50_000),
      `<a>${'<b c="'.repeat(20_000)}`,
    ];
    const texts = await renderAll(bodies.map((body) => [body, 'text/xml']));
    texts.forEach((text, i) => assert.ok(text.includes('head +'), bodies[i]!.slice(0, 20)));
  });

  test('when a body is one line of a megabyte then it is cut before wrapping, with a note', async () => {
    const body = 'x'.repeat(1024 * 1024);
    const text = await render(body, 'text/plain', 60);
    const lines = text.split('\n');
    assert.ok(lines.length < 200, `${lines.length} lines`);
    assert.ok(lines.every((line) => [...line].length <= 60));
    assert.match(text, /…/);
  });

  test('when a JSON body is bigger than the parse limit then its start is shown as plain text, with a note', async () => {
    const body = JSON.stringify({ list: 'y'.repeat(shortLimits.maxChars + 10) });
    const text = await render(body, 'application/json', 60);
    assert.match(flat(text), /this body has [\d,]+ characters: the first 1,048,576 are shown as plain text/);
  });

  test('when --full is given then a huge body is still bounded by the documented --full limits', async () => {
    const body = Array.from({ length: fullLimits.maxLines + 5000 }, (_v, i) => `line ${i}`).join('\n');
    const text = await render(body, 'text/plain', 60, true);
    assert.match(flat(text), /… 5,001 more lines, beyond what --full shows/);
  });

  test('when start line, headers and bodies carry escape sequences, C1 and bidi controls then all are shown escaped', async () => {
    const attacks = [
      '\u001b]0;pwned\u0007', // OSC window title
      '\u001b[2J\u001b[H', // clear screen
      '\u001b]8;;http://evil.example\u0007click\u001b]8;;\u0007', // OSC 8 link
      '\u009b31m', // C1 CSI
      'abc\u202edcba', // right-to-left override
      '\u2066hidden\u2069',
      '\u007f',
    ];
    const cases = attacks.flatMap((attack): Array<[string, string]> => [
      [attack, 'text/plain'],
      [JSON.stringify({ title: attack }), 'application/json'],
      [`<a t="${attack}">${attack}</a>`, 'text/xml'],
      [JSON.stringify({ query: `{ book(id: "${attack}") { title } }` }), 'application/json'],
    ]);
    const texts = await renderAll(cases);
    texts.forEach((text, i) => assert.doesNotMatch(text, unsafe, JSON.stringify(cases[i])));
    assert.match(texts[4]!, /\\x1b\[2J/);
    assert.match(texts[16]!, /abc\\u202edcba/);
  });
});
