/**
 * Starts one service as a child process of awt-demo, with a wire tap in front of it.
 * The child listens on a free port and says which; the tap goes up in front of that
 * port, and the child learns the tap's address, which is the address it registers
 * and others call. So every call between services crosses a tap.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAmqpFrameDecoder } from '../wire/amqp-frames.js';
import type { DecoderFactory } from '../wire/decoder.js';
import { header } from '../wire/http-facts.js';
import { httpDecoder } from '../wire/http-decoder.js';
import { startTap, type Tap } from '../wire/tap.js';
import type { HttpExchange, WireItem } from '../wire/trace.js';
import type { ChildMessage, ParentMessage } from './runtime/messages.js';

export type ServiceEntry =
  'registry' | 'catalog' | 'reviews' | 'orders' | 'stock' | 'gateway' | 'bff' | 'graphql-gateway' | 'monolith';

export interface SpawnOptions {
  entry: ServiceEntry;
  /** Its lane in the trace and its User-Agent: "reviews-2", "gateway". */
  instance: string;
  env: Record<string, string>;
  /** Settings that exist only once other processes run (the registry's address); sent with the address. */
  lateEnv?: Promise<Record<string, string>>;
  /** The session's clock, shared by all taps. */
  origin: number;
  /** The names of the processes running now: a User-Agent naming one of them marks the caller. */
  lanes: ReadonlySet<string>;
  /** Exchanges that keep the system running (heartbeats) rather than serve a request. */
  background?: (exchange: HttpExchange) => boolean;
  onItem?: (item: WireItem) => void;
  /** The tap's port (--serve --port); the process itself takes any free port. */
  tapPort?: number;
  startTimeoutMs?: number;
}

export interface ServiceProcess {
  readonly instance: string;
  readonly entry: ServiceEntry;
  readonly pid: number;
  /** The port the process itself listens on (behind the tap). */
  readonly port: number;
  readonly tap: Tap;
  /** The tap's URL: where others reach this process. */
  readonly url: string;
  readonly alive: boolean;
  /** Events the process reported (the gateway's breaker changing state). */
  readonly events: ReadonlyArray<{ at: number; event: unknown }>;
  /** Resolves with the first event from position `since` on that `match` accepts, waiting for it if need be. */
  event(match: (event: unknown) => boolean, since: number, timeoutMs?: number): Promise<unknown>;
  /** Resident memory of the process, asked over IPC. */
  rss(): Promise<number>;
  /** Ends it the hard way (SIGKILL: no goodbye to the registry) and waits until it is gone. */
  kill(): Promise<void>;
  /** Asks it to leave the registry, finish its requests and exit; kills it after 2 s. */
  stop(): Promise<void>;
}

const here = fileURLToPath(import.meta.url);
/** .ts under tsx (tests), .js when built: the entries sit beside this file either way. */
const entryFile = (entry: ServiceEntry) => new URL(`./services/${entry}${extname(here)}`, import.meta.url);

/** Only what loads code travels to the child (tsx's hooks under tests); the test runner's own flags stay here. */
function loaderArgs(execArgv: readonly string[]): string[] {
  const kept: string[] = [];
  execArgv.forEach((arg, i) => {
    if (/^--(import|require|loader|experimental-loader)=/.test(arg)) kept.push(arg);
    else if (/^--(import|require|loader|experimental-loader)$/.test(arg) && execArgv[i + 1]) {
      kept.push(arg, execArgv[i + 1]!);
    }
  });
  return kept;
}

export function httpHopDecoder(
  instance: string,
  lanes: ReadonlySet<string>,
  background?: (exchange: HttpExchange) => boolean,
): DecoderFactory {
  const decode = httpDecoder();
  return (connection, emit) =>
    decode(connection, (item) => {
      if (item.kind !== 'http') return emit(item);
      const agent = header(item.request, 'user-agent');
      // A User-Agent is what the caller says; only the names of running processes become lanes.
      const from = agent !== undefined && lanes.has(agent) ? agent : 'client';
      emit({ ...item, hop: { from, to: instance, ...(background?.(item) ? { background: true } : {}) } });
    });
}

/**
 * A child forked ahead of its step: its code loads (graphql, amqplib …) while earlier
 * steps run; it listens on a free port and waits. Nothing reaches the wire until
 * `activate` puts its tap up and tells it its address.
 */
export interface ForkedService {
  readonly instance: string;
  readonly entry: ServiceEntry;
  /** The settings it was forked with (its env is fixed at fork time). */
  readonly env: Record<string, string>;
  /** Settles once the child has loaded its code and listens (or has failed): never rejects. */
  readonly loaded: Promise<void>;
  /** Ends a child that was never activated. */
  discard(): Promise<void>;
}

interface ForkState extends ForkedService {
  child: ChildProcess;
  exited: Promise<void>;
  alive: () => boolean;
  stderr: () => string;
  /** The port the child listens on, once it says so. */
  listening: Promise<number>;
  /** "ready" after the advertise: set up and registered. */
  ready: Promise<{ pid: number; port: number }>;
  events: Array<{ at: number; event: unknown }>;
  listeners: Set<(event: unknown) => void>;
  send(message: ParentMessage): void;
}

