import { span, type Line, type Span } from './lines.js';
import type { Style } from './theme.js';

// A small tokenizer is enough for colour; the real parsing happens in the server.
const token =
  /(#[^\n]*)|("""[\s\S]*?"""|"(?:\\.|[^"\\])*")|(\$[_A-Za-z][_0-9A-Za-z]*)|(@[_A-Za-z][_0-9A-Za-z]*)|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|([_A-Za-z][_0-9A-Za-z]*)|([{}()[\]:!=,|&]|\.\.\.)|(\s+)|(.)/g;
const keywords = new Set([
  'query',
  'mutation',
  'subscription',
  'fragment',
  'on',
  'type',
  'input',
  'enum',
  'schema',
  'interface',
  'union',
  'scalar',
  'extend',
  'directive',
  'implements',
]);
const literals = new Set(['true', 'false', 'null']);

/** GraphQL source as styled lines, one per source line. */
export function graphqlLines(source: string): Line[] {
  return source.split('\n').map((text) => {
    const spans: Span[] = [];
    for (const m of text.matchAll(token)) {
      const [whole, comment, str, variable, directive, num, name, punct] = m;
      const style: Style | undefined = comment
        ? 'dim'
        : str
          ? 'string'
          : variable
            ? 'variable'
            : directive
              ? 'attr'
              : num
                ? 'number'
                : name
                  ? keywords.has(name)
                    ? 'keyword'
                    : literals.has(name)
                      ? 'literal'
                      : 'name'
                  : punct
                    ? 'punct'
                    : undefined;
      spans.push(span(whole, style));
    }
    return spans;
  });
}
