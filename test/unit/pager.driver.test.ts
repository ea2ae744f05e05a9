/**
 * The pager's driver with a scripted terminal and a demo that counts: each step runs
 * once however the keys move, q closes the demo's session, an error ends the run.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseKeys, type Key } from '../../bin/pager/keys.js';
import { pageDemo } from '../../bin/pager/page-demo.js';
import type { Terminal } from '../../bin/pager/terminal.js';
import { parseRunOptions } from '../../bin/options.js';
import type { Demo, Lesson } from '../../demos/core/demo.js';
import { messages } from '../../demos/core/messages/index.js';
import { createTheme } from '../../demos/render/theme.js';

function countingDemo(steps: number, failAt?: number) {
  const runs = Array<number>(steps).fill(0);
  let closed = 0;
  const lesson: Lesson = {
    title: 'Counting',
    summary: 'counts',
    steps: Object.fromEntries(
      Array.from({ length: steps }, (_v, i) => [`s${i + 1}`, { title: `Step number ${i + 1}`, notice: ['n'] }]),
    ),
  };
  const demo: Demo = {
    id: 'counting',
    lessons: { en: lesson, de: lesson },
    start: async () => ({
      taps: [],
      close: async () => {
        closed++;
      },
    }),
    steps: Array.from({ length: steps }, (_v, i) => ({
      id: `s${i + 1}`,
      run: async () => {
        runs[i]!++;
        if (failAt === i + 1) throw new Error('the step broke');
        return [`ran step ${i + 1}`];
      },
    })),
  };
  return { demo, runs, closed: () => closed };
}

function scriptedTerminal() {
  const handlers = new Set<(key: Key) => void>();
  let screen: string[] = [];
  const waiters = new Set<() => void>();
  const terminal: Terminal = {
    size: () => ({ columns: 80, rows: 24 }),
    draw(rows) {
      screen = rows;
      for (const check of [...waiters]) check();
    },
    onKeys(handler) {
      handlers.add(handler);
      return () => handlers.delete(handler);
    },
    onResize: () => () => {},
    suspend() {},
    resume() {},
    readKey: () => new Promise(() => {}),
    close() {},
  };
  return {
    terminal,
    press(input: string) {
      for (const key of parseKeys(input)) for (const handler of [...handlers]) handler(key);
    },
    /** Resolves when the status line matches and the pager waits for nothing. */
    until(pattern: RegExp): Promise<void> {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ${pattern}; last: ${screen.at(-1)}`)), 5000);
        const check = () => {
          const status = screen.at(-1) ?? '';
          // Running a step, collecting the totals, stopping: each ends in …
          if (pattern.test(status) && !status.includes('…')) {
            clearTimeout(timer);
            waiters.delete(check);
            resolve();
          }
        };
        waiters.add(check);
        check();
      });
    },
  };
}

const run = parseRunOptions({ lang: 'en' }, {});
const render = { theme: createTheme(false), messages: messages.en, raw: false, full: false };

describe('the pager driver', () => {
  test('when keys go forward, back and jump then every step runs once, in order, and q closes the session', async () => {
    const { demo, runs, closed } = countingDemo(6);
    const t = scriptedTerminal();
    const ended = pageDemo(demo, { run, render, terminal: t.terminal, fromMenu: false, fromStep: 1 });
    await t.until(/Step 1\/6/);
    t.press('\r');
    await t.until(/Step 2\/6/);
    t.press('\x1b[Db');
    await t.until(/Step 1\/6/);
    t.press('5');
    await t.until(/Step 5\/6/);
    t.press('2');
    await t.until(/Step 2\/6/);
    assert.deepEqual(runs, [1, 1, 1, 1, 1, 0]);
    t.press('q');
    assert.equal(await ended, 'quit');
    assert.equal(closed(), 1);
  });

  test('when the walkthrough is read to its end then the summary shows and Enter ends it, the session closed', async () => {
    const { demo, runs, closed } = countingDemo(3);
    const t = scriptedTerminal();
    const ended = pageDemo(demo, { run, render, terminal: t.terminal, fromMenu: true, fromStep: 2 });
    await t.until(/Step 2\/3/);
    t.press('\r');
    await t.until(/Step 3\/3/);
    t.press('\r');
    await t.until(/Summary/);
    t.press('\r');
    assert.equal(await ended, 'done');
    assert.deepEqual(runs, [1, 1, 1]);
    assert.equal(closed(), 1);
  });

  test('when a step fails then the run ends with its error and the session is closed', async () => {
    const { demo, closed } = countingDemo(3, 2);
    const t = scriptedTerminal();
    const ended = pageDemo(demo, { run, render, terminal: t.terminal, fromMenu: false, fromStep: 1 });
    await t.until(/Step 1\/3/);
    t.press('\r');
    await assert.rejects(ended, /the step broke/);
    assert.equal(closed(), 1);
  });

  test('when Ctrl-C is pressed then the run ends as interrupted', async () => {
    const { demo } = countingDemo(3);
    const t = scriptedTerminal();
    const ended = pageDemo(demo, { run, render, terminal: t.terminal, fromMenu: false, fromStep: 1 });
    await t.until(/Step 1\/3/);
    t.press('\x03');
    await assert.rejects(ended, (error: Error & { code?: string }) => error.code === 'AWT_INTERRUPTED');
  });
});
