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

function scalar(v: unknown): Span {
  if (typeof v === 'string') return span(JSON.stringify(v), 'string');
  if (typeof v === 'number') return span(String(v), 'number');
  return span(JSON.stringify(v) ?? 'null', 'literal');
}
