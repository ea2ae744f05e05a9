import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseKeys } from '../../bin/pager/keys.js';
import { drawMenu, initialMenu, pressMenu, type MenuItem, type MenuState } from '../../bin/pager/menu.js';
import { createTheme } from '../../demos/render/theme.js';
import { messages as ui } from '../../demos/core/messages/index.js';

const items: MenuItem[] = [
  {
    id: 'rest',
    kind: 'demo',
    title: 'REST with express: resources, status codes, caching, versioning',
    summary: 'GET, POST',
  },
  { id: 'graphql', kind: 'demo', title: 'GraphQL with graphql-http', summary: 'One endpoint' },
  { id: 'compare', kind: 'tool', title: 'the same use cases over every paradigm', summary: '' },
];

function play(input: string, state: MenuState = initialMenu()): MenuState {
  let s = state;
  for (const key of parseKeys(input)) s = pressMenu(s, key, items.length);
  return s;
}

describe('the menu', () => {
  test('when ↓ and Enter are pressed then the second item is chosen', () => {
    assert.equal(play('\x1b[B\r').chosen, 1);
  });

  test('when ↑ is pressed on the first item then the selection wraps to the last', () => {
    assert.equal(play('\x1b[A').selected, 2);
  });

  test('when a number is pressed then that item is chosen at once; a number past the list does nothing', () => {
    assert.equal(play('3').chosen, 2);
    assert.equal(play('9').chosen, undefined);
  });

  for (const [name, input] of [
    ['q', 'q'],
    ['Esc', '\x1b'],
  ] as const) {
    test(`when ${name} is pressed then the menu is left`, () => {
      assert.equal(play(input).quit, true);
    });
  }

  test('when drawn at 80×24 then it fills the screen, lines fit, the keys are named at the bottom', () => {
    const lines = drawMenu(play('\x1b[B'), items, { columns: 60, rows: 24 }, createTheme(false), ui.en);
    assert.equal(lines.length, 24);
    for (const line of lines) assert.ok([...line].length <= 60, line);
    assert.ok(lines.includes('❯ 2  graphql  GraphQL with graphql-http'));
    assert.ok(
      lines.some((line) => /^ {2}1 {2}rest {5}REST with express: .*…$/.test(line)),
      'a long title ends in …',
    );
    assert.ok(lines.includes('  One endpoint'), 'what the selected item shows');
    assert.equal(lines.at(-1), '↑↓ choose · Enter start · 1–9 pick · q or Esc quit');
  });

  test('when the language is German then the menu speaks German', () => {
    const lines = drawMenu(initialMenu(), items, { columns: 100, rows: 20 }, createTheme(false), ui.de);
    assert.equal(lines[0], 'awt-demo · Was möchtest du sehen?');
    assert.match(lines.at(-1)!, /q oder Esc beenden/);
  });
});
