/**
 * Which hint `exercise hint` shows next: for the first check (in the manifest's order)
 * that has not passed in the last run, one rung higher on its ladder than before.
 */
import type { ExerciseEntry } from './manifest.js';
import type { Progress } from './progress.js';
import type { ExerciseText } from './types.js';

export type NextHint =
  { kind: 'hint'; check: string; level: number; of: number; text: string } | { kind: 'all-passed' };

export function nextHint(entry: ExerciseEntry, text: ExerciseText, progress: Progress | undefined): NextHint {
  const check = entry.checks.find((id) => !progress?.checks[id]?.passed);
  if (!check) return { kind: 'all-passed' };
  const hints = text.checks[check]!.hints;
  const level = Math.min((progress?.hints[check] ?? 0) + 1, hints.length);
  return { kind: 'hint', check, level, of: hints.length, text: hints[level - 1]! };
}
