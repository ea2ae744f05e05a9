/**
 * What every demo provides. The registry loads a demo module lazily; the runner
 * and the CLI only talk to this interface.
 */
import type { Lang } from './lang.js';
import type { NumberWords } from './numbers.js';
import type { Tap } from '../wire/tap.js';
import type { BrokerInfo, Figure, WireItem } from '../wire/trace.js';

export type { BrokerInfo };

/** The lesson text of one demo: a title, a line for `list`, and per step what to notice. */
export interface Lesson {
  title: string;
  summary: string;
  steps: Record<string, { title: string; notice: string[] }>;
}

/** Servers behind taps and the clients that talk to them, for one run. */
export interface DemoSession {
  readonly taps: readonly Tap[];
  /** Set by sessions that talk to a message broker, so the run can say which one. */
  readonly brokerUsed?: BrokerInfo;
  close(): Promise<void>;
}

export interface StepContext<S extends DemoSession, L extends Lesson> {
  session: S;
  /** The lesson text in the chosen language. */
  lesson: L;
  /** Numbers as the chosen language writes them (for figures a step builds). */
  numbers: NumberWords;
  /** Wire items decoded so far in this step. */
  items(): WireItem[];
}

/** What a step found: sentences, and figures (tables, charts) as data. */
export interface StepOutcome {
  facts: string[];
  figures: Figure[];
}

export interface Step<S extends DemoSession, L extends Lesson> {
  /** Key into the lesson's steps. */
  id: keyof L['steps'] & string;
  /** Makes real calls; returns facts measured in this run, already in words (and figures: tables, charts). */
  run(context: StepContext<S, L>): Promise<string[] | StepOutcome | void>;
}

/** A server kept running for `--serve`: anyone may send requests to it. */
export interface ServedDemo {
  readonly url: string;
  /** Ready-to-paste commands that show the demo from another terminal. */
  readonly examples: string[];
  /** Pages to open in a browser: the index of what the server offers, the explorers. */
  readonly browse?: string[];
  close(): Promise<void>;
}

export interface ServeOptions {
  port?: number;
  /** --lang: the language of the pages the server offers a browser (else the browser's own). */
  lang?: Lang;
  /** --amqp-url, for demos whose served services use a broker. */
  amqpUrl?: string;
  /** --broker / $AWT_BROKER, for the same demos. */
  broker?: string;
  onItem: (item: WireItem) => void;
  /** performance.now() at which the items' clock starts (so --har can give wall-clock times). */
  origin?: number;
}

/** Settings from the command line that a demo needs before it starts; each demo reads only its own. */
export interface DemoStartOptions {
  /** --amqp-url: the AMQP broker to use (else AMQP_URL, else the local default). */
  amqpUrl?: string;
  /** --broker / $AWT_BROKER: auto (default), rabbitmq or embedded. */
  broker?: string;
  /** --llm-url / $AWT_LLM_URL: an OpenAI-compatible chat endpoint for graphql's text-to-query step. */
  llmUrl?: string;
  /** --llm-model / $AWT_LLM_MODEL: the model that endpoint should use. */
  llmModel?: string;
}

export interface Demo<S extends DemoSession = DemoSession, L extends Lesson = Lesson> {
  id: string;
  lessons: Record<Lang, L>;
  start(options?: DemoStartOptions): Promise<S>;
  steps: Array<Step<S, L>>;
  serve?(options: ServeOptions): Promise<ServedDemo>;
  /** Files that would run the demo's services in containers (Dockerfile, compose, Kubernetes), for `--deploy-files`. */
  deployFiles?(): Promise<Array<{ path: string; content: string }>>;
  /** The machine-readable contract (SDL, OpenAPI, WSDL), for `--schema`. */
  contract?(): Promise<string>;
}

/**
 * Checks a demo against its own session and lesson types, then hands it on as a plain
 * Demo: the runner, the registry and the CLI need only this interface. (A Step<S, L>
 * is not a Step<DemoSession, Lesson> to the compiler, because its run() takes an S.)
 */
export function defineDemo<S extends DemoSession, L extends Lesson>(demo: Demo<S, L>): Demo {
  return demo as unknown as Demo;
}
