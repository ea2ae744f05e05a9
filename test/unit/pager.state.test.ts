import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseKeys, type Key } from '../../bin/pager/keys.js';
import {
  finished,
  initialState,
  isWaiting,
  needsTotals,
  press,
  recorded,
  stepToRun,
  type PagerPage,
  type PagerState,
} from '../../bin/pager/state.js';

const page: PagerPage = { rows: 10, lines: 35 };

/** Presses keys as a terminal sends them; after each, runs what the pager asks for, as the driver does. */
function play(state: PagerState, input: string, runs: number[] = []): PagerState {
  let s = settle(state, runs);
  for (const key of parseKeys(input)) s = settle(press(s, key, page), runs);
  return s;
}

function settle(state: PagerState, runs: number[]): PagerState {
  let s = state;
  for (let guard = 0; guard < 100; guard++) {
    const index = stepToRun(s);
    if (index !== undefined) {
      runs.push(index);
      s = recorded(s);
    } else if (needsTotals(s)) s = finished(s);
    else return s;
  }
  throw new Error('the pager asked for steps without end');
}

describe('the pager state', () => {
  test('when it starts then it asks for the first step and waits for it', () => {
    const s = initialState(7);
    assert.equal(stepToRun(s), 0);
    assert.equal(isWaiting(s), true);
    assert.equal(s.at, 0);
  });

  test('when Enter, Space and → are pressed then each shows the next step, run once', () => {
    const runs: number[] = [];
    const s = play(initialState(7), '\r \x1b[C', runs);
    assert.equal(s.at, 3);
    assert.deepEqual(runs, [0, 1, 2, 3]);
  });

  test('when ← and b go back then the recorded steps show again and nothing runs', () => {
    const runs: number[] = [];
    let s = play(initialState(7), '\r\r\r', runs);
    s = play(s, '\x1b[Db', runs);
    assert.equal(s.at, 1);
    s = play(s, '\r', runs);
    assert.equal(s.at, 2);
    assert.deepEqual(runs, [0, 1, 2, 3]);
  });

  test('when a digit is pressed then the steps up to it run once, in order, and it shows', () => {
    const runs: number[] = [];
    let s = play(initialState(7), '5', runs);
    assert.equal(s.at, 4);
    assert.deepEqual(runs, [0, 1, 2, 3, 4]);
    s = play(s, '2', runs);
    assert.equal(s.at, 1);
    assert.deepEqual(runs, [0, 1, 2, 3, 4]);
  });

  test('when g 1 2 Enter is typed then step 12 shows; Esc cancels a half-typed jump', () => {
    const runs: number[] = [];
    let s = play(initialState(14), 'g12', runs);
    assert.equal(s.goto, '12');
    assert.equal(s.at, 0);
    s = play(s, '\r', runs);
    assert.equal(s.at, 11);
    assert.equal(runs.length, 12);
    s = play(s, 'g3\x1b', runs);
    assert.equal(s.goto, undefined);
    assert.equal(s.at, 11);
  });

  test('when a jump goes past the last step then it stops at the last step; g 0 goes to the first', () => {
    const s = play(initialState(7), 'g99\r');
    assert.equal(s.at, 6);
    const back = play(s, 'g0\r');
    assert.equal(back.at, 0);
    assert.equal(back.goto, undefined);
  });

  test('when the last step is passed then the summary shows, and Enter there ends the walkthrough', () => {
    let s = play(initialState(2), '\r\r');
    assert.equal(s.at, 2);
    assert.equal(s.finished, true);
    assert.equal(s.done, false);
    s = play(s, '\r');
    assert.equal(s.done, true);
  });

  test('when →, Space or n is pressed on the summary then it stays (a remote clicked once too often); Enter ends', () => {
    let s = play(initialState(2), '\r\r');
    assert.equal(s.at, 2);
    s = play(s, '\u001b[C n');
    assert.equal(s.done, false);
    assert.equal(s.at, 2);
    s = play(s, '\r');
    assert.equal(s.done, true);
  });

  test('when Enter is pressed twice while a step still runs then the second press does not skip a step', () => {
    let s = initialState(7);
    s = press(s, 'enter', page);
    s = press(s, 'enter', page);
    assert.equal(s.at, 0);
    assert.equal(stepToRun(s), 0);
  });

  test('when q is pressed then the pager quits and asks for nothing more', () => {
    const s = play(initialState(7), '\r\rq');
    assert.equal(s.quit, true);
    assert.equal(stepToRun(s), undefined);
    assert.equal(needsTotals(s), false);
  });

  test('when scrolling then ↑ ↓ PgUp PgDn Home End move within the body and stop at its ends', () => {
    let s = play(initialState(3), '');
    s = play(s, '\x1b[B\x1b[B');
    assert.equal(s.scroll, 2);
    s = play(s, '\x1b[6~');
    assert.equal(s.scroll, 11);
    s = play(s, '\x1b[6~\x1b[6~\x1b[6~');
    assert.equal(s.scroll, page.lines - page.rows);
    s = play(s, '\x1b[5~');
    assert.equal(s.scroll, page.lines - page.rows - 9);
    s = play(s, '\x1b[H');
    assert.equal(s.scroll, 0);
    s = play(s, '\x1b[A');
    assert.equal(s.scroll, 0);
    s = play(s, '\x1b[F');
    assert.equal(s.scroll, 25);
    s = play(s, '\r');
    assert.equal(s.scroll, 0, 'another step starts at its top');
  });

  test('when f, r and j are pressed then the view switches, and the same key or Esc switches back', () => {
    let s = play(initialState(3), 'f');
    assert.equal(s.view, 'full');
    s = play(s, 'r');
    assert.equal(s.view, 'raw');
    s = play(s, 'r');
    assert.equal(s.view, 'trace');
    s = play(s, 'j');
    assert.equal(s.view, 'json');
    s = play(s, '\x1b');
    assert.equal(s.view, 'trace');
    s = play(s, 'j\r');
    assert.equal(s.view, 'trace', 'the next step shows in the usual view');
  });

  test('when ? is pressed then the keys show, and any key but q closes them without acting', () => {
    let s = play(initialState(3), '?');
    assert.equal(s.help, true);
    s = play(s, '\r');
    assert.equal(s.help, false);
    assert.equal(s.at, 0);
    s = play(s, '?q');
    assert.equal(s.quit, true);
  });

  test('when it starts at a later step then the steps before it run first, unseen', () => {
    const runs: number[] = [];
    const s = play(initialState(7, 4), '', runs);
    assert.equal(s.at, 3);
    assert.deepEqual(runs, [0, 1, 2, 3]);
  });

  test('when keys arrive together then each is read, escape sequences whole', () => {
    const keys: Key[] = parseKeys('ab\x1b[A\x1b[6~\r\x03\x1b\x1b[1;5C ');
    assert.deepEqual(keys, [
      { char: 'a' },
      { char: 'b' },
      'up',
      'pageDown',
      'enter',
      'ctrlC',
      'escape',
      { char: '' },
      'space',
    ]);
  });
});
