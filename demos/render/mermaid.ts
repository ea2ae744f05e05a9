/**
 * A run as a Mermaid sequence diagram (https://mermaid.js.org/syntax/sequenceDiagram.html),
 * for slides: every lane (the client or each WebSocket client, the server, the broker and
 * each producer and consumer), every message in wire order, a note where each step begins.
 * Pure: the trace in, the diagram's text out. Text from the wire is cut and written with
 * Mermaid's entity codes, so it cannot end a statement or start a directive.
 */
import type { Messages } from '../core/messages/en.js';
import type { AmqpFrameItem } from '../wire/amqp-frames.js';
import type { HttpExchange, Trace, WireItem } from '../wire/trace.js';
import type { WebSocketFrameItem } from '../wire/websocket-frames.js';

/** Messages drawn per step; the rest are counted in a note. A slide has no room for more. */
export const maxMessagesPerStep = 40;
/** Characters of a payload or target shown beside an arrow. */
const maxLabel = 48;

interface Lane {
  id: string;
  name: string;
  /** Consumers stand right of the broker, everyone else left of the server or broker. */
  side: 'left' | 'right';
}

interface Arrow {
  from: string;
  to: string;
  /** ->> a request or a frame sent, -->> an answer, --x a request left without one. */
  kind: '->>' | '-->>' | '--x';
  text: string;
}

export function renderMermaid(trace: Trace, words: Messages): string {
  const items = trace.steps.flatMap((step) => step.items);
  const lanes = lanesOf(items, words);
  const hub = items.some((item) => item.kind === 'amqp-frame') ? 'B' : 'S';
  const order = [
    ...[...lanes.values()].filter((lane) => lane.side === 'left'),
    { id: hub, name: hub === 'B' ? words.amqp.broker : words.mermaid.server, side: 'left' as const },
    ...[...lanes.values()].filter((lane) => lane.side === 'right'),
  ];
  const unique = [...new Map(order.map((lane) => [lane.id, lane])).values()];
  const out = ['sequenceDiagram', ...unique.map((lane) => `  participant ${lane.id} as ${text(lane.name)}`)];
  const span = `${unique[0]!.id},${unique.at(-1)!.id}`;
  for (const step of trace.steps) {
    out.push(
      `  Note over ${span}: ${text(`${words.render.step({ index: step.index, total: trace.steps.length })}: ${step.title}`)}`,
    );
    const arrows = step.items.flatMap((item) => arrowsOf(item, lanes, hub, words));
    for (const arrow of arrows.slice(0, maxMessagesPerStep)) {
      out.push(`  ${arrow.from}${arrow.kind}${arrow.to}: ${text(arrow.text)}`);
    }
    if (arrows.length > maxMessagesPerStep) {
      out.push(`  Note over ${span}: ${text(words.mermaid.more({ count: arrows.length - maxMessagesPerStep }))}`);
    }
    if (arrows.length === 0) out.push(`  Note over ${span}: ${text(words.mermaid.nothing)}`);
  }
  return out.join('\n') + '\n';
}

/** Who is on which connection: one client for plain HTTP, one lane per WebSocket client and per AMQP party. */
function lanesOf(items: readonly WireItem[], words: Messages): Map<number, Lane> {
  const upgraded = new Set(
    items
      .filter((item): item is HttpExchange => item.kind === 'http' && Boolean(item.upgraded))
      .map((e) => e.connection),
  );
  const lanes = new Map<number, Lane>();
  const client: Lane = { id: 'C', name: words.mermaid.client, side: 'left' };
  for (const item of items) {
    if (lanes.has(item.connection)) continue;
    if (item.kind === 'amqp-frame') {
      const name = item.party?.name ?? words.amqp.connection({ id: item.connection });
      const same = [...lanes.values()].find((lane) => lane.name === name);
      lanes.set(
        item.connection,
        same ?? { id: `P${item.connection}`, name, side: item.party?.role === 'consumer' ? 'right' : 'left' },
      );
    } else if (upgraded.has(item.connection) || item.kind === 'ws-frame') {
      lanes.set(item.connection, {
        id: `W${item.connection}`,
        name: words.mermaid.wsClient({ id: item.connection }),
        side: 'left',
      });
    } else lanes.set(item.connection, client);
  }
  return lanes;
}

function arrowsOf(item: WireItem, lanes: Map<number, Lane>, hub: string, words: Messages): Arrow[] {
  const lane = lanes.get(item.connection)!.id;
  const up = (text: string): Arrow => ({ from: lane, to: hub, kind: '->>', text });
  const down = (text: string): Arrow => ({ from: hub, to: lane, kind: '-->>', text });
  switch (item.kind) {
    case 'http': {
      const request = up(`${item.request.method} ${cut(item.request.target)}`);
      if (!item.response) return [request, { from: hub, to: lane, kind: '--x', text: words.mermaid.noResponse }];
      const size = item.response.contentBytes > 0 ? ` · ${item.response.contentBytes} B` : '';
      return [request, down(`${item.response.status} ${item.response.statusText}${size}`)];
    }
    case 'ws-frame':
      return [(item.direction === 'up' ? up : down)(frameText(item))];
    case 'amqp-frame': {
      const label = amqpText(item);
      return label === undefined ? [] : [(item.direction === 'up' ? up : down)(label)];
    }
    case 'undecoded':
      return [
        (item.direction === 'up' ? up : down)(words.render.undecoded({ bytes: item.bytes, reason: item.reason })),
      ];
  }
}

function frameText(frame: WebSocketFrameItem): string {
  if (frame.opcodeName === 'close') return `close ${frame.closeCode ?? ''}`.trim();
  if (frame.payloadText !== undefined) return `${frame.opcodeName} ${cut(frame.payloadText)}`;
  return `${frame.opcodeName} ${frame.payloadLength} B`;
}

/** Methods by name, bodies by their text; content headers and heartbeats add nothing a slide needs. */
function amqpText(frame: AmqpFrameItem): string | undefined {
  if (frame.frameType === 'method') return frame.method;
  if (frame.frameType === 'body') return `body ${cut(frame.body ?? '')}`;
  if (frame.frameType === 'protocol-header') return 'AMQP 0-9-1';
  if (frame.frameType === 'unknown') return frame.error ?? 'unknown';
  return undefined;
}

function cut(value: string): string {
  const chars = [...value];
  return chars.length > maxLabel ? `${chars.slice(0, maxLabel - 1).join('')}…` : value;
}

/**
 * Text for after a colon: on one line, with the characters Mermaid reads as syntax written
 * as entity codes ("#59;" for ";" ends no statement, "#35;" keeps "#" from starting one).
 */
export function text(value: string): string {
  return value
    .replace(controls, ' ')
    .replace(/[#;<>]/g, (c) => `#${c.charCodeAt(0)};`)
    .trim();
}

// eslint-disable-next-line no-control-regex -- control characters are what is replaced
const controls = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
