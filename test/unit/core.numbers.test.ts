import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { numberWords, type NumberWords } from '../../demos/core/numbers.js';
import { messages } from '../../demos/core/messages/index.js';

const de = numberWords('de');
const en = numberWords('en');

describe('numbers as each language writes them', () => {
  test('when milliseconds are shown then German writes a decimal comma and English a decimal point', () => {
    assert.equal(de.msUnit(17.23), '17,2 ms');
    assert.equal(en.msUnit(17.23), '17.2 ms');
    assert.equal(de.ms(12.345, 2), '12,35');
    assert.equal(en.ms(12.345, 2), '12.35');
  });

  test('when a number has thousands then German groups with a full stop and English with a comma', () => {
    assert.equal(de.msUnit(1042.34), '1.042,3 ms');
    assert.equal(en.msUnit(1042.34), '1,042.3 ms');
    assert.equal(de.bytes(1144), '1.144 B');
    assert.equal(en.bytes(1144), '1,144 B');
    assert.equal(de.integer(71463), '71.463');
    assert.equal(en.integer(1234567), '1,234,567');
    assert.equal(de.bytes(905), '905 B');
  });

  test('when a time is under what the digits show then it keeps its first digit instead of reading 0', () => {
    assert.equal(de.msUnit(0.43, 0), '0,4 ms');
    assert.equal(en.ms(0.43, 0), '0.4');
    assert.equal(de.msUnit(0.04), '0,04 ms');
    assert.equal(en.msUnit(0.004, 2), '0.004 ms');
    assert.equal(de.msUnit(0), '0,0 ms');
    assert.equal(de.ms(0.6, 0), '1');
  });

  test('when milliseconds stand in a sentence then below one the first digit shows, never "0"', () => {
    const cases: Array<[NumberWords, number, string]> = [
      [en, 0.4, '0.4'],
      [de, 0.04, '0,04'],
      [de, 53.94, '53,9'],
      [en, 1234.5, '1,234.5'],
      [de, 1234.5, '1.234,5'],
    ];
    for (const [words, value, text] of cases) assert.equal(words.msTrimmed(value), text);
  });

  test('when a wait is said in seconds then it has at most one decimal, in the language', () => {
    assert.equal(en.secondsUnit(5000), '5 s');
    assert.equal(en.secondsUnit(1500), '1.5 s');
    assert.equal(de.secondsUnit(1500), '1,5 s');
  });

  test('when ratios and shares are shown then they follow the language too', () => {
    assert.equal(de.ratio(1371 / 905), '1,5');
    assert.equal(en.ratio(1371 / 905), '1.5');
    assert.equal(de.percent(0.667), '67 %');
    assert.equal(en.percent(0.667), '67%');
    assert.equal(de.msShort(0.644), '0,64');
    assert.equal(en.msShort(123.4), '123');
  });

  test('when nothing was measured then a dash stands there, never NaN', () => {
    assert.equal(de.msUnit(NaN), '—');
    assert.equal(en.bytes(Infinity), '—');
  });

  test('when the tool speaks then its catalogues write numbers with the same formatter', () => {
    assert.equal(
      messages.de.render.stepTotals({ trips: 2, up: 1495, down: 6467 }),
      '2 Round Trips, 1.495 B hin, 6.467 B zurück',
    );
    assert.equal(
      messages.en.render.stepTotals({ trips: 2, up: 1495, down: 6467 }),
      '2 round trips, 1,495 B up, 6,467 B down',
    );
    assert.equal(messages.de.render.took({ ms: 0.37 }), '0,4 ms');
    assert.equal(messages.de.render.sizes({ head: 239, body: 1028 }), '239 B Header + 1.028 B Body');
  });
});
