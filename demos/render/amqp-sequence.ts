/**
 * AMQP frames as a sequence diagram: one lane per party (producers left of the broker,
 * consumers right), one arrow per frame or message, time running down. Several parties
 * talk through one broker, which request/response columns cannot show.
 *
 *     ms    B  producer  broker    worker 1
 *    0.0  972  │◀═══════▶│            connection set-up: AMQP 0-9-1, PLAIN login as guest, …
 *   19.6  143  ├────────▶│            Basic.Publish exchange="" routingKey=orders · 3 frames
 *              │         │              body, 68 B: { "order": 1, … }
 *   21.0  158  │         ├────────▶│  Basic.Deliver consumerTag=worker-1 deliveryTag=1 redelivered=false
 */
import { amqpEvents, eventBytes, eventItems, type AmqpEvent } from './amqp-events.js';
import { bodyView, methodSpans, pair, propertySpans, setUpText } from './amqp-labels.js';
import { drawArrow, GAP, header, lanesOf, layout, leadColumns, toSpans, type LaneCell } from './amqp-lanes.js';
import { capLine } from './body-limits.js';
import { span, wrap, type Line, type Span } from './lines.js';
import type { RenderOptions } from './options.js';
import type { Style } from './theme.js';
import type { AmqpFrameItem } from '../wire/amqp-frames.js';

export function renderAmqpSequence(items: AmqpFrameItem[], options: RenderOptions): Line[] {
  if (items.length === 0) return [];
  const words = options.messages;
  const fold = !options.full && !options.raw;
  const events = amqpEvents(items, {
    fold,
    group: !options.raw,
    compact: fold && options.compact !== undefined,
    ...(options.keepMethods ? { keepMethods: options.keepMethods } : {}),
  });
  const { lanes, broker } = lanesOf(events, words);
  const laneOf = (connection: number) => lanes.findIndex((lane) => lane.connection === connection);

  const {
    times,
    sizes,
    width: leadWidth,
    lead,
  } = leadColumns(
    items[0]!.at,
    events.map((event) => ({ at: eventItems(event)[0]!.at, bytes: eventBytes(event) })),
    words,
  );
  const { step, labelWidth } = layout(lanes, leadWidth, options.width);
  const gutterWidth = (lanes.length - 1) * step + 1;

  const gutter = (row: number, arrow?: { from: number; to: number; style: Style; both?: boolean }): Span[] => {
    const cells: LaneCell[] = Array.from({ length: gutterWidth }, () => ({ ch: ' ' }));
    lanes.forEach((lane, i) => {
      if (row >= lane.from && row <= lane.to) cells[i * step] = { ch: '│', style: 'rule' };
    });
    if (arrow) drawArrow(cells, arrow.from * step, arrow.to * step, arrow.style, arrow.both ?? false);
    return toSpans(cells);
  };
  const row = (leading: Span[], gutterSpans: Span[], label: Line): Line => [
    ...leading,
    ...gutterSpans,
    span(GAP),
    ...label,
  ];

  // A message already shown (published, then delivered) and a set-up like the one above are said once.
  const repeats = { bodies: new Map<string, string>(), setUps: new Set<string>() };
  const lines: Line[] = header(lanes, step, lead, labelWidth + gutterWidth + GAP.length, words);
  events.forEach((event, index) => {
    const first = eventItems(event)[0]!;
    const lane = laneOf(first.connection);
    const both = event.kind !== 'frame';
    const up = first.direction === 'up';
    // A pair keeps the colour of who asked; a run's count has no arrow of its own.
    const arrow =
      event.kind === 'more'
        ? undefined
        : {
            from: both || up ? lane : broker,
            to: both || up ? broker : lane,
            style: (event.kind === 'frame' || event.kind === 'pair' ? first.direction : 'dim') as Style,
            both,
          };
    const label = mainLabel(event, items, options, repeats.setUps);
    // On a small screen every arrow keeps to one line: what is cut, f shows.
    const [main, ...more] = options.compact ? [capLine(label, labelWidth - 1)] : wrap(label, labelWidth);
    const body =
      event.kind === 'frame' && event.bodies.length > 0 ? event.bodies.map((b) => b.body).join('') : undefined;
    const shownAt = body !== undefined && !options.full ? repeats.bodies.get(body) : undefined;
    if (body !== undefined && !repeats.bodies.has(body)) repeats.bodies.set(body, times[index]!);
    lines.push(row(lead(times[index], sizes[index]), gutter(index, arrow), main!));
    const rest = [
      ...more,
      ...contentLines(event, options, labelWidth - 2, shownAt, options.compact ? 1 : 2).flatMap((line) =>
        wrap([span('  '), ...line], labelWidth),
      ),
    ];
    for (const line of rest) lines.push(row(lead(), gutter(index), line));
  });
  if (fold && events.some((event) => event.kind !== 'frame')) {
    lines.push(...wrap([span(words.amqp.folded, 'dim')], options.width));
  }
  return lines;
}

