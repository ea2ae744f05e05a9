/**
 * The program's run, and the only place that decides the exit code:
 * 0 done, 2 usage, 3 a service is unreachable, 4 a local resource, 5 exercise checks failed,
 * 1 a bug, 130 Ctrl-C.
 */
import { closeAll } from '../demos/core/cleanup.js';
import { isAwtError, listenError } from '../demos/core/errors.js';
import { messages } from '../demos/core/messages/index.js';
import { langFromArgv } from './options.js';
import { onBrokenPipe, writeError } from './output.js';
import { buildProgram, CommanderError } from './program.js';

export async function main(argv: string[]): Promise<void> {
  const lang = langFromArgv(argv.slice(2), process.env);
  const words = messages[lang];

  // Once only: while Ctrl-C closes everything, the interrupted step may fail too, and
  // its error must not replace the 130. The message comes first, the clean-up after.
  let stopping: Promise<never> | undefined;
  function shutdown(code: number, lines?: string[]): Promise<never> {
    stopping ??= (async () => {
      if (lines) writeError(lines);
      await closeAll();
      process.exit(code);
    })();
    return stopping;
  }

  process.once('SIGINT', () => {
    process.stderr.write(`\n${words.interrupted}\n`);
    void shutdown(130);
  });
  process.once('SIGTERM', () => void shutdown(143));
  // Closing the terminal: clean up like SIGTERM (128 + 1).
  process.once('SIGHUP', () => void shutdown(129));
  onBrokenPipe(() => void shutdown(0));

  try {
    await buildProgram(lang, process.env).parseAsync(argv);
    await closeAll();
  } catch (error) {
    if (stopping) await stopping;
    if (error instanceof CommanderError) {
      // --help and --version end through here too, with exit code 0.
      await shutdown(error.exitCode === 0 ? 0 : 2);
    }
    const known = isAwtError(error) ? error : listenError(error);
    if (known) await shutdown(known.exitCode, known.describe(words));
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    await shutdown(1, [detail, words.errors.bug]);
  }
}
