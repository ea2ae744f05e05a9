/**
 * One run of the microservices demo: the processes that run now (each behind its own
 * tap), the client that plays the browser, and everything needed to start more, stop
 * them or kill them. Taps are only ever added, so the runner's step snapshots stay valid.
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { BrokerInfo, DemoSession, DemoStartOptions } from '../core/demo.js';
import { createHttpClient, type HttpClient } from '../wire/http-client.js';
import type { Tap } from '../wire/tap.js';
import type { HttpExchange, WireItem } from '../wire/trace.js';
import { resolveBrokerUrl, type BrokerAddress } from '../core/broker-url.js';
import { partOf } from '../registry.js';
import { activate, amqpTapFor, forkService, type ForkedService, type ServiceProcess } from './spawn-service.js';
import { demoApiKey, monolith, spec, timing, withoutGraphql } from './topology.js';

/** A process a later step starts: forked early, so its code is loaded when the step needs it. */
export interface Spare {
  service: string;
  as: string;
  env?: Record<string, string>;
}

/** Spares loading at the same time: more would only slow down the steps running meanwhile. */
const sparesAtOnce = 2;

export interface MicroSession extends DemoSession {
  readonly taps: Tap[];
  readonly apiKey: string;
  readonly broker: BrokerAddress;
  /** Which broker the saga uses (RabbitMQ or the embedded one), for the run's broker line. */
  readonly brokerUsed: BrokerInfo | undefined;
  /** False only for --broker rabbitmq when nothing answered at its URL before the run. */
  readonly brokerProbed: boolean;
  /** `awt-<run>`: this run's names in the broker. */
  readonly amqpPrefix: string;
  /** The processes started so far, by instance name (stopped ones stay, marked not alive). */
  readonly processes: ReadonlyMap<string, ServiceProcess>;
  process(instance: string): ServiceProcess;
  /** Starts a service of the topology (or the monolith); `as` names the instance (its lane), `env` adds to its settings. */
  start(service: string, as: string, env?: Record<string, string>): Promise<ServiceProcess>;
  /** A browser-like client of one process, through its tap. */
  client(instance: string): HttpClient;
  /** A fresh W3C trace: the id to find the fan-out by, and the header that starts it. */
  newTrace(): { traceId: string; headers: Record<string, string> };
  /** The AMQP tap for a service (made on first use); its frames are in the service's lane. */
  amqpUrlFor(instance: string): Promise<string>;
  readonly closed: boolean;
}

export interface SessionOptions extends DemoStartOptions {
  onItem?: (item: WireItem) => void;
  /** The gateway's tap port, for --serve --port. */
  gatewayPort?: number;
  /** performance.now() at which the items' clock starts (--serve --har). */
  origin?: number;
  /** Processes later steps start (forked ahead, in this order); none for --serve. */
  spares?: readonly Spare[];
  /** 'page': only what the book page needs (no orders, no broker), for `compare microservices`. */
  services?: 'all' | 'page';
  /**
   * The first catalog and reviews load graphql before they register, as the scenario needs
   * (its GraphQL step asks them). Otherwise (--serve, compare) they start without it, a
   * good part of their start, and load it on the first GraphQL request, should one come.
   */
  graphqlAhead?: boolean;
}

/** Heartbeats keep the system running; they are not part of any request. */
const isHeartbeat = (exchange: HttpExchange) =>
  exchange.request.method === 'PUT' && /^\/instances\//.test(exchange.request.target);

