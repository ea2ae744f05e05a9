/**
 * Where a word may be broken at the end of a line: the syllable breaks of its language
 * (Liang's patterns from TeX, through the hyphen package: de-1996 for German, en-us for
 * English), and after a hyphen or slash the word already has. Loaded only by the
 * renderers that need it (the German patterns are 700 kB).
 */
import type { Lang } from '../core/lang.js';

/** A place to break a word: before index `at`; `adds` is what the first line ends with ("-" or nothing). */
export interface WordBreak {
  at: number;
  adds: '-' | '';
}

export type Hyphenation = (word: string) => WordBreak[];

const softHyphen = '\u00ad';

/**
 * `exceptions` are words written with "-" where they may break, and only there (compound
 * joints: "protokoll-basiert", "Micro-services"); the patterns would cut them mid-morpheme.
 */
export async function loadHyphenation(lang: Lang, exceptions: readonly string[] = []): Promise<Hyphenation> {
  const language = (lang === 'de' ? await import('hyphen/de/index.js') : await import('hyphen/en/index.js')).default;
  const chosen = new Map(
    exceptions.map((word) => [word.replaceAll('-', '').toLowerCase(), word.replaceAll('-', softHyphen)]),
  );
  const part = (segment: string) => {
    // Letters only in the middle; brackets and punctuation around them stay as they are.
    const first = segment.search(/\p{L}/u);
    const last = Math.max(...[...segment.matchAll(/\p{L}/gu)].map((m) => m.index), first);
    const [before, body, after] = [
      segment.slice(0, Math.max(first, 0)),
      segment.slice(Math.max(first, 0), last + 1),
      segment.slice(last + 1),
    ];
    const exception = chosen.get(body.toLowerCase());
    if (exception) return before + exception + after;
    // A name, not a word: a capital after the first letter (SOAPAction, GraphQL, HTTP) or a
    // sign of code (@deprecated, snake_case, dotted.names, digits) is never broken.
    if (/\p{Lu}/u.test(body.slice(1)) || /^[@$#]/.test(segment) || /[_.\d@]/.test(body)) return segment;
    return language.hyphenateSync(segment, { hyphenChar: softHyphen });
  };
  // Each part between hyphens and slashes on its own: "TCP-Verbindung" keeps "TCP" whole.
  return (word) =>
    wordBreaks(
      word,
      word
        .split(/([-/])/)
        .map((piece) => (piece === '-' || piece === '/' ? piece : part(piece)))
        .join(''),
    );
}

/** Breaks of `word`, given the same word with soft hyphens at its syllable breaks. */
export function wordBreaks(word: string, hyphenated: string): WordBreak[] {
  const breaks = new Map<number, WordBreak>();
  let at = 0;
  for (const ch of hyphenated) {
    if (ch === softHyphen) {
      // Two letters at least on either side: "a-" or "-s" alone on a line reads as a mistake.
      if (at >= 2 && word.length - at >= 2) breaks.set(at, { at, adds: '-' });
      continue;
    }
    at += ch.length;
  }
  for (let i = 1; i < word.length - 1; i++) {
    if (word[i] === '-' || word[i] === '/') breaks.set(i + 1, { at: i + 1, adds: '' });
  }
  return [...breaks.values()].sort((a, b) => a.at - b.at);
}

/**
 * Wraps text into lines of at most `width` characters at spaces; a word longer than the
 * room left breaks at its last legal break that fits. Undefined when a piece of a word
 * cannot fit at all: the caller lays out otherwise (never a cut inside a syllable).
 */
export function wrapWords(text: string, width: number, hyphenation: Hyphenation): string[] | undefined {
  const lines: string[] = [];
  let line = '';
  const words = text.split(' ').filter((word) => word !== '');
  for (const word of words) {
    let breaks: WordBreak[] | undefined;
    let from = 0;
    for (;;) {
      const piece = word.slice(from);
      const room = line ? width - line.length - 1 : width;
      if (piece.length <= room) {
        line = line ? `${line} ${piece}` : piece;
        break;
      }
      // The breaks of the whole word: a syllable is a syllable of the word, not of its tail.
      breaks ??= hyphenation(word);
      const cut = breaks.filter((b) => b.at > from && b.at - from + b.adds.length <= room).at(-1);
      if (cut) {
        lines.push(`${line ? `${line} ` : ''}${word.slice(from, cut.at)}${cut.adds}`);
        line = '';
        from = cut.at;
        continue;
      }
      if (!line) return undefined;
      lines.push(line);
      line = '';
    }
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}
