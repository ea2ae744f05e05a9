/**
 * The pause between steps of `--all --step` and of piped `--step`. On a terminal one
 * key decides (Enter, Space or → goes on, q or Ctrl-C stops, other keys do nothing);
 * from a pipe each line does ("q" stops), and the end of input goes on without
 * waiting, so a script never hangs.
 */
import readline from 'node:readline';
import { AwtError } from '../../demos/core/errors.js';
import type { Messages } from '../../demos/core/messages/en.js';
import { isChar, parseKeys } from '../pager/keys.js';

export type StepGate = (label: string) => Promise<boolean>;

export function createStepGate(messages: Messages): StepGate {
  const input = process.stdin;
  if (input.isTTY) return (label) => askKey(fitLine(`${messages.stepGate.prompt} — ${label} `));
  const lines = readline.createInterface({ input, terminal: false })[Symbol.asyncIterator]();
  return async (label) => {
    process.stderr.write(`${label} — ${messages.stepGate.prompt}\n`);
    const next = await lines.next();
    return next.done || next.value.trim().toLowerCase() !== 'q';
  };
}

function askKey(prompt: string): Promise<boolean> {
  const input = process.stdin;
  process.stderr.write(prompt);
  input.setRawMode(true);
  input.resume();
  return new Promise((resolve, reject) => {
    const onData = (data: Buffer) => {
      // Only the keys the prompt names act; any other key (←, b, x) must not skip a step.
      const key = parseKeys(data.toString('utf8')).find(
        (k) => k === 'enter' || k === 'space' || k === 'right' || k === 'ctrlC' || isChar(k, 'q', 'Q'),
      );
      if (key === undefined) return;
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      process.stderr.write('\r\x1b[2K');
      // Ctrl-C arrives as a byte in raw mode, not as SIGINT: end the run as Ctrl-C would (exit 130).
      if (key === 'ctrlC') reject(new AwtError('AWT_INTERRUPTED', {}));
      else resolve(!isChar(key, 'q', 'Q'));
    };
    input.on('data', onData);
  });
}

/** One terminal line at most, so clearing the line afterwards removes the whole prompt. */
function fitLine(text: string): string {
  const columns = process.stderr.columns || 80;
  const chars = [...text];
  return chars.length < columns ? text : `${chars.slice(0, columns - 2).join('')}… `;
}
