import { renderAmqpSequence } from './amqp-sequence.js';
import { renderHttpExchange, renderHttpExchangeLine, sharedTargetRoom } from './http-exchange.js';
import { renderHttpSequence } from './http-sequence.js';
import { span, wrap, type Line } from './lines.js';
import type { RenderOptions } from './options.js';
import { renderWebSocketFrames } from './websocket-frames.js';
import type { HttpExchange, WireItem } from '../wire/trace.js';

/**
 * Renders a run of consecutive items of one kind. A kind gets the whole run, not
 * one item at a time, because some views span many items (a sequence diagram of
 * AMQP frames, a table of WebSocket frames).
 */
export type ItemsRenderer<K extends WireItem['kind']> = (
  items: Array<Extract<WireItem, { kind: K }>>,
  options: RenderOptions,
) => Line[];

type Renderers = { [K in WireItem['kind']]?: ItemsRenderer<K> };

const renderers: Renderers = {
  // Calls between several processes (each exchange knows its hop) read best as one sequence diagram.
  http: (items, options) => {
    if (items.every((item) => item.hop)) return renderHttpSequence(items, options);
    const shown = foldLongRun(items, options);
    const oneLines = options.compact === 'lines' || options.compact === 'all-lines';
    const targetRoom = oneLines ? sharedTargetRoom(items, options) : undefined;
    return shown.flatMap((item, i) => [
      // Compact, each exchange's label line is separator enough.
      ...(i > 0 && !options.compact ? [[]] : []),
      ...(typeof item === 'number'
        ? wrap([span(options.messages.render.folded({ count: item }), 'warn')], options.width, 'words')
        : asOneLine(i, shown.length, options)
          ? renderHttpExchangeLine(item, options, targetRoom)
          : renderHttpExchange(item, options.compact === 'lines' ? { ...options, compact: 'headers' } : options)),
    ]);
  },
  undecoded: (items, options) =>
    items.map((item) => [span(options.messages.render.undecoded({ bytes: item.bytes, reason: item.reason }), 'warn')]),
  'ws-frame': renderWebSocketFrames,
  'amqp-frame': renderAmqpSequence,
};

/** The tightest views: every round trip but the last as one line, then the last too. */
function asOneLine(index: number, count: number, options: RenderOptions): boolean {
  return options.compact === 'all-lines' || (options.compact === 'lines' && index < count - 1);
}

/** Heartbeats between services keep a system alive but answer no request. */
const isBackground = (item: WireItem) => item.kind === 'http' && item.hop?.background === true;

export function renderItems(items: readonly WireItem[], options: RenderOptions): Line[] {
  const lines: Line[] = [];
  // Unless --full, background traffic is counted once at the end, so it does not cut a diagram into pieces.
  const background = options.full ? [] : items.filter(isBackground);
  for (const run of runsOfKind(options.full ? items : items.filter((item) => !isBackground(item)))) {
    const renderer = renderers[run[0]!.kind] as ItemsRenderer<WireItem['kind']> | undefined;
    if (lines.length > 0) lines.push([]);
    // One line at a time: a run of a server's 100,000 frames is too many arguments for one push.
    const rendered = renderer
      ? renderer(run as never, options)
      : run.flatMap((item) => wrap([span(JSON.stringify(item), 'dim')], options.width));
    for (const line of rendered) lines.push(line);
  }
  if (background.length > 0) {
    lines.push(...wrap([span(options.messages.hops.background({ count: background.length }), 'dim')], options.width));
  }
  return lines;
}

function runsOfKind(items: readonly WireItem[]): WireItem[][] {
  const runs: WireItem[][] = [];
  for (const item of items) {
    const last = runs.at(-1);
    if (last && last[0]!.kind === item.kind) last.push(item);
    else runs.push([item]);
  }
  return runs;
}

/**
 * A long run of round trips on one connection (polling) shows its first and last two
 * (one each where the pager folds to fit a screen); a number stands for those in between.
 */
function foldLongRun(items: HttpExchange[], options: RenderOptions): Array<HttpExchange | number> {
  if (options.full) return items;
  const ends = options.compact ? 1 : 2;
  const foldAbove = 2 * ends + 2;
  const runs: HttpExchange[][] = [];
  for (const item of items) {
    const last = runs.at(-1);
    if (last && last[0]!.connection === item.connection) last.push(item);
    else runs.push([item]);
  }
  return runs.flatMap((run) =>
    run.length <= foldAbove ? run : [...run.slice(0, ends), run.length - 2 * ends, ...run.slice(-ends)],
  );
}
