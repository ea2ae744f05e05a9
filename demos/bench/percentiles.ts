/**
 * Latency percentiles by nearest rank: the p-th percentile is the smallest measured
 * value that at least p % of all values are less than or equal to. It is always a
 * latency that really happened (no interpolation between two requests), which is
 * what HdrHistogram, wrk and autocannon report as well.
 */

export interface LatencySummary {
  /** How many values the summary is made of. */
  count: number;
  mean: number;
  median: number;
  p90: number;
  p99: number;
  max: number;
}

/** Sorts a copy in ascending numeric order (a typed array sorts numbers, not strings). */
export function sortedCopy(values: ArrayLike<number>): Float64Array {
  return Float64Array.from(values).sort();
}

/**
 * The p-th percentile (0 < p ≤ 100) of values sorted ascending; p = 0 gives the
 * smallest. Rank ⌈p/100 · n⌉, counted from 1.
 */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) throw new RangeError('no values to take a percentile of');
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile ${p} is not between 0 and 100`);
  // The small epsilon keeps 0.9 · 100 = 90.00000000000001 at rank 90, not 91.
  const rank = Math.ceil((p / 100) * sorted.length - 1e-9);
  return sorted[Math.max(rank, 1) - 1]!;
}

export function summarise(values: ArrayLike<number>): LatencySummary {
  if (values.length === 0) return { count: 0, mean: NaN, median: NaN, p90: NaN, p99: NaN, max: NaN };
  const sorted = sortedCopy(values);
  let sum = 0;
  for (const value of sorted) sum += value;
  return {
    count: sorted.length,
    mean: sum / sorted.length,
    median: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1]!,
  };
}
