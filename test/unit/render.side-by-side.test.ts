import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { renderStep, renderSummary } from '../../demos/render/step.js';
import { createTheme } from '../../demos/render/theme.js';
import type { RenderOptions } from '../../demos/render/options.js';
import { messages } from '../../demos/core/messages/index.js';
import { ansi } from '../utils/cli.js';
import { fixedStep, longExchange } from '../utils/fixtures.js';

function options(overrides: Partial<RenderOptions> = {}): RenderOptions {
  return { width: 120, theme: createTheme(false), messages: messages.en, raw: false, full: false, ...overrides };
}

const lineWidths = (text: string) => text.split('\n').map((line) => [...line].length);

describe('rendering a step', () => {
  test('when the terminal is wide then request and response stand side by side within the width', () => {
    const text = renderStep(fixedStep(), 7, options({ width: 120 }));
    const pairs = text.split('\n').filter((line) => line.includes(' │ '));
    assert.ok(pairs.length >= 5);
    assert.match(pairs[0]!, /^▶ request +connection #1, new +│ ◀ response +\d+\.\d ms$/);
    assert.match(text, /POST \/graphql HTTP\/1\.1 +│ HTTP\/1\.1 200 OK/);
    for (const width of lineWidths(text)) assert.ok(width <= 120, `line of ${width}`);
  });

  test('when the terminal is narrow then the response stacks below the request', () => {
    const text = renderStep(fixedStep(), 7, options({ width: 60 }));
    assert.equal(text.includes(' │ '), false);
    assert.ok(text.indexOf('▶ request') < text.indexOf('◀ response'));
    for (const width of lineWidths(text)) assert.ok(width <= 60, `line of ${width}`);
  });

  test('when the step renders then title, notice, GraphQL document, JSON body, sizes and facts are shown', () => {
    const text = renderStep(fixedStep(), 7, options());
    assert.match(text, /^━━ Step 1\/7 {2}The lecture query ━+$/m);
    assert.match(text, /^» Only the fields you ask for come back\.$/m);
    assert.match(text, /^query: /m);
    assert.match(text, /^ {2}\{ books \{ title author \} \}/m);
    assert.match(text, /"author": "Robert C\. Martin"/);
    assert.match(text, /\d+ B head \+ 38 B body/);
    assert.match(text, /^✔ Fields asked for: title, author\.$/m);
  });

  test('when the language is German then the labels are German', () => {
    const text = renderStep(fixedStep(), 7, options({ messages: messages.de }));
    assert.match(text, /Schritt 1\/7/);
    assert.match(text, /▶ Request/);
    assert.match(text, /◀ Response/);
    assert.match(text, /B Header \+ 38 B Body/);
    assert.equal(/\brequest\b|\bresponse\b/.test(text), false);
  });

  test('when --raw is asked then the exact bytes are shown with CR LF made visible', () => {
    const text = renderStep(fixedStep(), 1, options({ raw: true, width: 80 }));
    assert.match(text, /POST \/graphql HTTP\/1\.1\\r\\n/);
    assert.match(text, /^Content-Length: 38\\r\\n$/m);
    assert.match(text, /\{"query":"\{ books \{ title author \} \}"\}/);
  });

  test('when a body is long then it is cut with a note, and --full shows all of it', () => {
    const step = { ...fixedStep(), items: [longExchange(60)] };
    const cut = renderStep(step, 1, options());
    assert.match(cut, /… \d+ more lines \(--full shows them\)/);
    const full = renderStep(step, 1, options({ full: true }));
    assert.equal(full.includes('more lines'), false);
    assert.match(full, /^ +│ +59$/m);
  });

  test('when colour is on then there are ANSI codes, and none when it is off', () => {
    assert.match(renderStep(fixedStep(), 1, options({ theme: createTheme(true) })), ansi);
    assert.doesNotMatch(renderStep(fixedStep(), 1, options()), ansi);
  });

  test('when the summary renders then its numbers are right-aligned in one column', () => {
    const text = renderSummary({ roundTrips: 8, connections: 1, bytesUp: 2491, bytesDown: 13302 }, options());
    const rows = text.trim().split('\n').slice(1);
    assert.deepEqual(
      rows.map((row) => row.length),
      rows.map(() => rows[0]!.length),
    );
    assert.match(text, /round trips +8$/m);
  });
});

describe('long runs of round trips', () => {
  test('when one connection polls many times then the middle is folded, and --full shows every round trip', () => {
    const exchange = fixedStep().items[0]!;
    const step = { ...fixedStep(), items: Array.from({ length: 9 }, () => exchange) };
    const folded = renderStep(step, 1, options());
    assert.equal(folded.match(/▶ request/g)?.length, 4);
    assert.match(folded, /… 5 more round trips like these \(--full shows them\)/);
    const full = renderStep(step, 1, options({ full: true }));
    assert.equal(full.match(/▶ request/g)?.length, 9);
  });

  test('when a title is too long for one line then it wraps under its own start, without the rule', () => {
    const step = { ...fixedStep(), title: 'Die Introspection-Query aus der Vorlesung: Die API beschreibt sich selbst' };
    const [first, second] = renderStep(step, 11, options({ width: 80, messages: messages.de })).split('\n');
    assert.equal(first, '━━ Schritt 1/11  Die Introspection-Query aus der Vorlesung: Die API beschreibt');
    assert.equal(second, ' '.repeat('━━ Schritt 1/11  '.length) + 'sich selbst');
  });
});
