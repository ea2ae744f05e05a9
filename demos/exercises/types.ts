/**
 * What an exercise is made of, as data: its texts (task, checks, hints) per language,
 * and its checks as code. A check is a normal client call through the wire tap with an
 * expected fact; the runner records what crossed the wire while it ran.
 */
import type { HttpClient } from '../wire/http-client.js';
import type { Tap } from '../wire/tap.js';
import type { WireItem } from '../wire/trace.js';
import type { BrokerInfo } from '../core/demo.js';
import type { ExerciseWords } from '../core/messages/exercise-en.js';
import type { BrokerChoice } from '../mq/broker-choice.js';

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
  /** The most a check reads of one answer; `http` keeps to it, and so must any other client a check uses. */
  maxReplyBytes: number;
  /** What crossed the wire since this check began. */
  items(): readonly WireItem[];
  /** Unique per run, so data a check creates never collides with an earlier run's. */
  runId: string;
  /** Exercises whose programs `check` starts itself (AMQP): the broker, the queues and those programs. */
  amqp?: AmqpCheckContext;
}

/** A role among the student's programs of an AMQP exercise. */
export type ProgramRole = 'worker' | 'responder';

/** One program `check` starts from the exercise folder: `node --import tsx <file>`. */
export interface ProgramSpec {
  /** worker-1, worker-2, responder: how messages name it. */
  name: string;
  role: ProgramRole;
  /** Relative to the exercise folder, e.g. src/worker.ts. */
  file: string;
}

/** What `check` needs to start the rig of an AMQP exercise. */
export interface RigOptions {
  /** The exercise folder, where the programs' files are. */
  dir: string;
  programs: readonly ProgramSpec[];
  broker: BrokerChoice;
  amqpUrl: string | undefined;
  env: NodeJS.ProcessEnv;
  /** How long the programs may take to start consuming. */
  readyMs: number;
  /**
   * How long the wire may stay quiet before a check stops waiting for more; the checks'
   * own default (longer than the slowest order takes to pack) when absent.
   */
  quietMs?: number;
  /**
   * What node runs each program with, before its file: `--import tsx` unless given, so the
   * student's TypeScript runs as they wrote it. [] for programs that are JavaScript already.
   */
  nodeArgs?: readonly string[];
  said: ExerciseWords['said'];
}

export type StartRig = (options: RigOptions) => Promise<CheckRig & { amqp: AmqpCheckContext; brokerUsed: BrokerInfo }>;

/**
 * The student's programs of an AMQP exercise, started by `check` with AMQP_URL pointing at
 * the tap in front of the broker, so their own acks and replies cross it too.
 */
export interface AmqpCheckContext {
  /** The broker through the tap (amqp://…), for the check's own connection. */
  url: string;
  /** RigOptions.quietMs, when given. */
  quietMs?: number;
  /** This run's queues, given to the programs as TASK_QUEUE and RPC_QUEUE. */
  queues: { tasks: string; requests: string };
  /** Why the programs of `role` cannot be checked (one ended, or never consumed), with their output; else undefined. */
  notReady(role: ProgramRole): string | undefined;
  /** The tap's connection numbers on which the programs of `role` consume. */
  consumers(role: ProgramRole): readonly number[];
  /** Everything that crossed the wire since the programs started: their Basic.Qos, Basic.Consume, … */
  sinceStart(): readonly WireItem[];
  /** Ends one connection at the tap, both halves at once: to the broker, its process died. */
  cut(connection: number): void;
}

/**
 * What `check` sets up around the checks: the tap in front of the student's server, or,
 * for an AMQP exercise, the tap in front of a broker with the student's programs behind it.
 */
export interface CheckRig {
  /** What the checks connect to, through the tap. */
  url: string;
  tap: Tap;
  /** Before each check: brings back what an earlier check left broken (a program it ended, say). */
  prepare(): Promise<void>;
  /** Why the target refused a connection since the last prepare() (ECONNREFUSED: the server has stopped), if it did. */
  refused?(): string | undefined;
  /** The student's programs and the broker, for an AMQP exercise. */
  amqp?: AmqpCheckContext;
  close(): Promise<void>;
}

export type CheckRun = (context: CheckContext) => Promise<CheckResult>;

/** A paradigm's checks for one exercise, by check id (demos/<paradigm>/exercise-checks.ts). */
export type ExerciseChecks = Record<string, CheckRun>;
