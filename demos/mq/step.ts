/**
 * The shape of every mq step: act against the broker, close the step's connections so
 * their last frames are on the wire, then compute the facts from the frames the tap saw.
 */
import type { ConsumeMessage } from 'amqplib';
import type { Step, StepOutcome } from '../core/demo.js';
import { AwtError } from '../core/errors.js';
import type { AmqpFrameItem, AmqpParty } from '../wire/amqp-frames.js';
import type { MqLesson } from '../../lessons/mq/en.js';
import { amqpFrames } from './frames.js';
import type { Party, PartyOptions } from './party.js';
import type { MqSession } from './session.js';
import { Inbox } from './wait.js';

export type MqStep = Step<MqSession, MqLesson>;
export type Facts = (frames: AmqpFrameItem[]) => string[] | StepOutcome;

export interface MqContext {
  session: MqSession;
  lesson: MqLesson;
}

export function mqStep(id: MqStep['id'], act: (context: MqContext) => Promise<Facts>): MqStep {
  return {
    id,
    async run({ session, lesson, items }) {
      try {
        const facts = await act({ session, lesson });
        await session.closeParties();
        return facts(amqpFrames(items()));
      } catch (error) {
        // The run is being ended from outside (Ctrl-C, q, a reader that went away) and the session closed
        // under this step. The entry point exits once everything is closed; an error now would only race it.
        if (session.closed) return new Promise<never>(() => undefined);
        await session.closeParties().catch(() => undefined);
        // amqplib's own errors after the broker vanished ("Channel closed", ECONNRESET) mean just that.
        if (!(error instanceof AwtError) && session.lost) {
          throw new AwtError('AWT_BROKER_UNREACHABLE', {
            url: session.address.shown,
            reason: 'lost',
            detail: error instanceof Error ? error.message : String(error),
          });
        }
        throw error;
      }
    },
  };
}

/** A consumer party: its own connection, subscribed to `queue` with `tag` as consumer tag. */
export async function consumer(
  session: MqSession,
  name: string,
  queue: string,
  tag: string,
  options: {
    noAck?: boolean;
    prefetch?: number;
    /** Declarations before subscribing: each service declares what it consumes from. */
    setUp?: (party: Party) => Promise<unknown>;
    onMessage?: (message: ConsumeMessage, party: Party) => void;
  } = {},
  partyOptions?: PartyOptions,
): Promise<{ party: Party; inbox: Inbox<ConsumeMessage> }> {
  const party = await session.connect({ name, role: 'consumer' }, partyOptions);
  const inbox = new Inbox<ConsumeMessage>();
  await options.setUp?.(party);
  if (options.prefetch !== undefined) await party.channel.prefetch(options.prefetch);
  await party.channel.consume(
    queue,
    (message) => {
      if (!message) return;
      options.onMessage?.(message, party);
      inbox.add(message);
    },
    { noAck: options.noAck ?? false, consumerTag: tag },
  );
  return { party, inbox };
}

export function producer(session: MqSession, name: string, options?: PartyOptions): Promise<Party> {
  const info: AmqpParty = { name, role: 'producer' };
  return session.connect(info, options);
}

/** A listener's own queue and how it is bound: by routing key and, for a headers exchange, arguments. */
export interface Binding {
  tag: string;
  name: string;
  key: string;
  args?: Record<string, unknown>;
}

/**
 * One consumer per binding, each with its own queue bound to `exchange`, taking deliveries
 * without acks; every delivery also lands in the one inbox returned.
 */
export async function boundListeners(
  session: MqSession,
  exchange: string,
  bindings: readonly Binding[],
): Promise<Inbox<ConsumeMessage>> {
  const all = new Inbox<ConsumeMessage>();
  for (const { tag, name, key, args } of bindings) {
    const queue = session.queue(tag);
    await consumer(session, name, queue, tag, {
      noAck: true,
      setUp: async (party) => {
        await party.channel.assertQueue(queue, { durable: false });
        await party.channel.bindQueue(queue, exchange, key, args);
      },
      onMessage: (message) => all.add(message),
    });
  }
  return all;
}