export async function startMicroservices(options: SessionOptions = {}): Promise<MicroSession> {
  // A malformed --amqp-url is a usage error before any process starts.
  resolveBrokerUrl(options.amqpUrl, process.env);
  // Chosen while the processes start: RabbitMQ when it answers (auto), else the embedded broker in this process.
  const pageOnly = options.services === 'page';
  const chosen = pageOnly
    ? Promise.reject(new Error('this session has no broker'))
    : partOf('mq', 'broker').then((choose) => choose(options.broker, options.amqpUrl, process.env));
  chosen.catch(() => undefined);
  const origin = options.origin ?? performance.now();
  const taps: Tap[] = [];
  const processes = new Map<string, ServiceProcess>();
  const lanes = new Set<string>();
  const clients: HttpClient[] = [];
  const amqpTaps = new Map<string, Promise<Tap>>();
  const amqpPrefix = `awt-${randomBytes(3).toString('hex')}`;
  let closed = false;
  let registryUrl: Promise<string> | undefined;

  const spares = new Map<string, ForkedService>();

  const amqpUrlFor = async (instance: string) => {
    const broker = (await chosen).address;
    let tap = amqpTaps.get(instance);
    if (!tap) {
      tap = amqpTapFor(instance, broker, origin, options.onItem).then((t) => (taps.push(t), t));
      amqpTaps.set(instance, tap);
    }
    const url = new URL(broker.url.href);
    url.hostname = '127.0.0.1';
    url.port = String((await tap).port);
    return url.href;
  };

  const start = async (service: string, as: string, env: Record<string, string> = {}) => {
    const serviceSpec = service === 'monolith' ? monolith : spec(service);
    const entry = serviceSpec.entry;
    lanes.add(as);
    const lateEnv = (async () => ({
      ...(entry === 'registry' ? {} : { REGISTRY_URL: await registryUrl! }),
      ...(serviceSpec.broker ? { AMQP_URL: await amqpUrlFor(as), AMQP_PREFIX: amqpPrefix } : {}),
    }))();
    // Awaited by the spawn; should the spawn fail first, the rejection is already reported there.
    lateEnv.catch(() => undefined);
    const settings = settingsOf(service, env);
    const spare = spares.get(as);
    spares.delete(as);
    const same = spare && JSON.stringify(spare.env) === JSON.stringify(settings);
    if (spare && !same) void spare.discard();
    const forked = spare && same ? spare : forkService({ entry, instance: as, env: settings });
    const started = activate(forked, {
      lateEnv,
      origin,
      lanes,
      background: isHeartbeat,
      ...(options.onItem ? { onItem: options.onItem } : {}),
      ...(entry === 'gateway' && options.gatewayPort !== undefined ? { tapPort: options.gatewayPort } : {}),
    });
    if (entry === 'registry') registryUrl = started.then((p) => p.url);
    const running = await started;
    processes.set(as, running);
    taps.push(running.tap);
    return running;
  };

  const settingsOf = (service: string, env: Record<string, string> = {}) => ({
    ...(service === 'monolith' ? monolith : spec(service)).env,
    HEARTBEAT_MS: timing.HEARTBEAT_MS,
    TTL_MS: timing.TTL_MS,
    ...env,
  });

  /** Forks the spares, `sparesAtOnce` at a time, each as soon as one before it has loaded. */
  const forkSpares = (list: readonly Spare[]) => {
    const queue = [...list];
    const next = (): void => {
      const spare = queue.shift();
      if (!spare || closed) return;
      const entry = (spare.service === 'monolith' ? monolith : spec(spare.service)).entry;
      const forked = forkService({ entry, instance: spare.as, env: settingsOf(spare.service, spare.env) });
      spares.set(spare.as, forked);
      void forked.loaded.then(next);
    };
    for (let i = 0; i < sparesAtOnce; i++) next();
  };

  let broker: BrokerAddress | undefined;
  let brokerUsed: BrokerInfo | undefined;
  let brokerProbed = true;
  let closeBroker = async () => undefined as void;

  const session: MicroSession = {
    taps,
    apiKey: demoApiKey,
    get broker() {
      return broker!;
    },
    get brokerUsed() {
      return brokerUsed;
    },
    get brokerProbed() {
      return brokerProbed;
    },
    amqpPrefix,
    processes,
    get closed() {
      return closed;
    },
    process(instance) {
      const found = processes.get(instance);
      if (!found) throw new Error(`no process ${instance}`);
      return found;
    },
    start,
    client(instance) {
      const client = createHttpClient(session.process(instance).url);
      clients.push(client);
      return client;
    },
    newTrace() {
      const traceId = randomBytes(16).toString('hex');
      return { traceId, headers: { traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01` } };
    },
    amqpUrlFor,
    async close() {
      closed = true;
      for (const client of clients) client.close();
      await Promise.all([
        ...[...processes.values()].map((p) => p.stop()),
        ...[...spares.values()].map((spare) => spare.discard()),
      ]);
      spares.clear();
      await Promise.all([...amqpTaps.values()].map(async (tap) => (await tap.catch(() => undefined))?.close()));
      await closeBroker();
    },
  };
  // All settle before anything is decided: a process still starting when another failed is stopped too.
  const started = await Promise.allSettled([
    pageOnly
      ? undefined
      : chosen.then((found) => {
          broker = found.address;
          brokerProbed = found.kind === 'embedded' || found.product !== undefined;
          brokerUsed = {
            kind: found.kind,
            url: found.address.shown,
            ...(found.product ? { product: found.product } : {}),
            ...(found.fallbackFrom ? { fallbackFrom: found.fallbackFrom } : {}),
          };
          closeBroker = () => found.close();
        }),
    start('registry', 'registry'),
    start('monolith', 'monolith'),
    start('catalog', 'catalog', options.graphqlAhead ? {} : withoutGraphql),
    start('reviews', 'reviews-1', options.graphqlAhead ? {} : withoutGraphql),
    pageOnly ? undefined : start('orders', 'orders'),
    start('gateway', 'gateway'),
  ]);
  const failed = started.find((result) => result.status === 'rejected');
  if (failed) {
    await session.close();
    throw failed.reason;
  }
  forkSpares(options.spares ?? []);
  return session;
}
