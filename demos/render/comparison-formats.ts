/** `compare --markdown` and `--csv`: the same facts as flat rows, for slides and scripts. */
import type { Cell, Comparison } from '../compare/types.js';
import type { Messages } from '../core/messages/en.js';
import type { NumberWords } from '../core/numbers.js';
import { blockNotes, markerOf, type NoteRow } from './comparison-notes.js';

const columns = [
  'useCase',
  'paradigm',
  'fit',
  'roundTrips',
  'connections',
  'bytesUp',
  'overheadUp',
  'payloadUp',
  'bytesDown',
  'overheadDown',
  'payloadDown',
  'fieldsReceived',
  'fieldsNeeded',
  'latencyMs',
  'note',
  'credentialsBytes',
  'pollIntervalMs',
] as const;

type FlatRow = Record<(typeof columns)[number], string>;

const emptyRow = Object.fromEntries(columns.map((c) => [c, ''])) as FlatRow;

function flatten(comparison: Comparison, words: Messages['compare']): FlatRow[] {
  const rows: FlatRow[] = [];
  const blocks = [{ id: 0, title: words.setup, cells: comparison.setup }, ...comparison.useCases];
  for (const block of blocks) {
    for (const paradigm of comparison.paradigms) {
      const cell: Cell | undefined = block.cells[paradigm];
      if (!cell) continue;
      const measured = cell.fit === true ? toFlat(cell.measurement) : undefined;
      rows.push({
        ...(measured ?? emptyRow),
        useCase: block.id ? `${block.id} ${block.title}` : block.title,
        paradigm: words.paradigms[paradigm],
        fit: cell.fit === true ? 'yes' : cell.fit === false ? 'no' : 'skipped',
        note: cell.fit === true ? (measured?.note ?? '') : cell.reason,
      });
    }
  }
  return rows;
}

/** RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled. */
export function comparisonCsv(comparison: Comparison, words: Messages['compare']): string {
  const quote = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  const lines = [
    columns.join(','),
    ...flatten(comparison, words).map((row) => columns.map((c) => quote(row[c])).join(',')),
  ];
  return lines.join('\r\n') + '\r\n';
}

/**
 * Markdown for slides. A paradigm that does not fit a use case (or was skipped) says so
 * once, in the block's first row, with the reason as a footnote (GFM footnotes): the
 * other rows of its column stay "—". One footnote per distinct reason.
 */
export function comparisonMarkdown(comparison: Comparison, words: Messages['compare'], numbers: NumberWords): string {
  const escape = (value: string) => value.replace(/\|/g, '\\|');
  const head = ['', ...comparison.paradigms.map((p) => words.paradigms[p])];
  const out: string[] = [`# ${words.heading}`, '', words.roundTripMeaning, ''];
  const footnotes = new Map<string, number>();
  const footnote = (reason: string) => {
    if (!footnotes.has(reason)) footnotes.set(reason, footnotes.size + 1);
    return `[^${footnotes.get(reason)}]`;
  };
  const blocks = [{ id: 0, title: words.setup, cells: comparison.setup }, ...comparison.useCases];
  for (const block of blocks) {
    out.push(
      `## ${block.id ? `${block.id}. ` : ''}${block.title}`,
      '',
      `| ${head.join(' | ')} |`,
      `|${head.map(() => ' --- ').join('|')}|`,
    );
    const value = (p: (typeof comparison.paradigms)[number], pick: (row: FlatRow) => string, first: boolean) => {
      const cell = block.cells[p];
      if (!cell) return '';
      if (cell.fit !== true) {
        if (!first) return '—';
        return `— ${cell.fit === false ? words.notAFitLabel : words.skippedLabel}${footnote(cell.reason)}`;
      }
      return pick(toShown(cell.measurement, numbers));
    };
    const notes = blockNotes(block, comparison.paradigms, words, numbers);
    const rowsSpec: Array<[string, (row: FlatRow) => string, NoteRow?]> = [
      [words.rows.roundTrips, (r) => r.roundTrips],
      [words.rows.connections, (r) => r.connections],
      [words.rows.bytesUp, (r) => `${r.bytesUp} (${r.overheadUp} + ${r.payloadUp})`, 'bytesUp'],
      [words.rows.bytesDown, (r) => `${r.bytesDown} (${r.overheadDown} + ${r.payloadDown})`],
      [words.rows.fields, (r) => (r.fieldsReceived ? `${r.fieldsReceived} / ${r.fieldsNeeded}` : ''), 'fields'],
      [words.rows.latency, (r) => r.latencyMs, 'latency'],
      [words.rows.note, (r) => r.note],
    ];
    rowsSpec.forEach(([label, pick, noteRow], i) => {
      const cells = comparison.paradigms.map((p) => {
        const text = value(p, pick, i === 0);
        const marker = noteRow && text && block.cells[p]?.fit === true ? markerOf(notes, noteRow, p) : '';
        return text + marker;
      });
      out.push(`| ${[label, ...cells].map(escape).join(' | ')} |`);
    });
    out.push('');
    if (notes.length > 0) out.push(...notes.map((note) => `${note.marker} ${note.text}`), '');
  }
  for (const [reason, n] of footnotes) out.push(`[^${n}]: ${reason.replace(/\s+/g, ' ')}`);
  if (footnotes.size > 0) out.push('');
  return out.join('\n');
}

type Measured = NonNullable<Extract<Cell, { fit: true }>['measurement']>;

/** The same row as the language writes it, for slides (CSV keeps plain numbers for scripts). */
function toShown(m: Measured, n: NumberWords): FlatRow {
  const s = (v: number | null) => (v === null ? '' : n.integer(v));
  return {
    ...toFlat(m),
    roundTrips: s(m.roundTrips),
    connections: s(m.connections),
    bytesUp: n.bytes(m.up.total),
    overheadUp: s(m.up.overhead),
    payloadUp: s(m.up.payload),
    bytesDown: n.bytes(m.down.total),
    overheadDown: s(m.down.overhead),
    payloadDown: s(m.down.payload),
    fieldsReceived: s(m.fieldsReceived),
    fieldsNeeded: s(m.fieldsNeeded),
    latencyMs: n.msUnit(m.latencyMs, 2),
  };
}

function toFlat(m: Measured): FlatRow {
  const s = (v: number | null) => (v === null ? '' : String(v));
  return {
    useCase: '',
    paradigm: '',
    fit: 'yes',
    roundTrips: s(m.roundTrips),
    connections: s(m.connections),
    bytesUp: s(m.up.total),
    overheadUp: s(m.up.overhead),
    payloadUp: s(m.up.payload),
    bytesDown: s(m.down.total),
    overheadDown: s(m.down.overhead),
    payloadDown: s(m.down.payload),
    fieldsReceived: s(m.fieldsReceived),
    fieldsNeeded: s(m.fieldsNeeded),
    latencyMs: s(m.latencyMs),
    note: m.note ?? '',
    credentialsBytes: m.credentials ? String(m.credentials.bytes) : '',
    pollIntervalMs: m.polling ? String(m.polling.intervalMs) : '',
  };
}
