/**
 * What a paradigm provides to the benchmark: its real server, started fresh and with
 * no wire tap in front of it, and a client that performs the benchmark's one
 * operation (get the list of books) the way that paradigm does it.
 *
 * The server runs on the main thread, the clients on the load thread (load-thread.ts),
 * so the client's own work does not take turns with the server's on one thread: the
 * figures are the server's. The two halves meet only through `address`, which
 * crosses between the threads as a structured clone.
 *
 * One per paradigm, demos/<paradigm>/bench-adapter.ts, named in demos/registry.ts.
 */
import type { BrokerInfo } from '../wire/trace.js';

export interface BenchAdapterOptions {
  /** Concurrent loops; an HTTP client keeps this many keep-alive sockets. */
  concurrency: number;
  /** --amqp-url as given, for the mq adapter's start(); unset: $AMQP_URL, else the local default. */
  amqpUrl?: string | undefined;
  /** --broker for the mq adapter: auto, rabbitmq or embedded. */
  broker?: string | undefined;
}

/** Plain data only (it is posted to the load thread): a URL, a queue name, a path. */
export type BenchAddress = { url: string } & Record<string, string | number | boolean>;

export interface BenchAdapter {
  /** The id for --only and in the JSON: "rest". */
  readonly id: string;
  /** The paradigm's proper name, the same in every language: "REST". */
  readonly name: string;
  /** What one operation is on the wire, in the protocol's own words: "GET /v1/books". */
  readonly operation: string;
  /**
   * Main thread: starts the server on 127.0.0.1, port 0, without the tap. An AwtError
   * here (a broker that is not running) skips this paradigm with its message.
   */
  start(options: BenchAdapterOptions): Promise<BenchServer>;
  /** Load thread (or a test): the client side, for the server at `address`. */
  connect(address: BenchAddress, options: BenchAdapterOptions): Promise<BenchClient>;
}

export interface BenchServer {
  readonly address: BenchAddress;
  /** The mq adapter: which broker it runs against. */
  readonly broker?: BrokerInfo;
  close(): Promise<void>;
}

export interface BenchClient {
  /**
   * A client for one loop of the load generator. HTTP adapters share one keep-alive
   * agent among them; a WebSocket adapter would open one socket per worker, an AMQP
   * adapter one channel with its own reply queue.
   */
  worker(): Promise<BenchWorker>;
  /** Closes everything the workers opened. */
  close(): Promise<void>;
}

export interface BenchWorker {
  /**
   * Gets the list of books once. Resolves when the whole answer has arrived; rejects
   * on anything else (a status other than 200, a fault). With `check` it also counts
   * the books in the answer (done once before the load, to prove the adapter asks for
   * the real list); without, only status and size are looked at.
   */
  run(check?: boolean): Promise<BenchAnswer>;
  close?(): Promise<void>;
}

export interface BenchAnswer {
  /** Bytes of the answer's payload (the HTTP body, the message). */
  bytes: number;
  /** Books in the answer, when `check` asked for them to be counted. */
  books?: number;
}
