/**
 * Demo id → lazy imports of each part of a paradigm: its lesson text, its demo, and
 * its adapters for compare and bench. Nothing heavy is loaded until a part is used,
 * which keeps `awt-demo --help` and `awt-demo list` as fast as node's own start.
 */
import type http from 'node:http';
import type { WebSocketServer } from 'ws';
import type { BenchAdapter } from './bench/adapter.js';
import type { BookStore } from './books/store.js';
import type { CompareAdapter } from './compare/adapter.js';
import type { Demo, Lesson } from './core/demo.js';
import type { Lang } from './core/lang.js';
import type { GraphqlWsServer } from './graphql/subscription.js';
import type { ChosenBroker } from './mq/choose-broker.js';
import type { measurePriceView, renderPriceView } from './microservices/compare-view.js';

export type { GraphqlWsServer };

export interface DemoEntry {
  id: string;
  /** The lesson text only (titles and summaries for `list`), no servers. */
  lessons(): Promise<Record<Lang, Lesson>>;
  load(): Promise<Demo>;
  /** Its column in `compare`. */
  compare?(): Promise<CompareAdapter>;
  /** Its row in `bench`. */
  bench?(): Promise<BenchAdapter>;
  /**
   * Parts another demo sets beside its own: demos never import each other, they ask
   * the registry. (SOAP measures its list beside REST's and GraphQL's; the WebSocket
   * demo carries GraphQL subscriptions on its socket.)
   */
  httpApp?(): Promise<(store: BookStore) => http.RequestListener>;
  subscriptions?(): Promise<(wss: WebSocketServer, store: BookStore) => GraphqlWsServer>;
  /** `compare <id>`: a measured view of its own beside the paradigm table (microservices against the monolith). */
  compareView?(): Promise<{ measure: typeof measurePriceView; render: typeof renderPriceView }>;
  /** The broker a run uses (--broker, --amqp-url): RabbitMQ when it answers, else the embedded one. */
  broker?(): Promise<
    (choice: string | undefined, amqpUrl: string | undefined, env: NodeJS.ProcessEnv) => Promise<ChosenBroker>
  >;
}

export const demos: readonly DemoEntry[] = [
  {
    id: 'rest',
    lessons: async () => (await import('../lessons/rest/index.js')).lessons,
    load: async () => (await import('./rest/demo.js')).demo,
    compare: async () => (await import('./rest/compare-adapter.js')).compareAdapter,
    bench: async () => (await import('./rest/bench-adapter.js')).benchAdapter,
    httpApp: async () => (await import('./rest/server.js')).createRestApp,
  },
  {
    id: 'graphql',
    lessons: async () => (await import('../lessons/graphql/index.js')).lessons,
    load: async () => (await import('./graphql/demo.js')).demo,
    compare: async () => (await import('./graphql/compare-adapter.js')).compareAdapter,
    bench: async () => (await import('./graphql/bench-adapter.js')).benchAdapter,
    httpApp: async () => (await import('./graphql/server.js')).createGraphqlApp,
    subscriptions: async () => (await import('./graphql/subscription.js')).serveGraphqlWs,
  },
  {
    id: 'soap',
    lessons: async () => (await import('../lessons/soap/index.js')).lessons,
    load: async () => (await import('./soap/demo.js')).demo,
    compare: async () => (await import('./soap/compare-adapter.js')).compareAdapter,
    bench: async () => (await import('./soap/bench-adapter.js')).benchAdapter,
  },
  {
    id: 'websocket',
    lessons: async () => (await import('../lessons/websocket/index.js')).lessons,
    load: async () => (await import('./websocket/demo.js')).demo,
    compare: async () => (await import('./websocket/compare-adapter.js')).compareAdapter,
    bench: async () => (await import('./websocket/bench-adapter.js')).benchAdapter,
  },
  {
    id: 'mq',
    lessons: async () => (await import('../lessons/mq/index.js')).lessons,
    load: async () => (await import('./mq/demo.js')).demo,
    compare: async () => (await import('./mq/compare-adapter.js')).compareAdapter,
    bench: async () => (await import('./mq/bench-adapter.js')).benchAdapter,
    broker: async () => {
      const [{ brokerChoice }, { chooseBroker }] = await Promise.all([
        import('./mq/broker-choice.js'),
        import('./mq/choose-broker.js'),
      ]);
      return (choice, amqpUrl, env) => chooseBroker(brokerChoice(choice, env), amqpUrl, env);
    },
  },
  {
    id: 'microservices',
    lessons: async () => (await import('../lessons/microservices/index.js')).lessons,
    load: async () => (await import('./microservices/demo.js')).demo,
    compareView: async () => {
      const view = await import('./microservices/compare-view.js');
      return { measure: view.measurePriceView, render: view.renderPriceView };
    },
  },
];

export const demoIds = demos.map((entry) => entry.id);

/** Ids are matched without regard to case: `GraphQL` is `graphql`. */
export function findDemo(id: string): DemoEntry | undefined {
  return demos.find((entry) => entry.id === id.toLowerCase());
}

/** A part of another paradigm that a demo needs; a missing one is a bug in this file. */
export async function partOf<K extends 'httpApp' | 'subscriptions' | 'broker'>(
  id: string,
  part: K,
): Promise<Awaited<ReturnType<NonNullable<DemoEntry[K]>>>> {
  const load = findDemo(id)?.[part];
  if (!load) throw new Error(`the registry has no ${part} for ${id}`);
  return (await load()) as Awaited<ReturnType<NonNullable<DemoEntry[K]>>>;
}
