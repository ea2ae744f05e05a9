/**
 * One line of progress, redrawn in place on a terminal: who runs, which phase, a bar
 * and the figures so far. It never reaches the last column, because a line that fills
 * the terminal wraps and carriage return would then redraw only its second half.
 */
import { barText } from './bar-chart.js';
import { span, type Line } from './lines.js';

export interface ProgressState {
  label: string;
  /** Width to pad labels to, so the bars of all rows start in the same column. */
  labelWidth: number;
  phase: string;
  phaseWidth: number;
  warmup: boolean;
  /** 0 … 1 */
  fraction: number;
  /** The figures so far: "1.8/3.0 s · 5,123 req/s". */
  detail: string;
}

const minCells = 10;
const maxCells = 40;

export function progressLine(state: ProgressState, width: number): Line {
  const label = state.label.padEnd(state.labelWidth);
  const phase = state.phase.padEnd(state.phaseWidth);
  const fixed = label.length + phase.length + state.detail.length + 8;
  const cells = Math.max(minCells, Math.min(maxCells, width - 1 - fixed));
  const fraction = Math.min(1, Math.max(0, state.fraction));
  const done = barText(fraction, 1, cells);
  const line: Line = [
    span(label, 'bold'),
    span('  '),
    span(phase, 'dim'),
    span('  ▕'),
    span(done, state.warmup ? 'dim' : 'number'),
    span('░'.repeat(cells - [...done].length), 'rule'),
    span('▏ '),
    span(state.detail, 'dim'),
  ];
  return truncate(line, width - 1);
}

function truncate(line: Line, max: number): Line {
  const out: Line = [];
  let room = max;
  for (const s of line) {
    if (room <= 0) break;
    const chars = [...s.text];
    out.push({ ...s, text: chars.slice(0, room).join('') });
    room -= chars.length;
  }
  return out;
}
