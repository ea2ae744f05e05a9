/**
 * Runs an exercise's checks against a student's server, each through the wire tap and
 * each within a time limit, so a server that hangs fails a check instead of hanging
 * the tool, and a server that answers garbage fails with its trace instead of a crash.
 */
import { randomBytes } from 'node:crypto';
import { track } from '../core/cleanup.js';
import { AwtError } from '../core/errors.js';
import type { ExerciseWords } from '../core/messages/exercise-en.js';
import { createHttpClient, ReplyOverLimit, SwitchedProtocols } from '../wire/http-client.js';
import { parseTapTarget, tapInFront } from '../core/tap-in-front.js';
import type { WireItem } from '../wire/trace.js';
import { Finding } from './finding.js';
import type { ExerciseEntry } from './manifest.js';
import type { CheckResult, CheckRig, CheckText, ExerciseChecks } from './types.js';

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
  /** What crossed the wire during this check: the first `maxTraceItems` items. */
  trace: WireItem[];
  /** How many more items crossed the wire than `trace` holds (a server that floods). */
  traceCut?: number;
}

/**
 * The most items one check keeps in its report. A check's own traffic is tens of items
 * (the GraphQL audits, 61); a server that floods its client with frames fails the check
 * with a trace that still reads, and `--json` stays small.
 */
export const maxTraceItems = 500;

export interface RunChecksOptions {
  exercise: ExerciseEntry;
  /** The student's server; unused when `rig` is given. */
  url: string;
  /** The broker and the student's programs, for an exercise that has no server at a URL (AMQP). */
  rig?: CheckRig;
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

/**
 * The most a check reads of one answer. The exercises' answers are a few kilobytes (the
 * lecture's schema by introspection, tens); a server that sends without end, as a loop
 * that keeps writing does, fails its check here instead of filling this process's memory.
 */
export const maxReplyBytes = 1024 * 1024;

export async function runChecks(options: RunChecksOptions): Promise<CheckReport[]> {
  const rig = options.rig ?? (await serverRig(options.url));
  // Ctrl-C in the middle of a check closes the tap (and whatever the rig started) through the usual clean-up.
  const untrack = track(() => rig.close());
  const runId = randomBytes(3).toString('hex');
  const reports: CheckReport[] = [];
  try {
    for (const id of options.exercise.checks) {
      await rig.prepare();
      const report = await runOne(id, options, rig, runId);
      reports.push(report);
      options.onReport?.(report);
    }
  } finally {
    await untrack();
  }
  return reports;
}

/** A student's server at a URL: the tap in front of it; after each check its connections end. */
async function serverRig(url: string): Promise<CheckRig> {
  let refused: string | undefined;
  const front = await tapInFront(parseTapTarget(url, '--url'), {
    onUnreachable: (_connection, code) => (refused = code),
  });
  return {
    url: front.url,
    tap: front.tap,
    prepare: async () => {
      refused = undefined;
    },
    refused: () => refused,
    close: front.close,
  };
}

async function runOne(id: string, options: RunChecksOptions, rig: CheckRig, runId: string): Promise<CheckReport> {
  const { url, tap } = rig;
  const items = tap.items;
  const text = options.texts[id]!;
  const run = options.checks[id]!;
  const from = items.length;
  const http = createHttpClient(url, 'awt-demo exercise check', { maxBytes: maxReplyBytes });
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
    maxReplyBytes,
    runId,
    items: () => items.slice(from),
    ...(rig.amqp ? { amqp: rig.amqp } : {}),
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
    const said = options.words.said;
    result = {
      passed: false as const,
      got:
        error instanceof ReplyOverLimit && error.limit === 'too-large'
          ? said.tooLarge({ mebibytes: maxReplyBytes / (1024 * 1024) })
          : error instanceof SwitchedProtocols
            ? said.upgraded
            : error instanceof Finding
              ? error.got
              : said.failedCall({ detail: describe(error) }),
    };
  } finally {
    clearTimeout(timer);
    abort.abort();
    // Closing the client closes its sockets. A server that never answers would keep its
    // half of the connection open, so the tap ends both halves; the decoders then report
    // what they hold (a request without an answer, for one). The programs of a rig keep
    // their connections: they are the student's, and the next check needs them.
    http.close();
    if (!rig.amqp) tap.dropConnections();
  }
  // A server that crashed (or was stopped) fails every check from then on, each in its own
  // way (a reset, a hang-up): the student is told the one thing that matters.
  const refused = rig.refused?.();
  if (refused && !result.passed) {
    result = { ...result, got: options.words.said.serverStopped({ url: options.url, code: refused }) };
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
    ...cut(result.traceOnly ? result.traceOnly.flatMap((i) => items[from + i] ?? []) : items.slice(from)),
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
function cut(trace: WireItem[]): Pick<CheckReport, 'trace' | 'traceCut'> {
  return trace.length <= maxTraceItems
    ? { trace }
    : { trace: trace.slice(0, maxTraceItems), traceCut: trace.length - maxTraceItems };
}

function describe(error: unknown): string {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code === 'string') return code;
  if (typeof message === 'string') return message;
  // Something thrown that is no Error (the soap package throws parsed XML): its JSON, shortened.
  let json: string | undefined;
  try {
    json = typeof error === 'object' ? JSON.stringify(error) : undefined;
  } catch {
    json = undefined; // circular
  }
  return json === undefined ? String(error) : json.length > 120 ? `${json.slice(0, 119)}…` : json;
}

/** The error `exercise check` ends with when a check failed; `json`: the report went to stdout. */
export function checksFailed(reports: readonly CheckReport[], { json = false } = {}): AwtError | undefined {
  const failed = reports.filter((report) => !report.passed).length;
  return failed > 0
    ? new AwtError('AWT_CHECKS_FAILED', { failed, total: reports.length, ...(json ? { json } : {}) })
    : undefined;
}
