import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { barChart, barText, plainLines } from '../../demos/render/bar-chart.js';

describe('the bar chart (used for the polling comparison)', () => {
  test('when values differ then bars scale to the largest, in eighths of a column', () => {
    assert.equal(barText(10, 10, 8), '████████');
    assert.equal(barText(5, 10, 8), '████');
    assert.equal(barText(1, 10, 8), '▊'); // 0.8 of a column = 6.4 eighths, rounded to 6
    assert.equal(barText(3, 16, 2), '▍'); // 3/16 of 2 columns = 3 eighths
    assert.equal(barText(3, 16, 2).length, 1);
  });

  test('when a value is zero, negative or not a number then its bar is empty, and a tiny one still shows', () => {
    assert.equal(barText(0, 10, 20), '');
    assert.equal(barText(-3, 10, 20), '');
    assert.equal(barText(Number.NaN, 10, 20), '');
    assert.equal(barText(0.0001, 10, 20), '▏');
  });

  test('when a chart is drawn then labels line up, values stand right-aligned, and no row passes the width', () => {
    const rows = plainLines(
      barChart(
        [
          { label: 'short polling', value: 25.6, display: '25.6 ms' },
          { label: 'long polling', value: 0.8, display: '0.8 ms' },
          { label: 'WebSocket', value: 0.4, display: '0.4 ms' },
        ],
        { width: 50 },
      ),
    );
    assert.equal(rows.length, 3);
    assert.match(rows[0]!, /^short polling {2}█+ {2}25\.6 ms$/);
    assert.match(rows[2]!, /^WebSocket {6}[▏▎▍▌▋▊▉█]+ +0\.4 ms$/);
    assert.deepEqual(
      rows.map((row) => [...row].length),
      [50, 50, 50],
    );
    assert.deepEqual(
      rows.map((row) => row.indexOf('ms')),
      [48, 48, 48],
    );
  });

  test('when there are no bars then there are no lines', () => {
    assert.deepEqual(barChart([], { width: 40 }), []);
  });
});
