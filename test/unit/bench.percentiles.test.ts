import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { percentile, sortedCopy, summarise } from '../../demos/bench/percentiles.js';

const oneTo = (n: number) => Array.from({ length: n }, (_v, i) => i + 1);

describe('latency percentiles (nearest rank)', () => {
  test('when the values are 1 to 100 then p50, p90, p99 and p100 are 50, 90, 99 and 100', () => {
    const sorted = sortedCopy(oneTo(100));
    assert.deepEqual(
      [50, 90, 99, 100].map((p) => percentile(sorted, p)),
      [50, 90, 99, 100],
    );
  });

  test('when the values are 1 to 10 then p99 is the largest: no value lies between 9 and 10', () => {
    const sorted = sortedCopy(oneTo(10));
    assert.equal(percentile(sorted, 90), 9);
    assert.equal(percentile(sorted, 99), 10);
  });

  test('when p/100 · n lands a hair above a whole number in floating point then the rank is still that number', () => {
    // 0.07 · 100 is 7.000000000000001 and 0.55 · 100 is 55.00000000000001: without care, ranks 8 and 56.
    const sorted = sortedCopy(oneTo(100));
    assert.equal(percentile(sorted, 7), 7);
    assert.equal(percentile(sorted, 55), 55);
    assert.equal(percentile(sortedCopy(oneTo(10_000)), 56), 5600);
  });

  test('when the count is even then the median is the lower of the two middle values, one that happened', () => {
    assert.equal(percentile(sortedCopy([4, 1, 3, 2]), 50), 2);
  });

  test('when there is one value then every percentile is that value', () => {
    assert.deepEqual(
      [0, 1, 50, 99, 100].map((p) => percentile([7.5], p)),
      [7.5, 7.5, 7.5, 7.5, 7.5],
    );
  });

  test('when p is 0 then it is the smallest value', () => {
    assert.equal(percentile(sortedCopy([3, 9, 1]), 0), 1);
  });

  test('when values come unsorted then summarise sorts them numerically, not as text', () => {
    const summary = summarise([10, 9, 100, 2, 1]);
    assert.deepEqual(summary, { count: 5, mean: 24.4, median: 9, p90: 100, p99: 100, max: 100 });
  });

  test('when p is outside 0 to 100 then it is refused', () => {
    assert.throws(() => percentile([1, 2], 101), RangeError);
    assert.throws(() => percentile([1, 2], -1), RangeError);
    assert.throws(() => percentile([1, 2], Number.NaN), RangeError);
  });

  test('when there are no values then percentile refuses and summarise says count 0', () => {
    assert.throws(() => percentile([], 50), RangeError);
    assert.equal(summarise([]).count, 0);
    assert.ok(Number.isNaN(summarise([]).median));
  });
});
