/**
 * What an exercise is made of, as data: its texts (task, checks, hints) per language,
 * and its checks as code. A check is a normal client call through the wire tap with an
 * expected fact; the runner records what crossed the wire while it ran.
 */
import type { HttpClient } from '../wire/http-client.js';
import type { WireItem } from '../wire/trace.js';
import type { ExerciseWords } from '../core/messages/exercise-en.js';

/** The words of one check, in one language. */
export interface CheckText {
  /** One line: what the check asks of the server. */
  title: string;
  /** What the check expected to see on the wire. */
  expected: string;
  /** A ladder: first the idea, then the API to use, then the shape of the code; never the solution. */
  hints: string[];
}

/** The teaching text of one exercise, in one language (lessons/exercises/<id>/{en,de}.ts). */
export interface ExerciseText {
  title: string;
  /** One line for `exercise list`. */
  summary: string;
  /** The task, as Markdown paragraphs, for the starter's README. */
  task: string[];
  /** What to do in the starter project, Markdown paragraphs. */
  steps: string[];
  checks: Record<string, CheckText>;
}

/** What a check found. `got` says, in the user's language, what the server did instead. */
export type CheckResult = ({ passed: true } | { passed: false; got: string }) & {
  advice?: string[];
  /** Positions in `items()` worth showing, when the check made many calls (an audit); else all are shown. */
  traceOnly?: number[];
};

export interface CheckContext {
  /** The student's URL, pointed at the tap (path kept). */
  url: string;
  /** An HTTP client through the tap; closed by the runner when the check ends. */
  http: HttpClient;
  /** Phrases for `got`, in the user's language. */
  say: ExerciseWords['said'];
  /** Aborted when the check's time is up: loops must stop. */
  signal: AbortSignal;
  /** What crossed the wire since this check began. */
  items(): readonly WireItem[];
  /** Unique per run, so data a check creates never collides with an earlier run's. */
  runId: string;
}

export type CheckRun = (context: CheckContext) => Promise<CheckResult>;

/** A paradigm's checks for one exercise, by check id (demos/<paradigm>/exercise-checks.ts). */
export type ExerciseChecks = Record<string, CheckRun>;
