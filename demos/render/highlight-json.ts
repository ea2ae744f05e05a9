/**
 * JSON pretty-printed two spaces deep, as styled lines. Iterative with an explicit
 * stack, so no nesting depth can overflow the call stack; values deeper than
 * `maxDepth` are shown as {…} or […]; after `maxLines` lines it only counts.
 */
import type { BodyLimits, BoundedLines } from './body-limits.js';
import { span, type Line, type Span } from './lines.js';

const unlimited: Pick<BodyLimits, 'maxLines' | 'maxDepth'> = { maxLines: Infinity, maxDepth: Infinity };

interface Frame {
  entries: Array<[string | undefined, unknown]>;
  next: number;
  depth: number;
  close: string;
  /** What follows the closing bracket: a comma when the container is not its parent's last entry. */
  suffix: Span[];
}

/** Pretty-prints a JSON value as styled lines (all of them). */
export function jsonLines(value: unknown): Line[] {
  return boundedJsonLines(value, unlimited).lines;
}

/** At most `limits.maxLines` lines, and the number the whole value would take. */
export function boundedJsonLines(
  value: unknown,
  limits: Pick<BodyLimits, 'maxLines' | 'maxDepth'>,
): BoundedLines & { deep: boolean } {
  const lines: Line[] = [];
  let total = 0;
  let deep = false;
  const push = (line: () => Line) => {
    if (total++ < limits.maxLines) lines.push(line());
  };
  const stack: Frame[] = [];

  // Writes one value; a non-empty container opens a frame whose entries follow.
  const write = (v: unknown, depth: number, prefix: Span[], suffix: Span[]) => {
    const pad = () => span('  '.repeat(depth));
    if (v === null || typeof v !== 'object') {
      push(() => [pad(), ...prefix, scalar(v), ...suffix]);
      return;
    }
    const isArray = Array.isArray(v);
    const [open, close] = isArray ? ['[', ']'] : ['{', '}'];
    const entries: Array<[string | undefined, unknown]> = isArray
      ? (v as unknown[]).map((item) => [undefined, item])
      : Object.entries(v as Record<string, unknown>);
    if (entries.length === 0) {
      push(() => [pad(), ...prefix, span(open + close, 'punct'), ...suffix]);
      return;
    }
    if (depth >= limits.maxDepth) {
      deep = true;
      push(() => [pad(), ...prefix, span(open, 'punct'), span('…', 'warn'), span(close, 'punct'), ...suffix]);
      return;
    }
    push(() => [pad(), ...prefix, span(open, 'punct')]);
    stack.push({ entries, next: 0, depth, close, suffix });
  };

  write(value, 0, [], []);
  while (stack.length > 0) {
    if (total >= limits.maxLines) {
      // Nothing more is shown: the rest is only counted, without building a line.
      const seen = { deep };
      for (const frame of stack) {
        for (let i = frame.next; i < frame.entries.length; i++)
          total += countLines(frame.entries[i]![1], frame.depth + 1, limits.maxDepth, seen);
        total++;
      }
      deep = seen.deep;
      break;
    }
    const frame = stack.at(-1)!;
    if (frame.next === frame.entries.length) {
      stack.pop();
      push(() => [span('  '.repeat(frame.depth)), span(frame.close, 'punct'), ...frame.suffix]);
      continue;
    }
    const i = frame.next++;
    const [key, item] = frame.entries[i]!;
    const keySpans = key === undefined ? [] : [span(JSON.stringify(key), 'key'), span(': ', 'punct')];
    const comma = i < frame.entries.length - 1 ? [span(',', 'punct')] : [];
    write(item, frame.depth + 1, keySpans, comma);
  }
  return { lines, total, deep };
}

/** Lines `v` takes when printed at `depth`, as write() lays them out; iterative, allocation-light. */
function countLines(v: unknown, depth: number, maxDepth: number, seen: { deep: boolean }): number {
  let count = 0;
  const pending: Array<[unknown, number]> = [[v, depth]];
  while (pending.length > 0) {
    const [value, at] = pending.pop()!;
    if (value === null || typeof value !== 'object') {
      count++;
      continue;
    }
    const children = Array.isArray(value) ? value : Object.values(value as Record<string, unknown>);
    if (children.length === 0 || at >= maxDepth) {
      if (children.length > 0) seen.deep = true;
      count++;
      continue;
    }
    count += 2;
    for (const child of children) pending.push([child, at + 1]);
  }
  return count;
}

function scalar(v: unknown): Span {
  if (typeof v === 'string') return span(JSON.stringify(v), 'string');
  if (typeof v === 'number') return span(String(v), 'number');
  return span(JSON.stringify(v) ?? 'null', 'literal');
}
