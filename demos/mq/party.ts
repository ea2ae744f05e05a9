/**
 * One client of the broker in a step (a producer, a worker, the e-mail service…): its
 * own TCP connection through the tap and one channel, as separate processes would have.
 */
import amqp from 'amqplib';
import type { Socket } from 'node:net';
import type { AmqpParty } from '../wire/amqp-frames.js';

/** An error amqplib reports; `code` is the AMQP reply code when the broker or client closed a channel. */
export type AmqpError = Error & { code?: number | string };

export interface Party {
  readonly info: AmqpParty;
  readonly connection: amqp.ChannelModel;
  /** The channel opened with the connection: a confirm channel when asked for (Confirm.Select). */
  readonly channel: amqp.ConfirmChannel;
  /** Errors on the connection or any channel, e.g. the broker's Channel.Close 404; never thrown. */
  readonly errors: AmqpError[];
  /** Another channel on the same connection; in confirm mode when asked. */
  openChannel(options?: PartyOptions): Promise<amqp.ConfirmChannel>;
  /** A process that dies: the TCP connection just ends, without Connection.Close. */
  crash(): void;
  /** Connection.Close, unless the connection is gone already; never throws. */
  close(): Promise<void>;
}

export interface PartyOptions {
  /** Open the first channel in confirm mode (RabbitMQ's Confirm.Select extension). */
  confirm?: boolean;
}

export async function openParty(url: string, info: AmqpParty, options: PartyOptions = {}): Promise<Party> {
  const connection = await amqp.connect(url, {
    timeout: 3000,
    // Without it Nagle's algorithm holds small frames back ~40 ms, and the timings would show that instead of AMQP.
    noDelay: true,
    // Shown as the connection's name in RabbitMQ's management UI (http://localhost:15672).
    clientProperties: { connection_name: `awt-demo: ${info.name}` },
  });
  const errors: AmqpError[] = [];
  let gone = false;
  connection.on('error', (error: AmqpError) => errors.push(error));
  connection.on('close', () => (gone = true));
  const open = new Set<amqp.Channel>();
  const watch = <C extends amqp.Channel>(channel: C): C => {
    // Without a listener, a channel the broker closes would throw from an EventEmitter.
    channel.on('error', (error: AmqpError) => errors.push(error));
    channel.on('close', () => open.delete(channel));
    open.add(channel);
    return channel;
  };
  // A plain channel typed as a confirm channel: the steps that never ask for confirms never wait for them.
  const newChannel = async (confirm = false) =>
    watch(
      confirm ? await connection.createConfirmChannel() : ((await connection.createChannel()) as amqp.ConfirmChannel),
    );
  let channel: amqp.ConfirmChannel;
  try {
    channel = await newChannel(options.confirm);
  } catch (error) {
    await connection.close().catch(() => undefined);
    throw error;
  }
  return {
    info,
    connection,
    channel,
    errors,
    openChannel: (channelOptions) => newChannel(channelOptions?.confirm),
    crash() {
      gone = true;
      // amqplib keeps its socket private; destroying it is what a killed process does.
      // With an error, so amqplib notices (it listens for 'error' and 'end', not 'close') and stops its heartbeat timer.
      (connection as unknown as { connection: { stream: Socket } }).connection.stream.destroy(new Error('crashed'));
    },
    async close() {
      if (gone) return;
      // Channels first: amqplib buffers frames per channel and may write Connection.Close
      // (channel 0) ahead of a publish still waiting on channel 1, and the broker would drop
      // it. Channel.Close travels behind the publish on the same channel, so nothing is lost.
      for (const channel of [...open]) await channel.close().catch(() => undefined);
      gone = true;
      await connection.close().catch(() => undefined);
    },
  };
}
