/**
 * The TypeScript programs step 1 of the mq demo shows beside the lecture's pika ones
 * (lessons/mq/code.ts) are programs that run: node runs each against an embedded broker,
 * with only the broker's address put in place of amqp://localhost. (The pika programs run
 * unchanged in test/mq.broker-cli.test.ts.)
 */
import assert from 'node:assert/strict';
import { execFile, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { after, describe, test } from 'node:test';
import { startBroker } from '../../demos/mq/broker/server.js';
import { amqplibConsumer, amqplibProducer } from '../../lessons/mq/code.js';

/** The repository, so that `import amqp from 'amqplib'` finds the installed package. */
const root = fileURLToPath(new URL('../..', import.meta.url));

const runnable = (code: string, url: string) => {
  assert.equal(code.split("'amqp://localhost'").length, 2, 'the program connects once, to amqp://localhost');
  return ['--input-type=module', '-e', code.replace("'amqp://localhost'", JSON.stringify(url))];
};

describe("the mq demo's TypeScript programs beside the lecture's", () => {
  const children: ChildProcess[] = [];
  after(() => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  });

  test('when the producer runs and then the consumer then the consumer prints the message the producer left', async () => {
    await using broker = await startBroker();
    const sent = await promisify(execFile)(process.execPath, runnable(amqplibProducer, broker.url), {
      cwd: root,
      timeout: 15_000,
    });
    assert.equal(sent.stdout, " [x] Sent 'Hello World!'\n");

    const consumer = execFile(process.execPath, runnable(amqplibConsumer, broker.url), { cwd: root });
    children.push(consumer);
    let printed = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no message; the consumer printed: ${printed}`)), 15_000);
      consumer.stdout!.on('data', (chunk: Buffer) => {
        printed += chunk.toString();
        if (printed.includes(' [x] Received Hello World!') && printed.includes(' [*] Waiting for messages.')) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    // The message was waiting in the queue, so it may arrive before the consumer's own line.
    assert.deepEqual(printed.split('\n').sort(), [
      '',
      ' [*] Waiting for messages. To exit press CTRL+C',
      ' [x] Received Hello World!',
    ]);
    consumer.kill('SIGKILL');
  });
});
