/**
 * Runs a function of a module in a worker thread with a deadline: an input that makes
 * synchronous code loop for minutes (catastrophic backtracking, quadratic wrapping) fails
 * the test cleanly instead of hanging the whole run. The deadline is a guard against a
 * hang, many times what the work needs, not a measure of speed.
 */
import { Worker } from 'node:worker_threads';

const script = `
const { parentPort, workerData } = require('node:worker_threads');
import(workerData.tsx).then(({ register }) => {
  register();
  return import(workerData.module);
}).then((mod) => {
  const result = mod[workerData.name](...workerData.args);
  parentPort.postMessage(result);
}).catch((error) => parentPort.postMessage({ error: String(error && error.stack || error) }));
`;

export function callInWorker<T>(module: URL, name: string, args: unknown[], deadlineMs = 20_000): Promise<T> {
  const worker = new Worker(script, {
    eval: true,
    workerData: { module: module.href, name, args, tsx: import.meta.resolve('tsx/esm/api') },
  });
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new Error(`${name} did not finish within ${deadlineMs} ms`));
    }, deadlineMs);
    worker.once('message', (value: T & { error?: string }) => {
      clearTimeout(timer);
      void worker.terminate();
      if (value && typeof value === 'object' && 'error' in value && value.error) reject(new Error(value.error));
      else resolve(value);
    });
    worker.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}
