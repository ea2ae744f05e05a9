/**
 * What `exercise check` sets up for an AMQP exercise: the broker (chosen as `mq` chooses
 * it), the wire tap in front of it, and the student's programs started from the exercise
 * folder with AMQP_URL pointing at the tap, so their own Basic.Qos, Basic.Ack and replies
 * cross it. Every start gets queues of its own (TASK_QUEUE, RPC_QUEUE), so runs never
 * share one on RabbitMQ, and what a program left unacknowledged never reaches a later start.
 * A check that leaves the workers unable to go on starts the workers again, not the responder.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type amqp from 'amqplib';
import { AwtError } from '../core/errors.js';
import { viaTap } from '../core/broker-url.js';
import type { ProgramRole, StartRig } from '../exercises/types.js';
import { createAmqpFrameDecoder } from '../wire/amqp-frames.js';
import { startTap } from '../wire/tap.js';
import type { WireItem } from '../wire/trace.js';
import { chooseBroker } from './choose-broker.js';
import { connectChosen } from './connect-broker.js';
import { amqpFrames, settlementsOf } from './frames.js';
import { orderQueue, quoteQueue } from './shop.js';
import { startProgram, type RunningProgram } from './student-programs.js';
import { within } from './wait.js';

export const startExerciseRig: StartRig = async (options) => {
  const missing = options.programs.map((p) => p.file).filter((file) => !existsSync(path.join(options.dir, file)));
  if (missing.length > 0) {
    throw new AwtError('AWT_NO_PROGRAMS', { dir: options.dir, files: [...new Set(missing)].join(', ') });
  }
  const chosen = await chooseBroker(options.broker, options.amqpUrl, options.env);
  const broker = chosen.address;
  // A direct connection, outside the tap: it proves the broker is there, and it deletes the run's queues at the end.
  const admin = await connectChosen(chosen, 'awt-demo exercise check: clean-up');
  admin.on('error', () => undefined);
  const tap = await startTap({
    target: { host: broker.host, port: broker.port },
    decoder: (connection, emit) => createAmqpFrameDecoder(connection, emit),
  }).catch(async (error: unknown) => {
    await admin.close().catch(() => undefined);
    await chosen.close();
    throw error;
  });
  const url = viaTap(broker, tap.port);
  const run = randomBytes(3).toString('hex');
  const declared: string[] = [];
  const roles = [...new Set(options.programs.map((p) => p.role))];
  /** Per role: how often its programs were started, and where on the wire the running ones began. */
  const generation: Record<ProgramRole, number> = { worker: 0, responder: 0 };
  const startedAt: Record<ProgramRole, number> = { worker: 0, responder: 0 };
  let queues = { tasks: '', requests: '' };
  let programs: RunningProgram[] = [];
  /** Roles to start (again) before the next check: every one at first, the workers after a cut. */
  const dirty = new Set<ProgramRole>(roles);
  const queueOf = (role: ProgramRole) => (role === 'worker' ? queues.tasks : queues.requests);
  const sinceStart = () => tap.items.slice(Math.min(...roles.map((role) => startedAt[role])));
  const consumers = (role: ProgramRole) => consumingConnections(sinceStart(), queueOf(role));
  const { said } = options;

  const notReady = (role: ProgramRole): string | undefined => {
    const mine = programs.filter((p) => p.role === role);
    const found = consumers(role).length;
    if (found >= mine.length) return undefined;
    const ended = mine.filter((p) => p.ended !== undefined);
    if (ended.length > 0) {
      return ended
        .map((p) => said.programEnded({ program: p.name, file: p.file, how: p.ended!, output: p.output() }))
        .join('; ');
    }
    const output = mine.map((p) => p.output()).find((text) => text !== '') ?? '';
    return said.notConsuming({
      programs: mine.map((p) => p.name).join(', '),
      queue: queueOf(role),
      found,
      wanted: mine.length,
      seconds: options.readyMs / 1000,
      output,
    });
  };

  const stopAll = async () => {
    await Promise.all(programs.map((p) => p.stop()));
  };

  /**
   * Starts the programs of `restart` (again) on queues of their own, so nothing an earlier
   * start left unsettled reaches them; the programs of the other roles keep running.
   */
  const start = async (restart: readonly ProgramRole[]) => {
    await Promise.all(programs.filter((p) => restart.includes(p.role)).map((p) => p.stop()));
    for (const role of restart) {
      generation[role] += 1;
      const prefix = generation[role] === 1 ? `awt-${run}` : `awt-${run}-${generation[role]}`;
      const queue = `${prefix}.${role === 'worker' ? orderQueue : quoteQueue}`;
      queues = role === 'worker' ? { ...queues, tasks: queue } : { ...queues, requests: queue };
      declared.push(queue);
    }
    await tap.settled();
    for (const role of restart) startedAt[role] = tap.items.length;
    const env = { ...options.env, AMQP_URL: url, TASK_QUEUE: queues.tasks, RPC_QUEUE: queues.requests };
    programs = [
      ...programs.filter((p) => !restart.includes(p.role)),
      ...options.programs
        .filter((spec) => restart.includes(spec.role))
        .map((spec) => startProgram(spec, options.dir, env, options.nodeArgs)),
    ];
    const until = Date.now() + options.readyMs;
    // Ready when every role consumes; given up for a role whose programs ended, or when time is up.
    while (Date.now() < until) {
      await tap.settled();
      const waiting = restart.filter(
        (role) => notReady(role) !== undefined && programs.some((p) => p.role === role && p.ended === undefined),
      );
      if (waiting.length === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  /**
   * The roles whose programs an earlier check left unable to serve the next one alike: one
   * ended or lost its connection, the broker closed a channel of one, or one holds a
   * delivery it never settled (which, with prefetch 1, blocks it). Programs that never
   * consumed are not started again: they would fail the same way.
   */
  const damaged = (): ProgramRole[] => {
    if (!roles.every((role) => notReady(role) === undefined)) return [];
    const frames = amqpFrames(sinceStart());
    return roles.filter((role) => {
      if (programs.some((p) => p.role === role && p.ended !== undefined)) return true;
      const theirs = new Set(consumers(role));
      if (tap.connections.some((c) => theirs.has(c.id) && c.closedAt !== undefined)) return true;
      const own = frames.filter((f) => theirs.has(f.connection));
      const manual = new Set(
        own.filter((f) => f.method === 'Basic.Consume' && !f.fields?.noAck).map((f) => `${f.connection}/${f.channel}`),
      );
      return own.some(
        (f) =>
          (f.direction === 'down' && /\.Close$/.test(f.method ?? '')) ||
          (f.method === 'Basic.Deliver' &&
            manual.has(`${f.connection}/${f.channel}`) &&
            settlementsOf(own, f).length === 0),
      );
    });
  };

  return {
    url,
    tap,
    brokerUsed: {
      kind: chosen.kind,
      url: broker.shown,
      ...(chosen.product ? { product: chosen.product } : {}),
      ...(chosen.fallbackFrom ? { fallbackFrom: chosen.fallbackFrom } : {}),
    },
    amqp: {
      url,
      ...(options.quietMs !== undefined ? { quietMs: options.quietMs } : {}),
      get queues() {
        return queues;
      },
      notReady,
      consumers,
      sinceStart,
      cut(connection) {
        const role = roles.find((r) => consumers(r).includes(connection));
        for (const r of role ? [role] : roles) dirty.add(r);
        tap.dropConnection(connection);
      },
    },
    async prepare() {
      await tap.settled();
      const restart = [...new Set([...dirty, ...damaged()])];
      dirty.clear();
      if (restart.length > 0) await start(restart);
    },
    async close() {
      await stopAll();
      await tap.settled();
      // The programs may declare queues of their own, named after the run's (orders-retry, say):
      // those go too, so that a message nobody will read is not left on the student's RabbitMQ.
      const theirs = amqpFrames(tap.items)
        .filter((f) => f.method === 'Queue.Declare' && f.direction === 'up')
        .map((f) => String(f.fields?.queue ?? ''))
        .filter((queue) => queue.startsWith(`awt-${run}`));
      await tap.close();
      await removeQueues(admin, [...new Set([...declared, ...theirs])]);
      await within(admin.close(), 2000, () => new Error('close')).catch(() => undefined);
      await chosen.close();
    },
  };
};

/** Connections on which a Basic.Consume on `queue` was answered with Basic.ConsumeOk. */
export function consumingConnections(items: readonly WireItem[], queue: string): number[] {
  const frames = amqpFrames(items);
  const found = new Set<number>();
  for (const [i, consume] of frames.entries()) {
    if (consume.method !== 'Basic.Consume' || consume.direction !== 'up' || consume.fields?.queue !== queue) continue;
    const ok = frames
      .slice(i + 1)
      .some(
        (f) =>
          f.method === 'Basic.ConsumeOk' &&
          f.direction === 'down' &&
          f.connection === consume.connection &&
          f.channel === consume.channel,
      );
    if (ok) found.add(consume.connection);
  }
  return [...found];
}

/** Deletes the run's queues; deleting one that is already gone is fine. */
async function removeQueues(admin: amqp.ChannelModel, queues: readonly string[]): Promise<void> {
  for (const queue of queues) {
    try {
      const channel = await within(admin.createChannel(), 2000, () => new Error('Channel.OpenOk'));
      channel.on('error', () => undefined);
      await within(channel.deleteQueue(queue), 2000, () => new Error('Queue.DeleteOk'));
      await channel.close().catch(() => undefined);
    } catch {
      // a broker that went away keeps nothing of this run anyway
    }
  }
}
