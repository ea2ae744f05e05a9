/**
 * Runs functions of a module in a worker thread with a deadline: an input that makes
 * synchronous code loop for minutes (catastrophic backtracking, quadratic wrapping) fails
 * the test cleanly instead of hanging the whole run. The deadline is a guard against a
 * hang, many times what the work needs, not a measure of speed.
 *
 * One worker serves the calls one after another: loading tsx and the module in a fresh
 * worker costs more than most calls. A call that misses its deadline ends that worker;
 * the next call starts a new one.
 */
import { Worker } from 'node:worker_threads';

const script = `
const { parentPort, workerData } = require('node:worker_threads');
const loaded = import(workerData.tsx).then(({ register }) => {
  register();
  return import(workerData.module);
});
parentPort.on('message', ({ name, args }) => {
  loaded
    .then((mod) => parentPort.postMessage({ value: mod[name](...args) }))
    .catch((error) => parentPort.postMessage({ error: String((error && error.stack) || error) }));
});
`;

export type WorkerCall = <T>(name: string, args: unknown[], deadlineMs?: number) => Promise<T>;

/** Calls into `module` in one worker, one call at a time; `close` ends the worker. */
export function workerFor(module: URL): { call: WorkerCall; close: () => Promise<void> } {
  let worker: Worker | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  const start = () =>
    (worker ??= new Worker(script, {
      eval: true,
      workerData: { module: module.href, tsx: import.meta.resolve('tsx/esm/api') },
    }));
  const stop = () => {
    const ending = worker?.terminate();
    worker = undefined;
    return ending;
  };

  const once = <T>(name: string, args: unknown[], deadlineMs: number): Promise<T> => {
    const current = start();
    return new Promise<T>((resolve, reject) => {
      const settle = () => {
        clearTimeout(timer);
        current.off('message', onMessage);
        current.off('error', onError);
      };
      const onMessage = (reply: { value?: T; error?: string }) => {
        settle();
        if (reply.error) reject(new Error(reply.error));
        else resolve(reply.value as T);
      };
      const onError = (error: Error) => {
        settle();
        void stop();
        reject(error);
      };
      const timer = setTimeout(() => {
        settle();
        void stop();
        reject(new Error(`${name} did not finish within ${deadlineMs} ms`));
      }, deadlineMs);
      current.on('message', onMessage);
      current.once('error', onError);
      current.postMessage({ name, args });
    });
  };

  const call: WorkerCall = <T>(name: string, args: unknown[], deadlineMs = 20_000) => {
    const result = queue.then(() => once<T>(name, args, deadlineMs));
    queue = result.catch(() => undefined);
    return result;
  };
  return { call, close: async () => void (await queue, await stop()) };
}

/** One call in a worker of its own. */
export async function callInWorker<T>(module: URL, name: string, args: unknown[], deadlineMs = 20_000): Promise<T> {
  const worker = workerFor(module);
  try {
    return await worker.call<T>(name, args, deadlineMs);
  } finally {
    await worker.close();
  }
}
