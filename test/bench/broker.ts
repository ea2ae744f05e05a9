/**
 * `npm run bench:broker`: the embedded AMQP broker next to RabbitMQ, measured in the same
 * run so the ratio holds on a slow or busy machine. Targets: throughput ≥ 1.0× RabbitMQ
 * for 20 000 small messages published and then consumed with manual acks (amqplib on
 * both); `awt-demo mq` no slower with the embedded broker; start-up under 50 ms.
 * RabbitMQ is the broker at AMQP_URL (default amqp://guest:guest@127.0.0.1:5672); the
 * embedded broker runs in a process of its own, as RabbitMQ does (test/bench/broker-process.ts).
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import amqp from 'amqplib';

const rabbitUrl = process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';
const messages = Number(process.env.BENCH_MESSAGES ?? 20_000);
const rounds = Math.max(3, Number(process.env.BENCH_RUNS ?? 3));
const prefetch = 500;
const bin = fileURLToPath(new URL('../../dist/bin/launch.cjs', import.meta.url));

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** Publishes `messages` bodies of 32 bytes, waits until the queue holds them all, then consumes and acks each. */
async function throughput(url: string): Promise<number> {
  const connection = await amqp.connect(url, { noDelay: true });
  try {
    const channel = await connection.createChannel();
    // Unique per run: RabbitMQ is shared with other developers and tests.
    const queue = `awt-bench-${randomBytes(4).toString('hex')}`;
    await channel.assertQueue(queue, { durable: false, autoDelete: true });
    const body = Buffer.alloc(32, 'x');
    const start = performance.now();
    for (let i = 0; i < messages; i++) {
      if (!channel.sendToQueue(queue, body)) await new Promise((resolve) => channel.once('drain', resolve));
    }
    // The passive declare travels behind the publishes on the same channel; poll until all are counted.
    const deadline = Date.now() + 60_000;
    while ((await channel.checkQueue(queue)).messageCount < messages) {
      if (Date.now() > deadline) throw new Error('messages did not arrive within 60 s');
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    await channel.prefetch(prefetch);
    let received = 0;
    await new Promise<void>((resolve) => {
      void channel.consume(queue, (message) => {
        if (!message) return;
        channel.ack(message);
        if (++received === messages) resolve();
      });
    });
    const seconds = (performance.now() - start) / 1000;
    await channel.deleteQueue(queue);
    return messages / seconds;
  } finally {
    await connection.close();
  }
}

function demoRun(broker: 'rabbitmq' | 'embedded'): number {
  const start = performance.now();
  const result = spawnSync(process.execPath, [bin, 'mq', '--json', '--broker', broker], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, AMQP_URL: rabbitUrl },
  });
  if (result.status !== 0) throw new Error(`awt-demo mq --broker ${broker} failed: ${result.stderr.toString()}`);
  return performance.now() - start;
}

/**
 * Start-up as `awt-demo mq` sees it: a fresh node that has loaded what the CLI has loaded
 * by then (its own modules, node:net and node:crypto), then loads the built broker and
 * listens. Median of 5 processes.
 */
function coldStart(): { wall: number; cpu: number } {
  const server = fileURLToPath(new URL('../../dist/demos/mq/broker/server.js', import.meta.url));
  const errors = fileURLToPath(new URL('../../dist/demos/core/errors.js', import.meta.url));
  const script =
    `await import(${JSON.stringify(errors)}); await import('node:net'); await import('node:crypto');` +
    'const t = performance.now(); const cpu = process.cpuUsage();' +
    `const { startBroker } = await import(${JSON.stringify(server)});` +
    'const b = await startBroker({ port: 0 });' +
    'const used = process.cpuUsage(cpu);' +
    'console.log(performance.now() - t, (used.user + used.system) / 1000);' +
    'await b.close();';
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`start-up probe failed: ${result.stderr}`);
  const [wall, cpu] = result.stdout.trim().split(' ').map(Number);
  return { wall: wall!, cpu: cpu! };
}
const starts = Array.from({ length: 5 }, coldStart);
const cold = median(starts.map((s) => s.wall));
// CPU time is what the start costs on an idle machine; wall time includes waiting for a busy one.
const coldCpu = median(starts.map((s) => s.cpu));
const { startBroker } = await import('../../demos/mq/broker/server.js');
const warm: number[] = [];
for (let i = 0; i < 9; i++) {
  const t = performance.now();
  const broker = await startBroker({ port: 0 });
  warm.push(performance.now() - t);
  await broker.close();
}

const child = spawn(
  process.execPath,
  ['--import', 'tsx', fileURLToPath(new URL('broker-process.ts', import.meta.url))],
  {
    stdio: ['pipe', 'pipe', 'inherit'],
  },
);
const embedded = {
  url: await new Promise<string>((resolve, reject) => {
    child.stdout.once('data', (chunk: Buffer) => resolve(String(chunk).trim()));
    child.once('exit', (code) => reject(new Error(`the broker process ended (${code})`)));
  }),
  close: () => new Promise<void>((resolve) => (child.once('exit', () => resolve()), child.stdin.end())),
};
const rates = { rabbitmq: [] as number[], embedded: [] as number[] };
const demo = { rabbitmq: [] as number[], embedded: [] as number[] };
try {
  // Interleaved, one warm-up each, so a slow moment of the machine hits both alike.
  await throughput(rabbitUrl);
  await throughput(embedded.url);
  for (let i = 0; i < rounds; i++) {
    rates.rabbitmq.push(await throughput(rabbitUrl));
    rates.embedded.push(await throughput(embedded.url));
  }
  for (let i = 0; i < rounds; i++) {
    demo.rabbitmq.push(demoRun('rabbitmq'));
    demo.embedded.push(demoRun('embedded'));
  }
} finally {
  await embedded.close();
}

const rabbit = median(rates.rabbitmq);
const ours = median(rates.embedded);
const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
console.log(`embedded AMQP broker vs RabbitMQ (${rabbitUrl.replace(/:[^:@/]*@/, '@')}), node ${process.version}`);
console.log(`median of ${rounds} rounds each, interleaved\n`);
console.log(`${messages} messages published, then consumed with manual acks (prefetch ${prefetch}):`);
console.log(`  RabbitMQ  ${rabbit.toFixed(0).padStart(8)} msgs/s`);
console.log(
  `  embedded  ${ours.toFixed(0).padStart(8)} msgs/s   ${(ours / rabbit).toFixed(2)}×  target ≥ 1.0×  ${verdict(ours >= rabbit)}`,
);
const demoRabbit = median(demo.rabbitmq);
const demoOurs = median(demo.embedded);
console.log(`\nawt-demo mq --json, whole run:`);
console.log(`  RabbitMQ  ${demoRabbit.toFixed(0).padStart(8)} ms`);
console.log(
  `  embedded  ${demoOurs.toFixed(0).padStart(8)} ms   ${(demoOurs / demoRabbit).toFixed(2)}×  target ≤ 1.0×  ${verdict(demoOurs <= demoRabbit)}`,
);
console.log(
  `\nstart-up of the embedded broker (load average ${os.loadavg()[0]!.toFixed(1)} on ${os.availableParallelism()} cores):`,
);
console.log(
  `  new process, loading the broker  ${cold.toFixed(1).padStart(6)} ms   target < 50 ms  ${verdict(cold < 50)}`,
);
console.log(
  `  the same, CPU time                ${coldCpu.toFixed(1).padStart(6)} ms   target < 50 ms  ${verdict(coldCpu < 50)}`,
);
console.log(`  median of 9 later starts          ${median(warm).toFixed(1).padStart(6)} ms`);