export function forkService(options: Pick<SpawnOptions, 'entry' | 'instance' | 'env'>): ForkedService {
  const child = fork(fileURLToPath(entryFile(options.entry)), [], {
    execArgv: loaderArgs(process.execArgv),
    env: { ...process.env, ...options.env, INSTANCE: options.instance },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    serialization: 'json',
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    if (stderr.length < 4000) stderr += chunk.toString('utf8');
  });
  const exited = once(child, 'exit').then(() => undefined);
  let alive = true;
  void exited.then(() => (alive = false));
  const events: Array<{ at: number; event: unknown }> = [];
  const listeners = new Set<(event: unknown) => void>();
  // Captured from the first message on: a child forked early may say "listening" long before it is activated.
  let failed: (error: Error) => void = () => undefined;
  const failure = new Promise<never>((_, reject) => (failed = reject));
  const listening = new Promise<number>((resolve, reject) => {
    failure.catch(reject);
    child.on('message', (message: ChildMessage) => message.type === 'listening' && resolve(message.port));
  });
  const ready = new Promise<{ pid: number; port: number }>((resolve, reject) => {
    failure.catch(reject);
    child.on('message', (message: ChildMessage) => {
      if (message.type === 'ready') resolve({ pid: message.pid, port: message.port });
    });
  });
  child.on('message', (message: ChildMessage) => {
    if (message.type === 'failed') failed(new Error(message.message));
    if (message.type !== 'event') return;
    events.push({ at: Date.now(), event: message.event });
    for (const listener of listeners) listener(message.event);
  });
  void exited.then(() => failed(new Error('exited during start-up')));
  // Whoever activates the child handles these; until then they must not count as unhandled.
  listening.catch(() => undefined);
  ready.catch(() => undefined);
  const state: ForkState = {
    instance: options.instance,
    entry: options.entry,
    env: options.env,
    child,
    exited,
    alive: () => alive,
    stderr: () => stderr,
    listening,
    ready,
    loaded: listening.then(
      () => undefined,
      () => undefined,
    ),
    events,
    listeners,
    send(message) {
      if (child.connected) child.send(message);
    },
    async discard() {
      if (alive) child.kill('SIGKILL');
      await exited;
    },
  };
  return state;
}

export async function spawnService(options: SpawnOptions): Promise<ServiceProcess> {
  return activate(forkService(options), options);
}

/** Puts the tap up in front of a forked child, tells it its address and waits until it is ready. */
export async function activate(
  forked: ForkedService,
  options: Omit<SpawnOptions, 'entry' | 'instance' | 'env'>,
): Promise<ServiceProcess> {
  const { child, exited, events, listeners, send } = forked as ForkState;
  const state = forked as ForkState;
  let tap: Tap | undefined;
  let timer: NodeJS.Timeout | undefined;
  const timeoutMs = options.startTimeoutMs ?? 30_000;
  try {
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no "ready" within ${timeoutMs} ms`)), timeoutMs);
    });
    const port = await Promise.race([state.listening, deadline]);
    tap = await startTap({
      target: { host: '127.0.0.1', port },
      decoder: httpHopDecoder(forked.instance, options.lanes, options.background),
      origin: options.origin,
      ...(options.tapPort !== undefined ? { port: options.tapPort } : {}),
      ...(options.onItem ? { onItem: options.onItem } : {}),
    });
    send({ type: 'advertise', url: tap.url, env: (await Promise.race([options.lateEnv, deadline])) ?? {} });
    const ready = await Promise.race([state.ready, deadline]);
    clearTimeout(timer);
    const theTap = tap;
    // A process that is gone has no address any more: close its tap, so callers are refused as they would be.
    void exited.then(() => theTap.close());
    return {
      instance: forked.instance,
      entry: forked.entry,
      pid: ready.pid,
      port: ready.port,
      tap: theTap,
      url: theTap.url,
      get alive() {
        return state.alive();
      },
      events,
      event(match, since, timeoutMs = 10_000) {
        const seen = events.slice(since).find((e) => match(e.event));
        if (seen) return Promise.resolve(seen.event);
        return new Promise((resolve, reject) => {
          const timer = setTimeout(() => {
            listeners.delete(listener);
            reject(new Error(`${forked.instance}: no such event within ${timeoutMs} ms`));
          }, timeoutMs);
          const listener = (event: unknown) => {
            if (!match(event)) return;
            clearTimeout(timer);
            listeners.delete(listener);
            resolve(event);
          };
          listeners.add(listener);
        });
      },
      async rss() {
        if (!state.alive()) return 0;
        const reply = new Promise<number>((resolve) => {
          const onMessage = (message: ChildMessage) => {
            if (message.type !== 'stats') return;
            child.off('message', onMessage);
            resolve(message.rss);
          };
          child.on('message', onMessage);
          void exited.then(() => resolve(0));
        });
        send({ type: 'stats' });
        return reply;
      },
      async kill() {
        if (state.alive()) child.kill('SIGKILL');
        await exited;
        await theTap.close();
      },
      async stop() {
        if (state.alive()) send({ type: 'stop' });
        const timer = setTimeout(() => child.kill('SIGKILL'), 2000);
        await exited;
        clearTimeout(timer);
        await theTap.close();
      },
    };
  } catch (error) {
    clearTimeout(timer);
    child.kill('SIGKILL');
    await tap?.close();
    const said = state.stderr().trim().split('\n').slice(-3).join(' | ');
    throw new Error(`${forked.instance}: ${(error as Error).message}${said ? ` (${said})` : ''}`, { cause: error });
  }
}

/** A tap in front of the broker for one service's AMQP connection: its frames in its own lane. */
export async function amqpTapFor(
  name: string,
  broker: { host: string; port: number },
  origin: number,
  onItem?: (item: WireItem) => void,
): Promise<Tap> {
  return startTap({
    target: broker,
    decoder: (connection, emit) =>
      createAmqpFrameDecoder(connection, (item) => emit({ ...item, party: { name, role: 'producer' } })),
    origin,
    ...(onItem ? { onItem } : {}),
  });
}
