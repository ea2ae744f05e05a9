/**
 * The live view of `--serve`: each item as it is decoded, rendered and written. Built
 * to survive what anyone may send: rendering is bounded (body-limits.ts) and escaped
 * (escape.ts); an item that still fails to render is shown as one line and the server
 * keeps serving; when the terminal cannot keep up, items are counted instead of queued
 * without end.
 */
import { terminalSafeJson } from './escape.js';
import { renderItems } from './items.js';
import { paint, span } from './lines.js';
import type { RenderOptions } from './options.js';
import type { WireItem } from '../wire/trace.js';

export interface LiveOutput {
  write(text: string): unknown;
  /** Bytes written but not yet taken by the reader (a stream's writableLength). */
  readonly writableLength?: number;
}

export interface LiveViewOptions {
  render: RenderOptions;
  /** One JSON object per line instead of the rendered view. */
  json: boolean;
  out: LiveOutput;
}

/** Bytes waiting for the terminal above which new items are only counted. */
export const maxPendingOutput = 4 * 1024 * 1024;

export function createLiveView({ render, json, out }: LiveViewOptions): (item: WireItem) => void {
  const t = render.messages.render;
  let shownLast: string | undefined;
  let skipped = 0;
  return (item) => {
    if ((out.writableLength ?? 0) > maxPendingOutput) {
      skipped++;
      return;
    }
    let text: string;
    try {
      if (json) text = terminalSafeJson(item) + '\n';
      else {
        // Frames arrive one by one; a run of them reads as one table, headings once.
        const continued = item.kind === 'ws-frame' && shownLast === 'ws-frame' && skipped === 0;
        text = (continued ? '' : '\n') + paint(renderItems([item], { ...render, continued }), render.theme) + '\n';
      }
      shownLast = item.kind;
    } catch (error) {
      shownLast = undefined;
      const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      const line = t.displayFailed({ reason: reason.split('\n')[0]!.slice(0, 200) });
      text = json
        ? terminalSafeJson({ kind: 'display-failed', at: item.at, reason }) + '\n'
        : '\n' + paint([[span(line, 'warn')]], render.theme) + '\n';
    }
    if (skipped > 0) {
      const note = t.behind({ count: skipped });
      text =
        (json
          ? terminalSafeJson({ kind: 'not-shown', count: skipped }) + '\n'
          : '\n' + paint([[span(note, 'warn')]], render.theme) + '\n') + text;
      skipped = 0;
    }
    out.write(text);
  };
}
