/**
 * Time is injected so that traces are reproducible: the same demo run gives the
 * same createdAt values every time, which makes traces diffable and testable.
 */
export type Clock = () => Date;

/** Starts at `start` and moves one minute forward on every reading. */
export function steppingClock(start = '2026-10-01T09:00:00.000Z', stepMs = 60_000): Clock {
  let next = Date.parse(start);
  return () => {
    const now = new Date(next);
    next += stepMs;
    return now;
  };
}
