/** A demo run from the shell on a terminal: the pager on the alternate screen, given back at the end. */
import type { Demo } from '../../demos/core/demo.js';
import type { RenderOptions } from '../../demos/render/options.js';
import type { RunOptions } from '../options.js';
import { pageDemo } from './page-demo.js';
import { openTerminal } from './terminal.js';

export async function pageDemoOnTerminal(demo: Demo, run: RunOptions, render: RenderOptions): Promise<void> {
  const terminal = openTerminal();
  try {
    await pageDemo(demo, { run, render, terminal, fromMenu: false, fromStep: run.fromStep });
  } finally {
    terminal.close();
  }
}
