import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { demos } from '../../demos/registry.js';
import { lessons as benchLessons } from '../../lessons/bench/index.js';
import { lessons as compareLessons } from '../../lessons/compare/index.js';
import { explorerTexts } from '../../lessons/explorers/index.js';
import { messages } from '../../demos/core/messages/index.js';

/** Every leaf of a catalogue: strings, functions (called with sample values) and arrays, by path. */
function leaves(value: unknown, path = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === 'string') out.set(path, value);
  else if (typeof value === 'function') out.set(path, String((value as (p: unknown) => unknown)(sample)));
  else if (Array.isArray(value)) value.forEach((v, i) => leaves(v, `${path}[${i}]`).forEach((s, k) => out.set(k, s)));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value))
      leaves(v, path ? `${path}.${k}` : k).forEach((s, key) => out.set(key, s));
  return out;
}

// Sample values for message functions; a Proxy answers every parameter name.
const sample = new Proxy({}, { get: (_t, name) => (name === 'nth' || name === 'trips' ? 2 : `<${String(name)}>`) });

function assertSameShape(en: unknown, de: unknown, what: string): void {
  const english = leaves(en);
  const german = leaves(de);
  assert.deepEqual([...german.keys()], [...english.keys()], `${what}: the same keys in de and en`);
  for (const [key, text] of german) {
    assert.ok(text.trim().length > 0, `${what} ${key} is empty in de`);
    assert.ok(english.get(key)!.trim().length > 0, `${what} ${key} is empty in en`);
  }
  const untranslated = [...german].filter(
    ([key, text]) => text === english.get(key) && /[a-z]{4,} [a-z]{4,}/.test(text),
  );
  assert.deepEqual(untranslated, [], `${what}: German text that is still English`);
}

describe('message catalogues', () => {
  test('when the tool speaks then every line exists in German and English', () => {
    // The number formatter is code, not text: its own tests read it (core.numbers.test.ts).
    const { numbers: _enNumbers, ...english } = messages.en;
    const { numbers: _deNumbers, ...german } = messages.de;
    assertSameShape(english, german, 'messages');
  });

  test('when the pages of --serve speak then every line exists in German and English', () => {
    assertSameShape(explorerTexts.en, explorerTexts.de, 'explorers');
  });

  test('when compare, table and bench teach then every line exists in German and English', () => {
    assertSameShape(compareLessons.en, compareLessons.de, 'compare');
    assertSameShape(benchLessons.en, benchLessons.de, 'bench');
  });

  for (const entry of demos) {
    test(`when the ${entry.id} lesson is shown then it exists in German and English`, async () => {
      const lessons = await entry.lessons();
      assertSameShape(lessons.en, lessons.de, entry.id);
    });

    test(`when the ${entry.id} demo runs then every step has lesson text`, async () => {
      const demo = await entry.load();
      for (const step of demo.steps) assert.ok(demo.lessons.en.steps[step.id], `${entry.id}.${step.id}`);
    });
  }
});
