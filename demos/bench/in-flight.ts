/**
 * One request in flight on a connection that is not HTTP (a WebSocket, an AMQP reply
 * queue): the worker sends, then waits for the answer that carries the request's key.
 * Anything that ends the connection fails the one waiting. The check before the load
 * has a deadline, so a missing answer cannot hang the benchmark.
 */
import type { BenchAnswer } from './adapter.js';

const checkTimeoutMs = 10_000;

export interface InFlight<K> {
  /** The key of the request waiting for its answer, if one is. */
  readonly key: K | undefined;
  /** Waits for the answer to `key` (send the request after calling this). */
  wait(key: K, check: boolean): Promise<BenchAnswer>;
  /** The answer has come: its size, and with `check` the books it lists. */
  answer(payload: Buffer, countBooks: (payload: Buffer) => number): void;
  fail(error: Error): void;
}

export function inFlight<K>(): InFlight<K> {
  let pending:
    { key: K; check: boolean; resolve: (answer: BenchAnswer) => void; reject: (error: Error) => void } | undefined;
  const settle = () => {
    const waiting = pending;
    pending = undefined;
    return waiting;
  };
  return {
    get key() {
      return pending?.key;
    },
    wait: (key, check) =>
      new Promise<BenchAnswer>((resolve, reject) => {
        if (!check) {
          pending = { key, check, resolve, reject };
          return;
        }
        const timer = setTimeout(
          () => settle()?.reject(new Error(`no answer within ${checkTimeoutMs} ms`)),
          checkTimeoutMs,
        );
        pending = {
          key,
          check,
          resolve: (answer) => (clearTimeout(timer), resolve(answer)),
          reject: (error) => (clearTimeout(timer), reject(error)),
        };
      }),
    answer(payload, countBooks) {
      const waiting = settle();
      if (!waiting) return;
      try {
        waiting.resolve(
          waiting.check ? { bytes: payload.length, books: countBooks(payload) } : { bytes: payload.length },
        );
      } catch (error) {
        waiting.reject(error instanceof Error ? error : new Error(String(error)));
      }
    },
    fail: (error) => settle()?.reject(error),
  };
}
