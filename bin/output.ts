/**
 * Writing to stdout. When the reader goes away (`awt-demo rest | head`), the pipe
 * breaks; that is the reader's choice, not an error, so we stop quietly. A closed
 * terminal (its window shut while a demo runs) answers writes with EIO: a hangup.
 */
export function write(text: string): void {
  process.stdout.write(text);
}

export function writeError(lines: string[]): void {
  // On a terminal, broken at spaces to its width (it would break words); piped, one line each, for scripts.
  const columns = process.stderr.isTTY ? process.stderr.columns : undefined;
  const shown = lines.flatMap((line, i) => {
    const prefix = i === 0 ? 'awt-demo: ' : '  ';
    return columns ? hanging(prefix, line, columns, 2) : [prefix + line];
  });
  process.stderr.write(shown.join('\n') + '\n');
}

export function onBrokenPipe(handler: (code: 'EPIPE' | 'EIO') => void): void {
  // stderr too: progress lines go there, and `2>&1 | head` closes both.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE' || error.code === 'EIO') handler(error.code);
      else throw error;
    });
  }
}

/** Plain text broken at spaces to fit `width` (a word longer than the line stands alone). */
export function wrapPlain(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  return [...lines, line];
}

/**
 * `text` after `prefix`, broken at spaces to fit `width`: the lines after the first stand
 * under the text (or `indent` columns in), not under the prefix.
 */
export function hanging(prefix: string, text: string, width: number, indent = prefix.length): string[] {
  const first = wrapPlain(text, Math.max(20, width - prefix.length));
  const [head = '', ...tail] = first;
  const rest = tail.length === 0 ? [] : wrapPlain(tail.join(' '), Math.max(20, width - indent));
  return [prefix + head, ...rest.map((line) => ' '.repeat(indent) + line)];
}

/** Columns to lay out for: --width, the terminal, $COLUMNS, else 100. */
export function outputWidth(explicit: number | undefined): number {
  if (explicit !== undefined) return explicit;
  if (process.stdout.isTTY && process.stdout.columns) return process.stdout.columns;
  const fromEnv = Number(process.env.COLUMNS);
  return Number.isInteger(fromEnv) && fromEnv >= 40 ? fromEnv : 100;
}

/**
 * Writes and resolves once the text is handed to the system. Needed before an error
 * exit: process.exit does not wait for a pipe to take a large write (a --json report
 * for a grading script would be cut short).
 */
export function writeFlushed(text: string): Promise<void> {
  return new Promise((resolve) => process.stdout.write(text, () => resolve()));
}
