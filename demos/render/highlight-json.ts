import { span, type Line, type Span } from './lines.js';

/** Pretty-prints a JSON value two spaces deep, as styled lines. */
export function jsonLines(value: unknown): Line[] {
  const lines: Line[] = [];
  write(value, 0, [], []);
  return lines;

  function write(v: unknown, depth: number, prefix: Span[], suffix: Span[]): void {
    const pad = span('  '.repeat(depth));
    if (Array.isArray(v) || (v !== null && typeof v === 'object')) {
      const entries: Array<[string | undefined, unknown]> = Array.isArray(v)
        ? v.map((item) => [undefined, item])
        : Object.entries(v as Record<string, unknown>);
      const [open, close] = Array.isArray(v) ? ['[', ']'] : ['{', '}'];
      if (entries.length === 0) {
        lines.push([pad, ...prefix, span(open + close, 'punct'), ...suffix]);
        return;
      }
      lines.push([pad, ...prefix, span(open, 'punct')]);
      entries.forEach(([key, item], i) => {
        const keySpans = key === undefined ? [] : [span(JSON.stringify(key), 'key'), span(': ', 'punct')];
        const comma = i < entries.length - 1 ? [span(',', 'punct')] : [];
        write(item, depth + 1, keySpans, comma);
      });
      lines.push([pad, span(close, 'punct'), ...suffix]);
      return;
    }
    lines.push([pad, ...prefix, scalar(v), ...suffix]);
  }
}

function scalar(v: unknown): Span {
  if (typeof v === 'string') return span(JSON.stringify(v), 'string');
  if (typeof v === 'number') return span(String(v), 'number');
  return span(JSON.stringify(v) ?? 'null', 'literal');
}
