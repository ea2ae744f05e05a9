/**
 * One paradigm's way of doing the compare use cases, with the same servers and
 * clients the demos use, behind the same tap. A use case a paradigm does not fit is
 * left out: the runner reports it as "not a fit" with the lesson's reason.
 */
import type { Messages } from '../core/messages/en.js';
import type { BrokerInfo } from '../wire/trace.js';
import type { Tap } from '../wire/tap.js';
import type { ParadigmId, UseCaseId } from './types.js';

export interface UseCaseOutcome {
  fieldsReceived?: number;
  fieldsNeeded?: number;
  note?: string;
  /** For notifications: the delay from the event to the client knowing, instead of the run's wall time. */
  latencyMs?: number;
}

/**
 * A use case: a function, or a run with a `prepare` step that is not measured (for
 * use case 6 the client first gets up to date, then waits for news).
 */
export type UseCaseRun = (() => Promise<UseCaseOutcome>) | PreparedRun;

export interface PreparedRun {
  prepare: () => Promise<void>;
  run: () => Promise<UseCaseOutcome>;
  /** A client that polls: its latency is set by the interval, so the runner measures it at others too. */
  polling?: Polling;
}

export interface Polling {
  /** The interval `run` polls at. */
  intervalMs: number;
  /** The same run at another interval; only its latency is kept. */
  runAt: (intervalMs: number) => Promise<UseCaseOutcome>;
}

export interface CompareSession {
  readonly taps: readonly Tap[];
  /** Connects the client (handshakes and the like); measured as set-up, not as a use case. */
  connect(): Promise<void>;
  useCases: Partial<Record<UseCaseId, UseCaseRun>>;
  /** Takes the data back to how it was after connect(): every repetition starts from the same books. */
  reset(): void;
  /** The mq adapter: which broker it talks to. */
  readonly broker?: BrokerInfo;
  close(): Promise<void>;
}

export interface CompareAdapterOptions {
  amqpUrl?: string;
  /** --broker for the mq adapter: auto, rabbitmq or embedded. */
  broker?: string;
  /** Shared time origin so every tap's items line up. */
  origin: number;
  /** The words of the response row, in the run's language. */
  notes: Messages['compare']['answers'];
}

export interface CompareAdapter {
  paradigm: ParadigmId;
  start(options: CompareAdapterOptions): Promise<CompareSession>;
}
