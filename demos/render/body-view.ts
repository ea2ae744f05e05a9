import { graphqlLines } from './highlight-graphql.js';
import { jsonLines } from './highlight-json.js';
import { xmlView } from './highlight-xml.js';
import { span, type Line } from './lines.js';

/** A viewer for one kind of body: the first that recognises it draws it. */
type BodyViewer = (body: string, contentType: string) => Line[] | undefined;

const viewers: BodyViewer[] = [graphqlRequestView, jsonView, xmlView];

/** The body, pretty-printed and styled by its content type; plain text otherwise. */
export function bodyLines(body: string, contentType: string): Line[] {
  if (body === '') return [];
  for (const viewer of viewers) {
    const lines = viewer(body, contentType);
    if (lines) return lines;
  }
  return body.split(/\r?\n/).map((text) => [span(text)]);
}

function parseJson(body: string, contentType: string): unknown {
  if (!/[/+]json\b/i.test(contentType)) return undefined;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}

function jsonView(body: string, contentType: string): Line[] | undefined {
  const value = parseJson(body, contentType);
  return value === undefined ? undefined : jsonLines(value);
}

/**
 * A GraphQL-over-HTTP request carries the document as a JSON string; shown as
 * GraphQL it can be read, and the other members (variables, operationName) as JSON.
 */
function graphqlRequestView(body: string, contentType: string): Line[] | undefined {
  const value = parseJson(body, contentType);
  if (!value || typeof value !== 'object' || typeof (value as { query?: unknown }).query !== 'string') return undefined;
  const { query, ...rest } = value as { query: string } & Record<string, unknown>;
  const lines: Line[] = [[span('query:', 'dim')], ...graphqlLines(query.trim()).map((l) => [span('  '), ...l])];
  for (const [key, member] of Object.entries(rest)) {
    const [first = [], ...more] = jsonLines(member);
    lines.push([span(`${key}: `, 'dim'), ...first], ...more);
  }
  return lines;
}
