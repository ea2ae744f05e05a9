/**
 * The embedded broker through the built CLI: mq and compare run every column with no
 * RabbitMQ at the URL (a closed local port stands for "not installed"), still use RabbitMQ
 * when it answers, and `awt-demo broker` serves the lecture's pika producer and consumer.
 */
import assert from 'node:assert/strict';
import { execFile, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, describe, test } from 'node:test';
import type { Comparison } from '../../demos/compare/types.js';
import { pikaConsumer, pikaProducer } from '../../lessons/mq/code.js';
import type { Trace } from '../../demos/wire/trace.js';
import { refusal, runCli, runCliOnce, spawnCli, waitForOutput } from '../utils/cli.js';

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Debian's python3-pika (.ci/run installs it), else the first python3 that has pika. */
const python = ['/usr/bin/python3', 'python3'].find(
  (candidate) => spawnSync(candidate, ['-c', 'import pika'], { stdio: 'ignore' }).status === 0,
);
/** The lecture's programs as step 1 of the mq demo shows them, each in a file of its own for python3. */
const lectureDir = mkdtempSync(path.join(os.tmpdir(), 'awt-pika-'));
const lectureFile = (name: string, code: string) => {
  const file = path.join(lectureDir, name);
  writeFileSync(file, code);
  return file;
};
const scripts = {
  'send.py': lectureFile('send.py', pikaProducer),
  'receive.py': lectureFile('receive.py', pikaConsumer),
};
/** Runs a lecture script unchanged; only pika's default port (5672) is pointed at the test's broker. */
const runPy = (port: number, script: keyof typeof scripts) => [
  '-c',
  'import runpy, sys, pika.connection\n' +
    'pika.connection.Parameters.DEFAULT_PORT = int(sys.argv[1])\n' +
    "runpy.run_path(sys.argv[2], run_name='__main__')",
  String(port),
  scripts[script],
];

// Each test is its own child processes (the brokers on ports of their own): three at a time.
describe('the embedded broker through the CLI', { concurrency: 3 }, () => {
  const children: ChildProcess[] = [];
  after(() => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(lectureDir, { recursive: true, force: true });
  });

  test('when no broker answers at the URL then awt-demo mq runs all 14 steps on the embedded broker and says so', async () => {
    const port = await closedPort();
    const result = await runCli(
      ['mq', '--amqp-url', `amqp://guest:guest@127.0.0.1:${port}`, '--no-color', '--width', '80'],
      { timeoutMs: 60_000 },
    );
    assert.equal(result.code, 0, result.stderr);
    // The sentence under the title, up to the empty line: wrapped to the width like the rest.
    const broker = result.stdout.split('\n\n')[1]!;
    for (const line of broker.split('\n')) assert.ok(line.length <= 80, line);
    assert.match(
      broker.replaceAll('\n', ' '),
      new RegExp(
        `^Broker: awt-demo's embedded broker at amqp://guest@127\\.0\\.0\\.1:\\d+ \\(nothing answered at amqp://guest@127\\.0\\.0\\.1:${port}\\)\\.$`,
      ),
    );
    for (let n = 1; n <= 14; n++) assert.match(result.stdout, new RegExp(`Step ${n}/14`));
    assert.equal(result.stderr, '');
  });

  test('when no broker answers at the URL then compare measures every column, the queue on the embedded broker', async () => {
    const port = await closedPort();
    const result = await runCli(
      ['compare', '--json', '--repeat', '1', '--amqp-url', `amqp://guest:guest@127.0.0.1:${port}`],
      { timeoutMs: 60_000 },
    );
    assert.equal(result.code, 0, result.stderr);
    const comparison = JSON.parse(result.stdout) as Comparison;
    assert.equal(comparison.broker?.kind, 'embedded');
    assert.deepEqual(comparison.paradigms, ['rest', 'graphql', 'soap', 'websocket', 'mq']);
    for (const useCase of comparison.useCases) {
      for (const paradigm of comparison.paradigms) {
        assert.notEqual(useCase.cells[paradigm]?.fit, 'skipped', `${paradigm} in use case ${useCase.id}`);
      }
    }
    assert.equal(comparison.setup.mq?.fit, true);
  });

  test('when RabbitMQ answers at the URL then mq uses it and names it', async () => {
    // The run whose trace mq.cli reads step by step.
    const result = await runCliOnce(['mq', '--json'], { timeoutMs: 60_000 });
    assert.equal(result.code, 0, result.stderr);
    const trace = JSON.parse(result.stdout) as Trace;
    assert.equal(trace.broker?.kind, 'external');
    assert.match(trace.broker?.product ?? '', /^RabbitMQ \d/);
    assert.equal(trace.steps.length, 14);
  });

  test('when the port of awt-demo broker is taken then one message says so and how to go on, exit 4', async () => {
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = taken.address() as net.AddressInfo;
      const result = await runCli(['broker', '--port', String(port)]);
      assert.equal(result.code, 4, result.stderr);
      assert.equal(
        result.stderr,
        `awt-demo: Port ${port} is already in use, perhaps by a RabbitMQ that runs there.\n` +
          '  Start the embedded broker on another port, for example: awt-demo broker --port 5673. Or use the broker that runs there: awt-demo mq.\n',
      );
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  });

  test('when --broker has an unknown value then one line names the choices, exit 2', async () => {
    // A wrong value like any other (through the bin: cli.e2e's --width wide), asked in this process.
    const { exitCode, lines } = await refusal(['mq', '--broker', 'kafka']);
    assert.equal(exitCode, 2);
    assert.match(lines[0]!, /^Invalid value "kafka" for --broker: expected auto \| rabbitmq \| embedded\./);
  });

  test(
    "when awt-demo broker runs then the lecture's pika producer and consumer talk through it unchanged and every frame shows",
    { skip: python ? false : 'python3-pika is not installed (.ci/run installs it)' },
    async () => {
      const port = await closedPort();
      const broker = spawnCli(['broker', '--port', String(port), '--no-color', '--width', '200']);
      children.push(broker);
      await waitForOutput(broker, /Ctrl-C stops the broker/);
      const output = waitForOutput(broker, /Basic\.Deliver[\s\S]*body, 12 B: Hello World!/, 20_000);

      const sent = await promisify(execFile)(python!, runPy(port, 'send.py'), { timeout: 15_000 });
      assert.equal(sent.stdout, " [x] Sent 'Hello World!'\n");
      const consumer = execFile(python!, runPy(port, 'receive.py'));
      children.push(consumer);
      let received = '';
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no message; consumer said: ${received}`)), 15_000);
        consumer.stdout!.on('data', (chunk: Buffer) => {
          received += chunk.toString();
          if (received.includes(" [x] Received b'Hello World!'")) {
            clearTimeout(timer);
            resolve();
          }
        });
      });
      consumer.kill('SIGINT');
      const trace = await output;
      assert.match(trace, /client → broker {2}Queue\.Declare queue=hello durable=false/);
      assert.match(trace, /client → broker {2}Basic\.Publish exchange="" routingKey=hello/);
      assert.match(trace, /client ← broker {2}Basic\.Deliver consumerTag=\S+ deliveryTag=1/);

      const exit = new Promise<number | null>((resolve) => broker.on('close', (code) => resolve(code)));
      broker.kill('SIGINT');
      assert.equal(await exit, 130);
    },
  );
});
