/**
 * German text quotes „so“, never "so": every German catalogue (the tool's words and every
 * lesson) is read, with sample values for its functions. Code and wire data may keep
 * their straight quotes: a quoted string right after `(`, `,`, `=`, `:`, `[`, `{` (an
 * argument, an attribute, a JSON value), touching a letter, or right before `:` (a JSON
 * key) is code.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { demos } from '../../demos/registry.js';
import { messages } from '../../demos/core/messages/index.js';
import { lessons as benchLessons } from '../../lessons/bench/index.js';
import { lessons as compareLessons } from '../../lessons/compare/index.js';
import { explorerTexts } from '../../lessons/explorers/index.js';

const sample = new Proxy({}, { get: (_t, name) => (typeof name === 'symbol' ? undefined : `<${name}>`) });

function texts(value: unknown, path: string, out: Array<[string, string]> = []): Array<[string, string]> {
  if (typeof value === 'string') out.push([path, value]);
  else if (typeof value === 'function') {
    try {
      texts((value as (p: unknown) => unknown)(sample), path, out);
    } catch {
      // A function that needs real values (numbers, lists) is read through the demos' own runs.
    }
  } else if (Array.isArray(value)) value.forEach((v, i) => texts(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object')
    for (const [key, v] of Object.entries(value)) texts(v, `${path}.${key}`, out);
  return out;
}

/** Straight double quotes around prose: what a German sentence must write as „…“. */
export function proseQuotes(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/"([^"\n]*)"/g)) {
    const touching = text.slice(0, match.index).at(-1) ?? '';
    const before = text.slice(0, match.index).trimEnd().at(-1) ?? '';
    const after = text.slice(match.index + match[0].length).at(0) ?? '';
    const code = /[\p{L}\d]/u.test(touching) || /[(,=:[{+]/.test(before) || after === ':' || !/\p{L}/u.test(match[1]!);
    if (!code) found.push(match[0]);
  }
  return found;
}

async function catalogues(lang: 'de' | 'en'): Promise<Array<[string, string]>> {
  const all = [
    ...texts(messages[lang], 'messages'),
    ...texts(compareLessons[lang], 'compare'),
    ...texts(benchLessons[lang], 'bench'),
    ...texts(explorerTexts[lang], 'explorers'),
  ];
  for (const entry of demos) texts((await entry.lessons())[lang], entry.id, all);
  return all;
}

describe('quotation marks, German and English', () => {
  test('when German text quotes words then it uses „…“, never straight quotes', async () => {
    const straight = (await catalogues('de')).flatMap(([path, text]) =>
      proseQuotes(text).map((quote) => `${path}: ${quote}`),
    );
    assert.deepEqual(straight, []);
  });

  test('when English text quotes words then it uses straight quotes, never „…“', async () => {
    const german = (await catalogues('en'))
      .filter(([, text]) => /[„“]/.test(text))
      .map(([path, text]) => `${path}: ${text}`);
    assert.deepEqual(german, []);
  });

  test('when one line mixes „…“ with straight quotes around words then the check sees it', () => {
    assert.deepEqual(proseQuotes('der Client sandte „bye“, der Server antwortete mit "bye".'), ['"bye"']);
    assert.deepEqual(proseQuotes('siehe "awt-demo list"'), ['"awt-demo list"']);
    assert.deepEqual(proseQuotes('sendToQueue("hello", "Hello World!")'), []);
    assert.deepEqual(proseQuotes('{"type":"chat","text":"hi there"}'), []);
    assert.deepEqual(proseQuotes('SOAPAction "urn:a", "urn:b"'), ['"urn:a"']);
  });
});
