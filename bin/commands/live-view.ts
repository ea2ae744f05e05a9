/**
 * What `--serve` prints while it runs: items in wire order, each as soon as it is
 * certain no earlier one is still coming; a page's files folded to one line each
 * (unless --assets); frames shown one by one lined up under one heading; with --json
 * one JSON object per line. Exchanges also go to the HAR file when there is one.
 */
import { isStaticAsset, renderAssetLine } from '../../demos/render/asset-line.js';
import { terminalSafeJson } from '../../demos/render/escape.js';
import { renderItems } from '../../demos/render/items.js';
import { paint, span, wrap } from '../../demos/render/lines.js';
import type { RenderOptions } from '../../demos/render/options.js';
import { createWireOrder } from '../../demos/core/wire-order.js';
import type { WireItem } from '../../demos/wire/trace.js';
import type { HarFile } from './har-file.js';

export interface LiveViewOptions {
  render: RenderOptions;
  json: boolean;
  /** --assets: show the files of a page in full like any other exchange. */
  assets: boolean;
  har?: HarFile;
  write: (text: string) => void;
}

/**
 * How long an item waits for an earlier one: a request's exchange is complete only when
 * its response is, and the frames it caused come in between. The demo servers answer
 * within a few milliseconds; a quarter second is not noticed by someone watching.
 */
const holdMs = 250;

export function createLiveView(options: LiveViewOptions): { onItem(item: WireItem): void; flush(): void } {
  let shownLast: string | undefined;
  let explained = false;
  const showItem = (item: WireItem) => {
    if (item.kind === 'http') options.har?.add(item);
    // JSON.stringify leaves DEL, C1 and bidi controls raw; on a terminal they would act.
    if (options.json) return options.write(terminalSafeJson(item) + '\n');
    const render = options.render;
    if (item.kind === 'http' && !options.assets && isStaticAsset(item)) {
      const lines = renderAssetLine(item, render);
      // The first folded file says once what the one-line form means.
      if (!explained) lines.unshift(...wrap([span(render.messages.render.assetsFolded, 'dim')], render.width, 'words'));
      explained = true;
      options.write((shownLast === 'asset' ? '' : '\n') + paint(lines, render.theme) + '\n');
      shownLast = 'asset';
      return;
    }
    // Frames arrive one by one; a run of them reads as one table, headings once.
    const continued = item.kind === 'ws-frame' && shownLast === 'ws-frame';
    shownLast = item.kind;
    options.write((continued ? '' : '\n') + paint(renderItems([item], { ...render, continued }), render.theme) + '\n');
  };
  // One item that cannot be shown is one line; the server goes on serving and the next item shows.
  const show = (item: WireItem) => {
    try {
      showItem(item);
    } catch (error) {
      shownLast = undefined;
      const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      const line = options.render.messages.render.displayFailed({ reason: reason.split('\n')[0]!.slice(0, 200) });
      options.write(
        options.json
          ? terminalSafeJson({ kind: 'display-failed', at: item.at, reason: line }) + '\n'
          : '\n' + paint([[span(line, 'warn')]], options.render.theme) + '\n',
      );
    }
  };
  const order = createWireOrder({ holdMs, emit: show });
  return { onItem: (item) => order.push(item), flush: () => order.flush() };
}
