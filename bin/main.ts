/**
 * The program's run, and the only place that decides the exit code:
 * 0 done, 2 usage, 3 a service is unreachable, 4 a local resource, 5 exercise checks failed,
 * 1 a bug, 130 Ctrl-C, 143 SIGTERM; a closed terminal ends it by SIGHUP.
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

  // The terminal is gone (its window closed): clean up, then end by the hangup itself, as a
  // program without a handler would (a shell reports 129). A normal exit would have Node put
  // back the terminal's settings first, on a terminal that no longer exists, and that aborts
  // the process instead (tcsetattr fails with EIO; nodejs/node#51519).
  function hangUp(): Promise<never> {
    stopping ??= (async () => {
      await closeAll();
      process.removeAllListeners('SIGHUP');
      process.kill(process.pid, 'SIGHUP');
      // The signal ends the process before this promise could settle.
      return new Promise<never>(() => undefined);
    })();
    return stopping;
  }

  process.once('SIGINT', () => {
    process.stderr.write(`\n${words.interrupted}\n`);
    void shutdown(130);
  });
  process.once('SIGTERM', () => void shutdown(143));
  process.once('SIGHUP', () => void hangUp());
  onBrokenPipe((code) => void (code === 'EIO' ? hangUp() : shutdown(0)));

  // Every wait of a run is on work that keeps the event loop busy. Should one wait on
  // something nothing will settle, the loop empties and Node would end with 0 in the middle
  // of the run, with no verdict (a grading script would count it as passed): a bug, said so.
  let finished = false;
  process.once('beforeExit', () => {
    if (finished) return;
    // 1 even if the clean-up, too, waits on what never comes and the loop empties again.
    process.exitCode = 1;
    void shutdown(1, ['the run waited for work that nothing was doing any more', words.errors.bug]);
  });

  try {
    await buildProgram(lang, process.env).parseAsync(argv);
    await closeAll();
    finished = true;
  } catch (error) {
    finished = true;
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
