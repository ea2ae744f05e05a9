/**
 * Runs an exercise's checks against a student's server, each through the wire tap and
 * each within a time limit, so a server that hangs fails a check instead of hanging
 * the tool, and a server that answers garbage fails with its trace instead of a crash.
 */
import { randomBytes } from 'node:crypto';
import { track } from '../core/cleanup.js';
import { AwtError } from '../core/errors.js';
import type { ExerciseWords } from '../core/messages/exercise-en.js';
import { createHttpClient } from '../wire/http-client.js';
import { parseTapTarget, tapInFront } from '../core/tap-in-front.js';
import type { Tap } from '../wire/tap.js';
import type { WireItem } from '../wire/trace.js';
import type { ExerciseEntry } from './manifest.js';
import type { CheckResult, CheckText, ExerciseChecks } from './types.js';

export interface CheckReport {
  id: string;
  title: string;
  passed: boolean;
  expected: string;
  /** What the server did instead; absent when the check passed. */
  got?: string;
  /** The hint for a failing check: the ladder's level reached so far, at least the first. */
  hint?: string;
  /** SHOULD-level findings: reported, never a failure. */
  advice: string[];
  /** Everything that crossed the wire during this check. */
  trace: WireItem[];
}

export interface RunChecksOptions {
  exercise: ExerciseEntry;
  url: string;
  texts: Record<string, CheckText>;
  checks: ExerciseChecks;
  words: ExerciseWords;
  /** Per check; a check still running then fails with a "no answer in time" finding. */
  timeoutMs: number;
  /** Hint levels already shown, per check id. */
  hintLevels?: Record<string, number>;
  /** Called as each check ends, for a live view. */
  onReport?: (report: CheckReport) => void;
}

export const defaultCheckTimeoutMs = 5000;

export async function runChecks(options: RunChecksOptions): Promise<CheckReport[]> {
  const target = parseTapTarget(options.url, '--url');
  const front = await tapInFront(target);
  // Ctrl-C in the middle of a check closes the tap through the usual clean-up.
  const untrack = track(front.close);
  const runId = randomBytes(3).toString('hex');
  const reports: CheckReport[] = [];
  try {
    for (const id of options.exercise.checks) {
      const report = await runOne(id, options, front.url, front.tap, runId);
      reports.push(report);
      options.onReport?.(report);
    }
  } finally {
    await untrack();
  }
  return reports;
}

async function runOne(
  id: string,
  options: RunChecksOptions,
  url: string,
  tap: Tap,
  runId: string,
): Promise<CheckReport> {
  const items = tap.items;
  const text = options.texts[id]!;
  const run = options.checks[id]!;
  const from = items.length;
  const http = createHttpClient(url, 'awt-demo exercise check');
  const abort = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>(
    (resolve) => (timer = setTimeout(() => resolve('timeout'), options.timeoutMs)),
  );
  const attempt = run({
    url,
    http,
    say: options.words.said,
    signal: abort.signal,
    runId,
    items: () => items.slice(from),
  });
  // A check that ends after its time is up is ignored, and so is its late error.
  attempt.catch(() => undefined);
  let result: CheckResult;
  try {
    const outcome = await Promise.race([attempt, timedOut]);
    result =
      outcome === 'timeout'
        ? { passed: false as const, got: options.words.said.timeout({ seconds: options.timeoutMs / 1000 }) }
        : outcome;
  } catch (error) {
    result = { passed: false as const, got: options.words.said.failedCall({ detail: describe(error) }) };
  } finally {
    clearTimeout(timer);
    abort.abort();
    // Closing the client closes its sockets. A server that never answers would keep its
    // half of the connection open, so the tap ends both halves; the decoders then report
    // what they hold (a request without an answer, for one).
    http.close();
    tap.dropConnections();
  }
  await tap.settled();
  await settled(items);
  const level = Math.min(Math.max(options.hintLevels?.[id] ?? 0, 1), text.hints.length);
  return {
    id,
    title: text.title,
    passed: result.passed,
    expected: text.expected,
    ...(result.passed ? {} : { got: result.got, hint: text.hints[level - 1] }),
    advice: result.advice ?? [],
    trace: result.traceOnly ? result.traceOnly.flatMap((i) => items[from + i] ?? []) : items.slice(from),
  };
}

/** Waits briefly for the tap to report what the closed sockets still held (bounded). */
async function settled(items: readonly WireItem[]): Promise<void> {
  let count = -1;
  for (let i = 0; i < 10 && items.length !== count; i++) {
    count = items.length;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A socket error in the user's terms: its code (ECONNRESET, …), never a stack. */
function describe(error: unknown): string {
  const { code, message } = error as { code?: string; message?: string };
  return code ?? message ?? String(error);
}

export function checksFailed(reports: readonly CheckReport[]): AwtError | undefined {
  const failed = reports.filter((report) => !report.passed).length;
  return failed > 0 ? new AwtError('AWT_CHECKS_FAILED', { failed, total: reports.length }) : undefined;
}
