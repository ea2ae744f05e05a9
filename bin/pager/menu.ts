/**
 * The menu of `awt-demo` on a terminal, as a pure state machine and a pure screen:
 * the demos first, then the commands over all paradigms. It loops in the driver
 * (bin/commands/menu.ts) until q, Esc or Ctrl-C.
 */
import { span, wrap, type Line } from '../../demos/render/lines.js';
import type { Theme } from '../../demos/render/theme.js';
import type { Messages } from '../../demos/core/messages/en.js';
import { paintRows } from './fit.js';
import { isChar, type Key } from './keys.js';

export interface MenuItem {
  id: string;
  /** A demo runs in the pager; a tool prints on the normal screen. */
  kind: 'demo' | 'tool';
  title: string;
  summary: string;
}

export interface MenuState {
  readonly selected: number;
  /** The item picked (Enter or its number); the driver runs it and clears this. */
  readonly chosen: number | undefined;
  readonly quit: boolean;
}

export function initialMenu(selected = 0): MenuState {
  return { selected, chosen: undefined, quit: false };
}

export function pressMenu(state: MenuState, key: Key, count: number): MenuState {
  if (key === 'escape' || key === 'ctrlC' || isChar(key, 'q', 'Q')) return { ...state, quit: true };
  const move = (by: number) => ({ ...state, selected: (state.selected + by + count) % count });
  switch (key) {
    case 'up':
      return move(-1);
    case 'down':
      return move(1);
    case 'home':
      return { ...state, selected: 0 };
    case 'end':
      return { ...state, selected: count - 1 };
    case 'enter':
    case 'space':
    case 'right':
      return { ...state, chosen: state.selected };
  }
  // k and j as in less and vim; j here moves, there is no step to show as JSON.
  if (isChar(key, 'k')) return move(-1);
  if (isChar(key, 'j')) return move(1);
  if (typeof key === 'object' && /^[1-9]$/.test(key.char) && Number(key.char) <= count) {
    const picked = Number(key.char) - 1;
    return { ...state, selected: picked, chosen: picked };
  }
  return state;
}

export function drawMenu(
  state: MenuState,
  items: readonly MenuItem[],
  size: { columns: number; rows: number },
  theme: Theme,
  messages: Messages,
): string[] {
  const menuWords = messages.menu;
  const columns = Math.max(20, size.columns);
  const idWidth = Math.max(...items.map((item) => item.id.length));
  const lines: Line[] = [[span('awt-demo', 'title'), span(` · ${menuWords.prompt}`, 'bold')], []];
  items.forEach((item, i) => {
    const first = i === 0 || items[i - 1]!.kind !== item.kind;
    if (first) {
      if (i > 0) lines.push([]);
      lines.push([span(item.kind === 'demo' ? menuWords.demosHeading : menuWords.toolsHeading, 'dim')]);
    }
    const selected = i === state.selected;
    // Right-aligned, so that 10 stands in line with 9.
    const number = `${String(i + 1).padStart(String(items.length).length)}  `;
    const room = columns - 2 - number.length - idWidth - 2;
    lines.push([
      span(selected ? '❯ ' : '  ', 'title'),
      span(number, 'dim'),
      span(item.id.padEnd(idWidth), selected ? 'title' : 'bold'),
      span(`  ${shorten(item.title, room)}`, selected ? 'bold' : undefined),
    ]);
  });
  const chosen = items[state.selected];
  const about = chosen
    ? wrap([span(chosen.summary, 'notice')], columns - 2, 'words').map((l) => [span('  '), ...l])
    : [];
  const rows = Math.max(3, size.rows);
  // The list keeps its rows; what the selected item shows is cut first when the screen is short.
  const room = Math.max(0, rows - 1 - lines.length - 1);
  const body = [...lines, [], ...about.slice(0, room)].slice(0, rows - 1);
  const filler = Array.from({ length: rows - 1 - body.length }, (): Line => []);
  return paintRows([...body, ...filler, [span(menuWords.keys, 'dim')]], columns, theme);
}

/** At most `room` characters, with … where text was left out. */
function shorten(text: string, room: number): string {
  const chars = [...text];
  return chars.length <= room ? text : `${chars.slice(0, Math.max(0, room - 1)).join('')}…`;
}
