import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { hanging } from '../../bin/output.js';

describe('hanging: text after a prefix, broken between words', () => {
  const text = 'Starte zuerst den Server (npm start in seinem Ordner), oder gib die richtige Adresse an.';

  test('when the text is wider than the line then the lines after the first stand under the text', () => {
    const lines = hanging('  rest-books  ', text, 40);
    assert.equal(lines[0]!.startsWith('  rest-books  Starte'), true, lines.join('\n'));
    for (const line of lines) assert.ok(line.length <= 40, `${line.length}: ${line}`);
    for (const line of lines.slice(1)) assert.match(line, /^ {14}\S/);
    assert.equal(lines.map((line) => line.trim()).join(' '), `rest-books  ${text}`);
  });

  test('when an indent is given then the lines after the first stand that far in', () => {
    const lines = hanging('awt-demo: ', text, 40, 2);
    assert.ok(lines.length > 1);
    for (const line of lines.slice(1)) assert.match(line, /^ {2}\S/);
  });

  test('when the text fits then it is one line', () => {
    assert.deepEqual(hanging('  ', 'short', 40), ['  short']);
  });
});
