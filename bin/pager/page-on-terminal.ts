/** A demo run from the shell on a terminal: the pager on the alternate screen, given back at the end. */
import type { Demo } from '../../demos/core/demo.js';
import type { RenderOptions } from '../../demos/render/options.js';
import type { RunOptions } from '../options.js';
import { write } from '../output.js';
import { pageDemo, type PagerEnd } from './page-demo.js';
import { openTerminal } from './terminal.js';

export async function pageDemoOnTerminal(demo: Demo, run: RunOptions, render: RenderOptions): Promise<void> {
  const terminal = openTerminal();
  let end: PagerEnd;
  try {
    end = await pageDemo(demo, { run, render, terminal, fromMenu: false, fromStep: run.fromStep });
  } finally {
    terminal.close();
  }
  // On the main screen again: a word that the run is over and nothing is left running.
  if (end === 'quit') write(render.messages.stepGate.quit + '\n');
}
