import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { messages } from '../../demos/core/messages/index.js';
import { renderCriteriaTable, type CompareWords } from '../../demos/render/criteria-table.js';
import { loadHyphenation, wordBreaks, wrapWords, type Hyphenation } from '../../demos/render/hyphenation.js';
import { createTheme } from '../../demos/render/theme.js';
import { hyphenationExceptions, lessons } from '../../lessons/compare/index.js';

const langs = ['de', 'en'] as const;
const hyphenations: Record<string, Hyphenation> = {};

/** Every word the table can print: its catalogue, split at spaces. */
function catalogueWords(words: CompareWords): Set<string> {
  const texts = [
    ...Object.values(words.lesson.criteria).flat(),
    ...Object.values(words.lesson.corrections).flatMap((cells) => Object.values(cells ?? {})),
    words.lesson.additions,
    // Column heads, with the addition marker, and as the stacked layout writes them ("SOAP:").
    ...Object.values(words.messages.paradigms).flatMap((name) => [name, `${name}*`, `${name}:`, `${name}*:`]),
    '*',
    '†',
    words.messages.table.heading,
    words.messages.table.criterion,
  ];
  return new Set(texts.flatMap((text) => text.split(' ')));
}

describe('criteria table: words break only where the language allows', () => {
  before(async () => {
    for (const lang of langs) hyphenations[lang] = await loadHyphenation(lang, hyphenationExceptions[lang]);
  });

  test('when a German word is too long for its column then it breaks at a syllable with a hyphen', () => {
    const lines = wrapWords('Protokoll über eine TCP-Verbindung mit Nachrichtenprotokoll', 14, hyphenations.de!);
    assert.ok(lines);
    for (const line of lines) assert.ok(line.length <= 14, line);
    assert.ok(lines.some((line) => /-$/.test(line)));
    assert.ok(!lines.some((line) => /Nachrichtenprotoko$/.test(line)), 'the old cut: "Nachrichtenprotoko|ll"');
    assert.equal(
      lines
        .join(' ')
        .replace(/- /g, '')
        .replace(/(TCP-) /, '$1'),
      'Protokoll über eine TCP-Verbindung mit Nachrichtenprotokoll',
    );
  });

  test('when a word has a hyphen or a slash then the break after it adds nothing', () => {
    assert.deepEqual(
      wordBreaks('TLS/HTTPS', 'TLS/HTTPS').map((b) => [b.at, b.adds]),
      [[4, '']],
    );
    assert.deepEqual(
      wordBreaks('Dead-Letter', 'Dead-Let\u00adter').map((b) => [b.at, b.adds]),
      [
        [5, ''],
        [8, '-'],
      ],
    );
  });

  test('when a listed compound is too long then it breaks at its joint, not mid-morpheme', () => {
    const breaks = (word: string) => hyphenations.de!(word).map((b) => word.slice(0, b.at) + b.adds);
    assert.deepEqual(breaks('protokollbasiert'), ['protokoll-']);
    assert.deepEqual(breaks('Microservices,'), ['Micro-']);
    assert.deepEqual(wrapWords('ist protokollbasiert', 14, hyphenations.de!), ['ist protokoll-', 'basiert']);
  });

  test('when a token is a name (capital inside, code sign) then it never breaks, but a hyphen in it still may', () => {
    assert.deepEqual(hyphenations.de!('SOAPAction'), []);
    assert.deepEqual(hyphenations.de!('@deprecated'), []);
    assert.deepEqual(
      hyphenations.de!('TCP-Verbindung').map((b) => b.at),
      [4, 7, 10],
      'after "TCP-", then "Ver-bin-dung"',
    );
  });

  test('when "z. B." is written with a no-break space then it stays on one line', () => {
    const lines = wrapWords('Versionierung (z.\u00a0B. /v1/)', 16, hyphenations.de!);
    assert.ok(
      lines?.some((line) => line.includes('z.\u00a0B.')),
      String(lines),
    );
  });

  test('when no legal break fits then wrapWords says so instead of cutting', () => {
    assert.equal(wrapWords('Nachrichtenprotokoll', 3, hyphenations.de!), undefined);
  });

  for (const lang of langs) {
    for (const width of [60, 80, 120]) {
      test(`when the table is drawn in ${lang} at ${width} columns then no line ends inside a word without a hyphen`, () => {
        const words: CompareWords = {
          messages: messages[lang].compare,
          lesson: lessons[lang],
          numbers: messages[lang].numbers,
        };
        const out = renderCriteriaTable(undefined, {
          width,
          theme: createTheme(false),
          words,
          source: 'test',
          hyphenation: hyphenations[lang]!,
        });
        const known = [...catalogueWords(words)];
        const isWord = (token: string) => known.includes(token);
        const isTail = (token: string) => known.some((word) => word.endsWith(token));
        for (const line of out.split('\n')) {
          assert.ok([...line].length <= width, `too wide: ${line}`);
          for (const token of line.split(/ +/).filter(Boolean)) {
            // A piece of a word either ends with the hyphen it broke at (or its own - or /) or is the rest of a word.
            const fine = isWord(token) || /[-/]$/.test(token) || isTail(token);
            assert.ok(fine, `"${token}" is cut out of a word without a hyphen, in: ${line}`);
          }
        }
      });
    }
  }
});
