/**
 * One `awt-demo microservices --json` run, shared by every test of this process that reads
 * its trace: a run starts sixteen service processes (about six seconds of CPU), and the tests
 * of the steps and those of the broker ask different questions of the same trace.
 *
 * --amqp-url names a port where nothing listens, so --broker auto falls back to the embedded
 * broker whether RabbitMQ runs on this machine or not: the run a student without RabbitMQ
 * gets. That the embedded broker answers the AMQP methods as RabbitMQ does is proven
 * frame by frame in test/timed/mq.broker-differential.test.ts.
 */
import assert from 'node:assert/strict';
import type { Trace } from '../../demos/wire/trace.js';
import { runCli } from './cli.js';
import { closedPort } from './closed-port.js';

export interface MicroservicesRun {
  trace: Trace;
  /** The --amqp-url of the run, where nothing answered. */
  nowhere: string;
}

let run: Promise<MicroservicesRun> | undefined;

export function microservicesRun(): Promise<MicroservicesRun> {
  return (run ??= (async () => {
    const nowhere = `amqp://guest:guest@127.0.0.1:${await closedPort()}`;
    const result = await runCli(['microservices', '--json', '--amqp-url', nowhere], { timeoutMs: 180_000 });
    assert.equal(result.code, 0, result.stderr);
    return { trace: JSON.parse(result.stdout) as Trace, nowhere };
  })());
}
