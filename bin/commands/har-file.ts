/**
 * `--har FILE`: the HTTP exchanges of a run, written as HAR 1.2. A served demo runs for
 * hours and keeps only a window of items in memory, so entries are streamed to the file
 * as they come and the closing brackets are written when the run ends (Ctrl-C included).
 * The file stays bounded: past `maxBytes` further entries are counted, not written.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { AwtError } from '../../demos/core/errors.js';
import { harEntry, type HarContext } from '../../demos/render/har.js';
import type { HttpExchange } from '../../demos/wire/trace.js';

export interface HarFile {
  add(exchange: HttpExchange): void;
  /** Wall-clock ms at which the items' clock read 0, once it is known (the taps start after the file opens). */
  setOrigin(startedAt: number): void;
  /** Writes the end of the JSON and closes the file; safe to call twice. */
  close(): Promise<void>;
}

/** 256 MiB: some hours of a class clicking through the explorers; far more than devtools load comfortably. */
export const maxHarBytes = 256 * 1024 * 1024;

export async function openHarFile(path: string, given: HarContext, maxBytes = maxHarBytes): Promise<HarFile> {
  const context = { ...given };
  // Opened here, so a bad path fails before any server starts, as the tool's own error.
  const handle = await open(path, 'w').catch((error: NodeJS.ErrnoException) => {
    throw new AwtError('AWT_CANNOT_WRITE', { file: path, reason: error.code ?? error.message });
  });
  const stream: WriteStream = createWriteStream('', { fd: handle, autoClose: true });
  let failed: string | undefined;
  stream.on('error', (error: NodeJS.ErrnoException) => (failed ??= error.code ?? error.message));

  const head = JSON.stringify({ log: { version: '1.2', creator: context.creator, entries: [] } });
  // Everything up to the entries' "[": `{"log":{…,"entries":[`.
  let written = 0;
  const put = (text: string) => {
    written += Buffer.byteLength(text);
    stream.write(text);
  };
  put(head.slice(0, -3) + '\n');
  let entries = 0;
  let skipped = 0;
  let closed: Promise<void> | undefined;

  return {
    add(exchange) {
      if (closed || failed) return;
      const text = (entries > 0 ? ',\n' : '') + JSON.stringify(harEntry(exchange, context));
      if (written + Buffer.byteLength(text) > maxBytes) {
        skipped++;
        return;
      }
      entries++;
      put(text);
    },
    setOrigin(startedAt) {
      context.startedAt = startedAt;
    },
    close() {
      closed ??= (async () => {
        const comment =
          skipped > 0
            ? `,"comment":${JSON.stringify(`${skipped} later exchanges left out: the file reached ${maxBytes} bytes`)}`
            : '';
        put(`\n]${comment}}}\n`);
        await new Promise<void>((resolve) => stream.end(resolve));
        if (failed) throw new AwtError('AWT_CANNOT_WRITE', { file: path, reason: failed });
      })();
      return closed;
    },
  };
}
