/**
 * The lanes of the AMQP sequence diagram: who stands where, how wide each lane is, the
 * names above the lifelines and the arrows between them. Pure layout, no AMQP.
 */
import type { Messages } from '../core/messages/en.js';
import { eventItems, type AmqpEvent } from './amqp-events.js';
import { span, type Line, type Span } from './lines.js';
import type { Style } from './theme.js';

/** Between the columns: time, bytes, lifelines, words. */
export const GAP = '  ';

export interface Lane {
  name: string;
  /** The connection drawn in this lane; none for the broker. */
  connection?: number;
  /** First and last row (event index) the party is alive in; the broker lives throughout. */
  from: number;
  to: number;
}

export interface LaneCell {
  ch: string;
  style?: Style;
}

/** Parties in order of appearance: producers (and parties without a role) left of the broker, consumers right. */
export function lanesOf(events: AmqpEvent[], t: Messages): { lanes: Lane[]; broker: number } {
  const seen = new Map<number, Lane & { role: string }>();
  events.forEach((event, row) => {
    for (const item of eventItems(event)) {
      const lane = seen.get(item.connection);
      if (lane) lane.to = row;
      else {
        const name = item.party?.name ?? t.amqp.connection({ id: item.connection });
        seen.set(item.connection, {
          name,
          connection: item.connection,
          from: row,
          to: row,
          role: item.party?.role ?? '',
        });
      }
    }
  });
  const parties = [...seen.values()];
  const left = parties.filter((lane) => lane.role !== 'consumer');
  const right = parties.filter((lane) => lane.role === 'consumer');
  const brokerLane: Lane = { name: t.amqp.broker, from: 0, to: events.length - 1 };
  return { lanes: [...left, brokerLane, ...right], broker: left.length };
}

/** The time and size columns left of the lifelines, one entry a row, right-aligned under their headings. */
export interface LeadColumns {
  times: string[];
  sizes: string[];
  /** Both columns and the gap between them. */
  width: number;
  /** A row's lead: its time and size, or blanks. */
  lead: (time?: string, size?: string) => Span[];
}

/** Each row's time since `start` and its size in bytes, as the lead columns show them. */
export function leadColumns(
  start: number,
  rows: ReadonlyArray<{ at: number; bytes: number }>,
  t: Messages,
): LeadColumns {
  const times = rows.map((row) => t.numbers.ms(row.at - start));
  const sizes = rows.map((row) => t.numbers.integer(row.bytes));
  const timeWidth = Math.max(t.amqp.ms.length, ...times.map((time) => time.length));
  const sizeWidth = Math.max(t.amqp.bytes.length, ...sizes.map((size) => size.length));
  const lead = (time = '', size = ''): Span[] => [
    span(time.padStart(timeWidth), 'dim'),
    span(GAP),
    span(size.padStart(sizeWidth), 'dim'),
    span(GAP),
  ];
  return { times, sizes, width: timeWidth + sizeWidth + GAP.length, lead };
}

/**
 * Columns per lane: wide enough for the names when the width allows, but the words
 * beside the arrows keep at least half of the line. At least 3 columns: │◀▶│.
 */
export function layout(lanes: Lane[], leadWidth: number, width: number): { step: number; labelWidth: number } {
  const gaps = Math.max(1, lanes.length - 1);
  const fixed = leadWidth + GAP.length * 2 + 1;
  const minLabel = Math.max(20, Math.floor(width * 0.5));
  const longest = Math.max(...lanes.slice(0, -1).map((lane) => [...lane.name].length));
  const wanted = Math.min(16, Math.max(5, longest + 2));
  const step = Math.max(3, Math.min(wanted, Math.floor((width - fixed - minLabel) / gaps)));
  const labelWidth = Math.max(10, width - fixed - (lanes.length - 1) * step);
  return { step, labelWidth };
}

/** Lane names over their lifelines: one row when they fit, else one row each, staggered. */
export function header(
  lanes: Lane[],
  step: number,
  lead: (time?: string, size?: string) => Span[],
  room: number,
  t: Messages,
): Line[] {
  const fits = lanes.every((lane, i) => i === lanes.length - 1 || [...lane.name].length < step);
  if (fits) {
    const line: Line = lead(t.amqp.ms, t.amqp.bytes);
    lanes.forEach((lane, i) => {
      const name = i === lanes.length - 1 ? lane.name : lane.name.padEnd(step);
      line.push(span(name, 'bold'));
    });
    return [line];
  }
  return lanes.map((lane, i) => {
    const line: Line = i === lanes.length - 1 ? lead(t.amqp.ms, t.amqp.bytes) : lead();
    for (let j = 0; j < i; j++) line.push(span('│', 'rule'), span(' '.repeat(step - 1)));
    const max = Math.max(1, room - i * step);
    const name = [...lane.name].length > max ? `${[...lane.name].slice(0, max - 1).join('')}…` : lane.name;
    line.push(span(name, 'bold'));
    return line;
  });
}

/** `├──────▶│` or `│◀──────┤`; folded exchanges both ways `│◀═════▶│`. */
export function drawArrow(cells: LaneCell[], from: number, to: number, style: Style, both: boolean): void {
  const [a, b] = from < to ? [from, to] : [to, from];
  for (let x = a + 1; x < b; x++) cells[x] = { ch: both ? '═' : '─', style };
  if (both) {
    cells[a + 1] = { ch: '◀', style };
    cells[b - 1] = { ch: '▶', style };
    return;
  }
  if (from < to) {
    cells[a] = { ch: '├', style };
    cells[b - 1] = { ch: '▶', style };
  } else {
    cells[b] = { ch: '┤', style };
    cells[a + 1] = { ch: '◀', style };
  }
}

export function toSpans(cells: LaneCell[]): Span[] {
  const spans: Span[] = [];
  for (const cell of cells) {
    const last = spans.at(-1);
    if (last && last.style === cell.style) last.text += cell.ch;
    else spans.push(span(cell.ch, cell.style));
  }
  return spans;
}
