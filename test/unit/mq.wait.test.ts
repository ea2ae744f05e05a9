import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { within } from '../../demos/mq/wait.js';

/** Keeps this process's event loop busy, as a long synchronous task would. */
function block(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // busy on purpose
  }
}

describe('within: a deadline counts the time this process could run', () => {
  test('when the event loop was blocked past the deadline and the answer came meanwhile then it is taken', async () => {
    // Both are due once the loop runs again; the deadline first, as it was set to fire first.
    const answer = new Promise((resolve) => setTimeout(() => resolve('answer'), 250));
    const waited = within(answer, 200, () => new Error('timeout'));
    block(400);
    assert.equal(await waited, 'answer');
  });

  test('when nothing answers then the wait fails once its time is up, not before', async () => {
    // Timers count whole milliseconds: a plain 100 ms timer may fire after 99.4 ms.
    const started = performance.now();
    await assert.rejects(
      within(new Promise(() => undefined), 100, () => new Error('timeout')),
      /timeout/,
    );
    const took = performance.now() - started;
    assert.ok(took >= 100, `${took} ms`);
  });

  test('when the event loop stays blocked then the wait still ends, after at most four times its time', async () => {
    const waited = within(new Promise(() => undefined), 50, () => new Error('timeout'));
    const started = performance.now();
    // Blocked again each time the deadline comes round: given back only up to 4 × 50 ms.
    const again = setInterval(() => block(60), 1);
    try {
      await assert.rejects(waited, /timeout/);
    } finally {
      clearInterval(again);
    }
    assert.ok(performance.now() - started < 2000);
  });
});
