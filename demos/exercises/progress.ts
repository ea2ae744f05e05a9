/**
 * Progress lives in one plain file in the exercise folder, awt-progress.json, which a
 * lecturer can collect: when the exercise was started, which hints were shown, and
 * for every check the last result and when it first passed. Nothing is written
 * anywhere else; a folder without the file (a lecturer grading from elsewhere) is
 * checked without writing.
 */
import { existsSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

export const progressFile = 'awt-progress.json';

export interface CheckProgress {
  passed: boolean;
  /** ISO time of the last run of this check. */
  at: string;
  /** ISO time this check first passed. */
  firstPassedAt?: string;
}

export interface Progress {
  exercise: string;
  startedAt: string;
  /** Hints shown so far, per check id: the ladder's level reached. */
  hints: Record<string, number>;
  checks: Record<string, CheckProgress>;
  /** ISO time all checks first passed in one run. */
  passedAt?: string;
}

export type ExerciseState = 'not-started' | 'started' | 'passed';

export function newProgress(exercise: string, now: Date): Progress {
  return { exercise, startedAt: now.toISOString(), hints: {}, checks: {} };
}

/**
 * The progress file of `exercise` seen from `dir`: dir itself when it is the exercise
 * folder, else the folder `exercise start` creates by default (awt-<id>).
 */
export function findProgressFile(dir: string, exercise: string): string | undefined {
  for (const candidate of [path.join(dir, progressFile), path.join(dir, `awt-${exercise}`, progressFile)]) {
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** The file's content, or undefined when it is missing, unreadable or belongs to another exercise. */
export async function readProgress(file: string, exercise: string): Promise<Progress | undefined> {
  try {
    const data = JSON.parse(await readFile(file, 'utf8')) as Partial<Progress>;
    if (data.exercise !== exercise || typeof data.startedAt !== 'string') return undefined;
    return { ...data, hints: data.hints ?? {}, checks: data.checks ?? {} } as Progress;
  } catch {
    return undefined;
  }
}

export async function loadProgress(
  dir: string,
  exercise: string,
): Promise<{ file: string; progress: Progress } | undefined> {
  const file = findProgressFile(dir, exercise);
  const progress = file ? await readProgress(file, exercise) : undefined;
  return file && progress ? { file, progress } : undefined;
}

/** Written to a temporary file first and renamed, so an interrupted write never leaves half a file. */
export async function saveProgress(file: string, progress: Progress): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(progress, null, 2) + '\n');
  await rename(temporary, file);
}

export function stateOf(progress: Progress | undefined): ExerciseState {
  if (!progress) return 'not-started';
  return progress.passedAt ? 'passed' : 'started';
}

/** Records one run of the checks: each check's result, first passes, and the first all-pass. */
export function recordRun(
  progress: Progress,
  results: ReadonlyArray<{ id: string; passed: boolean }>,
  now: Date,
  allChecks: readonly string[],
): Progress {
  const at = now.toISOString();
  const checks = { ...progress.checks };
  for (const { id, passed } of results) {
    const before = checks[id];
    checks[id] = {
      passed,
      at,
      ...(before?.firstPassedAt ? { firstPassedAt: before.firstPassedAt } : passed ? { firstPassedAt: at } : {}),
    };
  }
  const allPassed = allChecks.every((id) => results.find((r) => r.id === id)?.passed);
  return { ...progress, checks, ...(progress.passedAt ? {} : allPassed ? { passedAt: at } : {}) };
}
