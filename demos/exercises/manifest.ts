/**
 * Every exercise, as data: id, paradigm, default URL and its checks in order. Texts and
 * checks load lazily, so `exercise list` reads titles without loading any server code.
 * Adding an exercise means one entry here, its checks in demos/<paradigm>/, its texts,
 * starter and solution in lessons/exercises/<id>/ — nothing else.
 */
import type { Lang } from '../core/lang.js';
import type { ExerciseChecks, ExerciseText, ProgramSpec, StartRig } from './types.js';

export interface ExerciseEntry {
  id: string;
  paradigm: 'graphql' | 'rest' | 'soap' | 'websocket' | 'mq';
  /** The address the starter's server listens on, which `check` uses without --url. */
  defaultUrl: string;
  /** Check ids in the order they run; each has texts in every language and a run function. */
  checks: readonly string[];
  texts(): Promise<Record<Lang, ExerciseText>>;
  loadChecks(): Promise<ExerciseChecks>;
  /**
   * Files `exercise start` writes beside the starter, made from the demo's own contract
   * at that moment (e.g. the WSDL), so the repository holds no second copy of it.
   */
  contractFiles?(): Promise<Record<string, string>>;
  /** Per check, when the default of `check` is too short (orders that take a while to pack). */
  checkTimeoutMs?: number;
  /**
   * Programs `check` starts itself from the exercise folder, behind the tap (AMQP): the
   * student runs no server that a URL could name, so there is no --url.
   */
  programs?: readonly ProgramSpec[];
  /** Starts the broker, the tap and the programs (loaded lazily). */
  loadRig?(): Promise<StartRig>;
}

export const exercises: readonly ExerciseEntry[] = [
  {
    id: 'graphql-book-service',
    paradigm: 'graphql',
    // Apollo Server's standalone default (startStandaloneServer, port 4000).
    defaultUrl: 'http://localhost:4000/',
    checks: ['books-title-author', 'book-by-id', 'add-book', 'unknown-field', 'introspection', 'graphql-over-http'],
    texts: async () => (await import('../../lessons/exercises/graphql-book-service/index.js')).texts,
    loadChecks: async () => (await import('../graphql/exercise-checks.js')).checks,
  },
  {
    id: 'rest-books',
    paradigm: 'rest',
    defaultUrl: 'http://localhost:3000/',
    checks: ['list-books', 'one-book', 'add-book', 'invalid-book', 'not-found', 'etag'],
    texts: async () => (await import('../../lessons/exercises/rest-books/index.js')).texts,
    loadChecks: async () => (await import('../rest/exercise-checks.js')).checks,
  },
  {
    id: 'soap-books',
    paradigm: 'soap',
    // The endpoint the starter serves; its WSDL is at the same address with ?wsdl.
    defaultUrl: 'http://localhost:8000/BookService',
    checks: ['wsdl', 'list-books', 'get-book', 'add-book', 'book-not-found'],
    texts: async () => (await import('../../lessons/exercises/soap-books/index.js')).texts,
    loadChecks: async () => (await import('../soap/exercise-checks.js')).checks,
    contractFiles: async () => {
      const { bookServiceWsdl } = await import('../soap/wsdl.js');
      return { 'books.wsdl': bookServiceWsdl('http://localhost:8000/BookService') };
    },
  },
  {
    id: 'websocket-book-club',
    paradigm: 'websocket',
    // The upgrade goes to /chat on the starter's HTTP server.
    defaultUrl: 'http://localhost:8080/chat',
    checks: ['handshake', 'broadcast', 'no-token', 'binary', 'pong'],
    texts: async () => (await import('../../lessons/exercises/websocket-book-club/index.js')).texts,
    loadChecks: async () => (await import('../websocket/exercise-checks.js')).checks,
  },
  {
    id: 'mq-order-worker',
    paradigm: 'mq',
    // Where the programs connect without AMQP_URL: RabbitMQ's guest account on this machine.
    defaultUrl: 'amqp://guest:guest@localhost:5672',
    checks: ['task-acked-once', 'fair-dispatch', 'rpc-reply', 'redelivered-on-crash'],
    texts: async () => (await import('../../lessons/exercises/mq-order-worker/index.js')).texts,
    loadChecks: async () => (await import('../mq/exercise-checks.js')).checks,
    contractFiles: async () => {
      const { listPrices } = await import('../mq/shop.js');
      return { 'prices.json': JSON.stringify(listPrices, null, 2) + '\n' };
    },
    // A slow order takes 2 s to pack, and a crashed worker's order 2 s more at the other one.
    checkTimeoutMs: 15_000,
    programs: [
      { name: 'worker-1', role: 'worker', file: 'src/worker.ts' },
      { name: 'worker-2', role: 'worker', file: 'src/worker.ts' },
      { name: 'responder', role: 'responder', file: 'src/responder.ts' },
    ],
    loadRig: async () => (await import('../mq/exercise-rig.js')).startExerciseRig,
  },
];

export const exerciseIds = exercises.map((entry) => entry.id);

export function findExercise(id: string): ExerciseEntry | undefined {
  return exercises.find((entry) => entry.id === id);
}
