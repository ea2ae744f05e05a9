/**
 * A body as styled lines, chosen by its content type (GraphQL request, JSON, XML,
 * else plain text). Bounded before any work: see body-limits.ts. Every span that
 * carries wire text is escaped here (escape.ts), so widths are measured on what is shown.
 */
import { bodyLimits, capLine, firstLines, shortLimits, type BodyLimits, type BoundedLines } from './body-limits.js';
import { escapeLine } from './escape.js';
import { graphqlLines } from './highlight-graphql.js';
import { boundedJsonLines } from './highlight-json.js';
import { xmlView } from './highlight-xml.js';
import { span, type Line } from './lines.js';

/** A viewer for one kind of body: the first that recognises it draws it. */
type BodyViewer = (body: string, contentType: string, limits: BodyLimits) => Line[] | BoundedLines | undefined;

const viewers: BodyViewer[] = [graphqlRequestView, jsonView, xmlView];

/** What the view shows of one body, and what it left out. */
export interface BodyView {
  /** At most limits.maxLines lines, each at most limits.maxLineChars characters, escaped. */
  lines: Line[];
  /** Lines the whole (pretty-printed) body has; more than lines.length when cut. */
  total: number;
  /** Characters beyond limits.maxChars that were not looked at (then the start is shown as plain text). */
  skippedChars: number;
  /** Values nested deeper than limits.maxDepth were folded. */
  deep: boolean;
}

export function bodyView(body: string, contentType: string, limits: BodyLimits = shortLimits): BodyView {
  if (body === '') return { lines: [], total: 0, skippedChars: 0, deep: false };
  let result: BoundedLines & { deep?: boolean } = { lines: [], total: 0 };
  let skippedChars = 0;
  let viewed = false;
  if (body.length <= limits.maxChars) {
    for (const viewer of viewers) {
      const lines = viewer(body, contentType, limits);
      if (!lines) continue;
      result = Array.isArray(lines) ? { lines, total: lines.length } : lines;
      viewed = true;
      break;
    }
  } else skippedChars = body.length - limits.maxChars;
  if (!viewed) {
    const text = firstLines(skippedChars > 0 ? body.slice(0, limits.maxChars) : body, limits);
    result = { lines: text.lines.map((line) => [span(line)]), total: text.total };
  }
  return {
    lines: result.lines.slice(0, limits.maxLines).map((line) => escapeLine(capLine(line, limits.maxLineChars))),
    total: result.total,
    skippedChars,
    deep: Boolean(result.deep),
  };
}

/** The lines of a body (at most the short limits, or the full ones). */
export function bodyLines(body: string, contentType: string, full = false): Line[] {
  return bodyView(body, contentType, bodyLimits(full)).lines;
}

function parseJson(body: string, contentType: string): unknown {
  if (!/[/+]json\b/i.test(contentType)) return undefined;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}

function jsonView(
  body: string,
  contentType: string,
  limits: BodyLimits,
): (BoundedLines & { deep: boolean }) | undefined {
  const value = parseJson(body, contentType);
  return value === undefined ? undefined : boundedJsonLines(value, limits);
}

/**
 * A GraphQL-over-HTTP request carries the document as a JSON string; shown as
 * GraphQL it can be read, and the other members (variables, operationName) as JSON.
 */
function graphqlRequestView(
  body: string,
  contentType: string,
  limits: BodyLimits,
): (BoundedLines & { deep: boolean }) | undefined {
  const value = parseJson(body, contentType);
  if (!value || typeof value !== 'object' || typeof (value as { query?: unknown }).query !== 'string') return undefined;
  const { query, ...rest } = value as { query: string } & Record<string, unknown>;
  // Only the lines that can be shown are tokenized, each cut first.
  const source = firstLines(query.trim(), limits);
  const lines: Line[] = [[span('query:', 'dim')]];
  for (const text of source.lines) {
    lines.push([span('  '), ...graphqlLines(text.slice(0, limits.maxLineChars))[0]!]);
  }
  let total = 1 + source.total;
  let deep = false;
  for (const [key, member] of Object.entries(rest)) {
    const json = boundedJsonLines(member, { ...limits, maxLines: Math.max(0, limits.maxLines - lines.length) });
    const [first = [], ...more] = json.lines;
    if (json.lines.length > 0) lines.push([span(`${key}: `, 'dim'), ...first], ...more);
    total += json.total;
    deep ||= json.deep;
  }
  return { lines, total, deep };
}
