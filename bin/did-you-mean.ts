/**
 * "Did you mean …?" for a demo id or command typed wrong: the closest name by edit
 * distance (optimal string alignment: insertions, deletions, substitutions and
 * swaps of two neighbours, each costing 1), if it is close enough to be a typo.
 */
import { AwtError } from '../demos/core/errors.js';
import { demoIds } from '../demos/registry.js';

export function closest(typed: string, names: readonly string[]): string | undefined {
  const word = typed.toLowerCase();
  let best: { name: string; distance: number } | undefined;
  for (const name of names) {
    // A name cut short ("compar", "web") is the name meant.
    const distance = name.startsWith(word) && word.length >= 3 ? 0.5 : editDistance(word, name);
    if (!best || distance < best.distance) best = { name, distance };
  }
  // One typo in a short name, up to a third of a longer one; beyond that it is another word.
  const allowed = Math.max(1, Math.floor(word.length / 3));
  return best && best.distance <= allowed ? best.name : undefined;
}

export function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_v, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
      }
    }
  }
  return d[a.length]![b.length]!;
}

/** The error for a word that is neither a demo nor a command, with the nearest of both. */
export function unknownDemo(typed: string, commands: readonly string[]): AwtError<'AWT_UNKNOWN_DEMO'> {
  const suggestion = closest(typed, [...demoIds, ...commands]);
  return new AwtError('AWT_UNKNOWN_DEMO', {
    demo: typed,
    ids: demoIds.join(', '),
    commands: commands.join(', '),
    ...(suggestion !== undefined ? { suggestion } : {}),
  });
}