function mainLabel(event: AmqpEvent, all: AmqpFrameItem[], options: RenderOptions, setUps: Set<string>): Line {
  const words = options.messages.amqp;
  const count = eventItems(event).length;
  const frames = count > 1 ? [span(` · ${words.frames({ frames: count })}`, 'dim')] : [];
  if (event.kind === 'pair') return pairLabel(event.items, options);
  if (event.kind === 'more') {
    const method = event.items[0]?.method ?? '';
    return [
      span(words.moreLikeThese({ count: event.items.filter((i) => i.frameType === 'method').length, method }), 'dim'),
    ];
  }
  if (event.kind !== 'frame') {
    if (event.kind === 'closed') return [span(words.closed, 'dim'), ...frames];
    const text = setUpText(event.items, options.messages);
    const again = setUps.has(text);
    setUps.add(text);
    return [span(again ? words.setUpAgain : text, 'dim'), ...frames];
  }
  const { item } = event;
  const channel = usesChannels(all, item.connection)
    ? [span(`${words.channel({ channel: item.channel })} `, 'dim')]
    : [];
  const raw =
    options.raw && item.frameType !== 'protocol-header'
      ? [span(` ${words.rawFrame({ type: frameTypeCode(item), channel: item.channel })}`, 'dim')]
      : [];
  const error = item.error ? [span(` ${item.error}`, 'warn')] : [];
  return [...channel, ...frameWords(item, options), ...error, ...raw, ...frames];
}

/**
 * A method and its reply on one arrow: "Queue.Declare queue=orders ⇄ DeclareOk messageCount=0";
 * the reply's class is the request's, and what the request said is not said again. Several
 * pairs in a row: "Queue.Declare ⇄ DeclareOk, Queue.Bind ⇄ BindOk … queue=sci-fi".
 */
function pairLabel(items: AmqpFrameItem[], options: RenderOptions): Span[] {
  const pairs = Array.from({ length: items.length / 2 }, (_v, i) => [items[2 * i]!, items[2 * i + 1]!] as const);
  const short = (item: AmqpFrameItem) => (item.method ?? '').replace(/^\w+\./, '');
  if (pairs.length === 1) {
    const [request, reply] = pairs[0]!;
    // A field the request already said with the same value is not said again.
    const news = Object.entries(reply.fields ?? {}).filter(([key, value]) => request.fields?.[key] !== value);
    const [name, ...fields] = methodSpans({ ...reply, fields: Object.fromEntries(news) }, options.full);
    return [...methodSpans(request, options.full), span(' ⇄ ', 'dim'), { ...name!, text: short(reply) }, ...fields];
  }
  const names = pairs.flatMap(([request], i) => [
    ...(i > 0 ? [span(', ', 'dim')] : []),
    methodSpans(request, options.full)[0]!,
  ]);
  // The queue they are about, once.
  const queue = pairs.map(([request]) => request.fields?.queue).find((q) => typeof q === 'string' && q !== '');
  return [
    ...names,
    span(` (${options.messages.amqp.eachWithOk})`, 'dim'),
    ...(queue ? pair('queue', queue, 'dim') : []),
  ];
}

function frameWords(item: AmqpFrameItem, options: RenderOptions): Span[] {
  const words = options.messages.amqp;
  switch (item.frameType) {
    case 'method':
      return methodSpans(item, options.full);
    case 'header':
      return [
        span(words.contentHeader, 'bold'),
        span(` bodySize=${item.bodySize}`, 'dim'),
        ...spaced(propertySpans(item, options.messages)),
      ];
    case 'body':
      return [
        span(words.body({ bytes: item.bodySize ?? 0 }), 'dim'),
        span(' '),
        ...bodyView([item], '', options.full, 200)[0]!,
      ];
    case 'protocol-header': {
      const f = item.fields ?? {};
      return [span(words.protocolHeader({ version: `${f.major}-${f.minor}-${f.revision}` }), 'bold')];
    }
    case 'heartbeat':
      return [span(words.heartbeat, 'dim')];
    default:
      return [];
  }
}

/** A message's properties and body, under its method line. */
function contentLines(
  event: AmqpEvent,
  options: RenderOptions,
  width: number,
  shownAt: string | undefined,
  bodyRows: number,
): Line[] {
  if (event.kind !== 'frame' || !event.header) return [];
  const properties = propertySpans(event.header, options.messages);
  const contentType = String(event.header.properties?.contentType ?? '');
  const bodyBytes = event.bodies.reduce((sum, b) => sum + (b.bodySize ?? 0), 0);
  const label = span(`${options.messages.amqp.body({ bytes: bodyBytes })} `, 'dim');
  // On a small screen a message shown before (published, now delivered) is not shown again.
  if (shownAt !== undefined && bodyRows === 1) return [];
  const body =
    shownAt !== undefined
      ? [[span(options.messages.amqp.sameBody({ at: shownAt }), 'dim')]]
      : event.bodies.length > 0
        ? bodyView(event.bodies, contentType, options.full, width * bodyRows - label.text.length)
        : [];
  const lines: Line[] = properties.length > 0 ? [properties] : [];
  if (body.length === 1) lines.push([label, ...body[0]!]);
  else if (body.length > 1) lines.push([label], ...body);
  return lines;
}

function spaced(spans: Span[]): Span[] {
  return spans.length > 0 ? [span(' '), ...spans] : [];
}

/** Channel numbers matter only when a connection uses more than one channel. */
function usesChannels(items: AmqpFrameItem[], connection: number): boolean {
  return new Set(items.filter((i) => i.connection === connection && i.channel > 0).map((i) => i.channel)).size > 1;
}

/** §4.2.3 frame types; the protocol header is not a frame. */
function frameTypeCode(item: AmqpFrameItem): string {
  return { method: '1', header: '2', body: '3', heartbeat: '8', 'protocol-header': '-', unknown: '?' }[item.frameType];
}
