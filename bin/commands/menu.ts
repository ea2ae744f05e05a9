/**
 * `awt-demo` alone on a terminal: a menu that comes back after each choice until
 * q, Esc or Ctrl-C. A demo runs in the pager on the same screen; compare, table and
 * bench print on the normal screen, then a key leads back. An error a user can
 * cause (no broker, say) is shown, and the menu comes back too.
 */
import { AwtError, isAwtError } from '../../demos/core/errors.js';
import { findDemo } from '../../demos/registry.js';
import { messages as catalogue } from '../../demos/core/messages/index.js';
import type { RunOptions } from '../options.js';
import { writeError } from '../output.js';
import { drawMenu, initialMenu, pressMenu, type MenuItem, type MenuState } from '../pager/menu.js';
import { openTerminal, type Terminal } from '../pager/terminal.js';
import { isChar } from '../pager/keys.js';
import { listDemos } from './list.js';

const tools = ['compare', 'table', 'bench', 'exercise'] as const;

export async function menuCommand(options: RunOptions, env: NodeJS.ProcessEnv): Promise<void> {
  const messages = catalogue[options.lang];
  const items: MenuItem[] = [
    ...(await listDemos(options.lang)).map((demo): MenuItem => ({ ...demo, kind: 'demo' })),
    ...tools.map((id): MenuItem => ({ id, kind: 'tool', title: messages.menu.tools[id]!, summary: '' })),
  ];
  const { createTheme, wantsColor } = await import('../../demos/render/theme.js');
  const theme = createTheme(options.colorAllowed && wantsColor(process.stdout, env));
  const terminal = openTerminal();
  try {
    let state = initialMenu();
    for (;;) {
      state = await choose(terminal, state, items, (s) =>
        terminal.draw(drawMenu(s, items, terminal.size(), theme, messages)),
      );
      if (state.quit || state.chosen === undefined) return;
      const item = items[state.chosen]!;
      state = { ...state, chosen: undefined };
      try {
        if (item.kind === 'demo') await runDemo(item.id, options, terminal);
        else if (!(await runTool(item.id as (typeof tools)[number], options, env, terminal))) return;
      } catch (error) {
        if (!isAwtError(error) || error.code === 'AWT_INTERRUPTED') throw error;
        terminal.suspend();
        process.stdout.write(`\n${messages.menu.failed}\n`);
        writeError(error.describe(messages));
        if (!(await backToMenu(terminal, options))) return;
      }
    }
  } finally {
    terminal.close();
  }
}

/** Reads keys until one chooses an item or leaves the menu; draws after each and on resize. */
function choose(
  terminal: Terminal,
  start: MenuState,
  items: readonly MenuItem[],
  draw: (state: MenuState) => void,
): Promise<MenuState> {
  let state = start;
  draw(state);
  return new Promise((resolve, reject) => {
    const stopResize = terminal.onResize(() => draw(state));
    const stopKeys = terminal.onKeys((key) => {
      if (key === 'ctrlC') {
        stop();
        // Ctrl-C in the menu ends the program like Ctrl-C anywhere else (exit 130).
        return reject(new AwtError('AWT_INTERRUPTED', {}));
      }
      state = pressMenu(state, key, items.length);
      draw(state);
      if (state.quit || state.chosen !== undefined) {
        stop();
        resolve(state);
      }
    });
    function stop() {
      stopKeys();
      stopResize();
    }
  });
}

async function runDemo(id: string, options: RunOptions, terminal: Terminal): Promise<void> {
  const demo = await findDemo(id)!.load();
  const { renderOptions } = await import('./run.js');
  const { pageDemo } = await import('../pager/page-demo.js');
  await pageDemo(demo, { run: options, render: await renderOptions(options), terminal, fromMenu: true, fromStep: 1 });
}

/** Runs compare, table or bench as the command line would, on the normal screen. False: the user quit. */
async function runTool(
  id: (typeof tools)[number],
  options: RunOptions,
  env: NodeJS.ProcessEnv,
  terminal: Terminal,
): Promise<boolean> {
  const display = {
    lang: options.lang,
    ...(options.colorAllowed ? {} : { color: false }),
    ...(options.amqpUrl ? { amqpUrl: options.amqpUrl } : {}),
  };
  terminal.suspend();
  process.stdout.write('\n');
  if (id === 'compare') await (await import('./compare.js')).compareCommand(display, env);
  if (id === 'table') await (await import('./table.js')).tableCommand(display, env);
  if (id === 'bench') {
    const { benchCommand, parseBenchOptions } = await import('./bench.js');
    await benchCommand(parseBenchOptions(display, env));
  }
  // The list of exercises and how to start one: the work itself happens in the student's own folder.
  if (id === 'exercise') await (await import('./exercise.js')).listExercises({ lang: options.lang }, env);
  return backToMenu(terminal, options);
}

/** On the normal screen: Enter (or any key) goes back to the menu, q leaves. */
async function backToMenu(terminal: Terminal, options: RunOptions): Promise<boolean> {
  process.stdout.write(`\n${catalogue[options.lang].menu.back} `);
  const key = await terminal.readKey();
  process.stdout.write('\n');
  if (key === 'ctrlC') throw new AwtError('AWT_INTERRUPTED', {});
  if (key === 'escape' || isChar(key, 'q', 'Q')) return false;
  terminal.resume();
  return true;
}
