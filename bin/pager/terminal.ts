/**
 * The thin part that touches the terminal: the alternate screen (xterm's private
 * mode 1049, so the shell's screen comes back untouched), raw keys, the size and
 * its changes. Whatever way the program ends (q, Ctrl-C, an error, SIGTERM, a
 * closed terminal), the terminal is given back as it was: cursor shown, raw mode
 * off, main screen restored.
 */
import { parseKeys, type Key } from './keys.js';

const enterScreen = '\x1b[?1049h\x1b[?25l';
const leaveScreen = '\x1b[?25h\x1b[?1049l';

export interface Terminal {
  size(): { columns: number; rows: number };
  /** Draws a whole screen: one string per row, from the top. */
  draw(rows: string[]): void;
  /** Calls `handler` with each key until the returned function is called. */
  onKeys(handler: (key: Key) => void): () => void;
  onResize(handler: () => void): () => void;
  /** Gives the normal screen back for a while (to run a command that prints). */
  suspend(): void;
  resume(): void;
  /** Waits for one key on the normal screen. */
  readKey(): Promise<Key>;
  close(): void;
}

export function openTerminal(
  input: NodeJS.ReadStream = process.stdin,
  output: NodeJS.WriteStream = process.stdout,
): Terminal {
  let active = false;
  const keyHandlers = new Set<(key: Key) => void>();
  // Keys typed before anyone listens (the demo still loading) wait for the first listener.
  const early: Key[] = [];
  const onData = (data: Buffer) => {
    for (const key of parseKeys(data.toString('utf8'))) {
      // Bounded: a key held down while a slow demo loads is not worth more than a screenful.
      if (keyHandlers.size === 0 && early.length < 64) early.push(key);
      for (const handler of [...keyHandlers]) handler(key);
    }
  };

  // A terminal that hangs up (its window closed) ends its input: EOF, or EIO on the read. The
  // kernel signals the hangup only to the session's leader, and a parent between (npx, a
  // wrapper) may not pass it on; so the end of the keys counts as the hangup itself.
  const hungUp = () => {
    if (input.isTTY) process.kill(process.pid, 'SIGHUP');
  };

  function raw(on: boolean) {
    if (input.isTTY) input.setRawMode(on);
    if (on) {
      input.on('data', onData);
      input.on('end', hungUp);
      input.on('error', hungUp);
      input.resume();
    } else {
      input.off('data', onData);
      input.off('end', hungUp);
      input.off('error', hungUp);
      input.pause();
    }
  }

  function enter() {
    if (active) return;
    active = true;
    output.write(enterScreen);
    raw(true);
  }

  // Runs on every way out; writes to a terminal are synchronous, so this lands before the process ends.
  function restore() {
    if (!active) return;
    active = false;
    raw(false);
    output.write(leaveScreen);
  }
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  process.on('exit', restore);
  // First, before the handlers that print a message and exit: the message belongs on the main screen.
  for (const signal of signals) process.prependListener(signal, restore);

  enter();
  return {
    size: () => ({ columns: output.columns || 80, rows: output.rows || 24 }),
    draw(rows) {
      if (!active) return;
      output.write('\x1b[H' + rows.map((row) => row + '\x1b[K').join('\r\n') + '\x1b[J');
    },
    onKeys(handler) {
      keyHandlers.add(handler);
      // Given on the next turn, once the caller has finished setting up.
      if (early.length > 0) {
        queueMicrotask(() => {
          for (const key of early.splice(0)) if (keyHandlers.has(handler)) handler(key);
        });
      }
      return () => keyHandlers.delete(handler);
    },
    onResize(handler) {
      output.on('resize', handler);
      return () => output.off('resize', handler);
    },
    suspend: restore,
    resume: enter,
    readKey() {
      return new Promise((resolve) => {
        raw(true);
        const take = (key: Key) => {
          keyHandlers.delete(take);
          raw(false);
          resolve(key);
        };
        keyHandlers.add(take);
      });
    },
    close() {
      restore();
      keyHandlers.clear();
      process.off('exit', restore);
      for (const signal of signals) process.off(signal, restore);
    },
  };
}
