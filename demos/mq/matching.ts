/**
 * Why a message went where it went: topic patterns and header bindings, matched the way
 * the AMQP 0-9-1 spec describes ("The Topic Exchange Type", "The Headers Exchange Type").
 * The broker does the real routing; this only explains what the wire shows.
 */

/** What each wildcard took, e.g. ["# = scifi.added"]; undefined when the key does not match. */
export function topicMatch(pattern: string, key: string): string[] | undefined {
  return match(pattern.split('.'), key.split('.'));
}

function match(pattern: string[], words: string[]): string[] | undefined {
  const [head, ...rest] = pattern;
  if (head === undefined) return words.length === 0 ? [] : undefined;
  if (head === '#') {
    // "#" takes zero or more words: try the shortest first, as a reader would.
    for (let take = 0; take <= words.length; take++) {
      const tail = match(rest, words.slice(take));
      if (tail) return [`# = ${take === 0 ? '∅' : words.slice(0, take).join('.')}`, ...tail];
    }
    return undefined;
  }
  const [word, ...others] = words;
  if (word === undefined) return undefined;
  if (head === '*') {
    const tail = match(rest, others);
    return tail && [`* = ${word}`, ...tail];
  }
  return head === word ? match(rest, others) : undefined;
}

/** A headers binding: x-match all (every header must be equal) or any (one is enough). */
export function headersMatch(
  binding: Record<string, unknown>,
  headers: Record<string, unknown>,
): { matched: boolean; equal: string[] } {
  const wanted = Object.entries(binding).filter(([key]) => !key.startsWith('x-'));
  const equal = wanted
    .filter(([key, value]) => headers[key] === value)
    .map(([key, value]) => `${key}=${String(value)}`);
  const all = binding['x-match'] !== 'any';
  return { matched: all ? equal.length === wanted.length : equal.length > 0, equal };
}
