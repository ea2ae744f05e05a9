/**
 * What a number in `compare` does not say by itself, as notes under a use case's table
 * (a marker beside the numbers, the note under them): credentials that only some
 * paradigms send, a latency set by a polling interval, fields "needed 0" because the
 * client already has them. Built from the measurements, never typed in.
 */
import type { Cell, ParadigmId } from '../compare/types.js';
import type { Messages } from '../core/messages/en.js';
import type { NumberWords } from '../core/numbers.js';

/** The rows of the comparison a note can point at. */
export type NoteRow = 'bytesUp' | 'fields' | 'latency';

export interface BlockNote {
  marker: string;
  row: NoteRow;
  paradigms: ParadigmId[];
  text: string;
}

const markers = ['¹', '²', '³', '⁴'];

/**
 * Notes for one block. Credentials are compared in the use cases only: at set-up an AMQP
 * client logs in with Connection.StartOk, whose secret the trace never keeps, so "sends
 * none" could not be said of it there.
 */
export function blockNotes(
  block: { id: number; cells: Partial<Record<ParadigmId, Cell>> },
  paradigms: readonly ParadigmId[],
  words: Messages['compare'],
  numbers: NumberWords,
): BlockNote[] {
  const measured = paradigms.flatMap((p) => {
    const cell = block.cells[p];
    return cell?.fit === true ? [[p, cell.measurement] as const] : [];
  });
  const name = (p: ParadigmId) => words.paradigms[p];
  const notes: Array<Omit<BlockNote, 'marker'>> = [];

  const sending = measured.filter(([, m]) => m.credentials);
  if (block.id > 0 && sending.length > 0) {
    const silent = measured.filter(([, m]) => !m.credentials).map(([p]) => name(p));
    notes.push({
      row: 'bytesUp',
      paradigms: sending.map(([p]) => p),
      text: words.notes.credentials({
        sending: sending
          .map(([p, m]) =>
            words.notes.credential({ paradigm: name(p), kind: m.credentials!.kind, bytes: m.credentials!.bytes }),
          )
          .join('; '),
        silent: listed(silent, words.and),
      }),
    });
  }

  for (const [p, m] of measured) {
    if (!m.polling) continue;
    notes.push({
      row: 'latency',
      paradigms: [p],
      text: words.notes.polling({
        paradigm: name(p),
        interval: numbers.msTrimmed(m.polling.intervalMs),
        half: numbers.msTrimmed(m.polling.intervalMs / 2),
        points: m.polling.byInterval
          .map((point) =>
            words.notes.point({
              interval: numbers.msTrimmed(point.intervalMs),
              latency: numbers.msTrimmed(point.latencyMs),
            }),
          )
          .join(', '),
      }),
    });
  }

  const nothingNeeded = measured.filter(([, m]) => m.fieldsNeeded === 0 && m.fieldsReceived !== null);
  if (nothingNeeded.length > 0) {
    notes.push({
      row: 'fields',
      paradigms: nothingNeeded.map(([p]) => p),
      text: words.notes.nothingNeeded({
        resent: nothingNeeded
          .filter(([, m]) => (m.fieldsReceived ?? 0) > 0)
          .map(([p, m]) => words.notes.resent({ paradigm: name(p), fields: m.fieldsReceived! }))
          .join(', '),
      }),
    });
  }
  return notes.map((note, i) => ({ ...note, marker: markers[i] ?? `(${i + 1})` }));
}

/** The marker a cell's value carries in `row`, or ''. */
export function markerOf(notes: readonly BlockNote[], row: NoteRow, paradigm: ParadigmId): string {
  return notes
    .filter((note) => note.row === row && note.paradigms.includes(paradigm))
    .map((note) => note.marker)
    .join('');
}

function listed(names: string[], and: string): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} ${and} ${names.at(-1)}`;
}
