/**
 * One run of the mq demo: a wire tap in front of the real broker, exchanges and queues
 * named for this run only, and the parties (connections) of the current step.
 */
import amqp from 'amqplib';
import { randomBytes } from 'node:crypto';
import type { BrokerInfo, DemoSession, DemoStartOptions } from '../core/demo.js';
import { AwtError } from '../core/errors.js';
import { createAmqpFrameDecoder, type AmqpParty } from '../wire/amqp-frames.js';
import { startTap, type Tap } from '../wire/tap.js';
import { viaTap, type BrokerAddress } from '../core/broker-url.js';
import { brokerChoice } from './broker-choice.js';
import { chooseBroker } from './choose-broker.js';
import { brokerError, connectChosen } from './connect-broker.js';
import { openParty, type Party, type PartyOptions } from './party.js';
import { withDeadlines } from './deadline-channel.js';
import { patienceMs, stalled, within } from './wait.js';

export interface MqSession extends DemoSession {
  readonly address: BrokerAddress;
  readonly brokerUsed: BrokerInfo;
  /** `awt-<run>.<base>`: no other run (or test) sees this run's messages. Deleted on close. */
  queue(base: string): string;
  exchange(base: string): string;
  /** A new connection with one channel through the tap, for one party of the current step. */
  connect(info: AmqpParty, options?: PartyOptions): Promise<Party>;
  /** Closes the current step's parties (Connection.Close → CloseOk), so their last frames are in the trace. */
  closeParties(): Promise<void>;
  /** `promise`, or AWT_BROKER_UNREACHABLE ("stalled") after the patience (5 s) of waiting for `awaiting`. */
  within<T>(promise: Promise<T>, awaiting: string): Promise<T>;
  /** True once the broker dropped the session's own connection: the broker went away. */
  readonly lost: boolean;
  /** True once close() has begun: Ctrl-C, q or a closed pipe is ending the run. */
  readonly closed: boolean;
}

export interface MqStartOptions extends DemoStartOptions {
  /** How long any one wait on the broker may take before it is "stalled" (default `patienceMs`, 5 s). */
  patienceMs?: number;
}

export async function startMq(options: MqStartOptions = {}): Promise<MqSession> {
  const patience = options.patienceMs ?? patienceMs;
  const chosen = await chooseBroker(brokerChoice(options.broker, process.env), options.amqpUrl, process.env);
  const broker = chosen.address;
  // A direct connection, outside the tap: it proves the broker is there before anything is
  // shown, and it deletes this run's queues and exchanges at the end without adding to the trace.
  const admin = await connectChosen(chosen, 'awt-demo: clean-up');
  let lost = false;
  let closed = false;
  admin.on('error', () => undefined);
  admin.on('close', () => (lost = true));

  let pending: AmqpParty | undefined;
  let tap: Tap;
  try {
    tap = await startTap({
      target: { host: broker.host, port: broker.port },
      decoder: (connection, emit) => {
        // Connections open one at a time (see `connect`), so the one just accepted is `pending`.
        const party = pending;
        pending = undefined;
        return createAmqpFrameDecoder(connection, party ? (item) => emit({ ...item, party }) : emit);
      },
    });
  } catch (error) {
    await admin.close().catch(() => undefined);
    await chosen.close();
    throw error;
  }

  // 24 random bits: runs that overlap in time (tests side by side) never share a name.
  const run = randomBytes(3).toString('hex');
  const queues = new Set<string>();
  const exchanges = new Set<string>();
  const parties: Party[] = [];
  let connecting: Promise<unknown> = Promise.resolve();
  const wait = <T>(promise: Promise<T>, awaiting: string) =>
    within(promise, patience, () => stalled(broker.shown, awaiting, patience));

  const closeParties = async () => {
    const open = parties.splice(0);
    for (const party of open)
      await within(party.close(), patience, () => stalled(broker.shown, 'Connection.CloseOk', patience));
  };

  return {
    address: broker,
    brokerUsed: {
      kind: chosen.kind,
      url: broker.shown,
      ...(chosen.product ? { product: chosen.product } : {}),
      ...(chosen.fallbackFrom ? { fallbackFrom: chosen.fallbackFrom } : {}),
    },
    taps: [tap],
    get lost() {
      return lost;
    },
    get closed() {
      return closed;
    },
    queue: (base) => remember(queues, `awt-${run}.${base}`),
    exchange: (base) => remember(exchanges, `awt-${run}.${base}`),
    within: wait,
    closeParties,
    async connect(info, partyOptions) {
      const opened = connecting.then(async () => {
        pending = info;
        const attempt = openParty(viaTap(broker, tap.port), info, partyOptions);
        try {
          return await wait(attempt, 'Connection.OpenOk');
        } catch (error) {
          // Should the connection still open after we gave up on it, it must not be left behind.
          attempt.then(
            (late) => late.close(),
            () => undefined,
          );
          throw error instanceof AwtError ? error : brokerError(broker, error, 'lost');
        } finally {
          pending = undefined;
        }
      });
      connecting = opened.catch(() => undefined);
      const open = await opened;
      // Every later request of the steps (declare, bind, consume, another channel) has a deadline too.
      const party: Party = {
        ...open,
        channel: withDeadlines(open.channel, wait),
        openChannel: async (channelOptions) =>
          withDeadlines(await wait(open.openChannel(channelOptions), 'Channel.OpenOk'), wait),
      };
      parties.push(party);
      return party;
    },
    async close() {
      closed = true;
      await closeParties().catch(() => undefined);
      await tap.close();
      await removeAll(admin, queues, exchanges).catch(() => undefined);
      await within(admin.close(), 2000, () => new Error('close')).catch(() => undefined);
      await chosen.close();
    },
  };
}

function remember(names: Set<string>, name: string): string {
  names.add(name);
  return name;
}

/** Deletes what this run declared; deleting what is already gone is fine in RabbitMQ. */
async function removeAll(admin: amqp.ChannelModel, queues: Set<string>, exchanges: Set<string>): Promise<void> {
  let channel: amqp.Channel | undefined;
  const remove = async (action: (channel: amqp.Channel) => Promise<unknown>) => {
    try {
      if (!channel) {
        channel = await within(admin.createChannel(), 2000, () => new Error('Channel.OpenOk'));
        channel.on('error', () => undefined);
      }
      await within(action(channel), 2000, () => new Error('delete'));
    } catch {
      // A refused delete closes the channel; the next one gets a fresh channel.
      channel = undefined;
    }
  };
  for (const queue of queues) await remove((c) => c.deleteQueue(queue));
  for (const exchange of exchanges) await remove((c) => c.deleteExchange(exchange));
}
