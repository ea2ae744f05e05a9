/**
 * One client connection: the protocol header (§4.2.2), the handshake Start/StartOk,
 * Tune/TuneOk, Open/OpenOk (§2.2.4), frames in (§4.2.3) handed to channels, heartbeats
 * (§4.2.7), and the close handshakes. Every error ends in the answer the spec asks for:
 * Channel.Close for soft errors, Connection.Close for hard ones, and a plain TCP close
 * where no frame can be trusted any more.
 */
import type { Socket } from 'node:net';
import { Channel, type ChannelHost } from './channel.js';
import { amqplibCodec, M, methodName, type Fields } from './codec.js';
import { AmqpException, fail } from './errors.js';
import { FrameWriter } from './frame-writer.js';
import type { VirtualHost } from './vhost.js';

export const PROTOCOL_HEADER = Buffer.from('AMQP\x00\x00\x09\x01', 'latin1');

export interface ConnectionLimits {
  /** Proposed in Connection.Tune; RabbitMQ's defaults. */
  frameMax: number;
  channelMax: number;
  heartbeat: number;
  /** Time for the client to complete the handshake (RabbitMQ: handshake_timeout, 10 s). */
  handshakeMs: number;
  /** Time the client gets to answer our Connection.Close with CloseOk. */
  closeMs: number;
}

export const DEFAULT_LIMITS: ConnectionLimits = {
  frameMax: 131072,
  channelMax: 2047,
  heartbeat: 60,
  handshakeMs: 10_000,
  closeMs: 1_000,
};

const USERS: Record<string, string> = { guest: 'guest' };

type State = 'header' | 'start-ok' | 'tune-ok' | 'open' | 'running' | 'closing' | 'closed';

export class Connection implements ChannelHost {
  readonly writer: FrameWriter;
  frameMax: number;
  congested = false;
  cancelNotify = false;
  private state: State = 'header';
  private channelMax: number;
  private readonly channels = new Map<number, Channel>();
  private pending: Buffer | undefined;
  private flushScheduled = false;
  private readonly confirming = new Set<Channel>();
  private failFastOnLogin = false;
  private received = Date.now();
  private timers: NodeJS.Timeout[] = [];
  private paused = false;
  /** A framing error lost the frame boundaries: later bytes are discarded unread. */
  private discarding = false;

  constructor(
    private readonly socket: Socket,
    readonly vhost: VirtualHost,
    private readonly limits: ConnectionLimits,
    private readonly onGone: (connection: Connection) => void,
  ) {
    this.frameMax = limits.frameMax;
    this.channelMax = limits.channelMax;
    this.writer = new FrameWriter(
      (bytes) => {
        if (!socket.destroyed && !socket.write(bytes)) this.congested = true;
      },
      () => this.scheduleFlush(),
    );
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('drain', () => {
      this.congested = false;
      for (const channel of this.channels.values()) channel.resume();
    });
    socket.on('error', () => socket.destroy());
    socket.on('close', () => this.gone());
    this.timer(limits.handshakeMs, () => {
      if (this.state !== 'running' && this.state !== 'closed') socket.destroy();
    });
  }

  /** The broker is stopping: tell the client why (320 CONNECTION_FORCED), then hang up. */
  shutdown(): void {
    if (this.state === 'running' || this.state === 'open') {
      this.closeWith(new AmqpException('CONNECTION_FORCED', "broker forced connection closure with reason 'shutdown'"));
    } else this.socket.destroy();
  }

  destroy(): void {
    this.socket.destroy();
  }

  confirmLater(channel: Channel): void {
    this.confirming.add(channel);
    this.scheduleFlush();
  }

  publishedOverLimit(): void {
    if (this.paused) return;
    this.paused = true;
    this.socket.pause();
    this.vhost.whenBelowLimit(() => {
      this.paused = false;
      if (!this.socket.destroyed) this.socket.resume();
    });
  }

  private onData(chunk: Buffer): void {
    this.received = Date.now();
    if (this.discarding) return;
    const buf = this.pending ? Buffer.concat([this.pending, chunk]) : chunk;
    this.pending = undefined;
    let off = 0;
    try {
      if (this.state === 'header') {
        if (buf.length < 8) {
          // Anything that cannot become the header is refused at once, not waited for.
          if (!PROTOCOL_HEADER.subarray(0, buf.length).equals(buf)) this.refuseProtocol();
          else this.pending = Buffer.from(buf);
          return;
        }
        if (!buf.subarray(0, 8).equals(PROTOCOL_HEADER)) return this.refuseProtocol();
        off = 8;
        this.start();
      }
      while (this.state !== 'closed') {
        const available = buf.length - off;
        if (available < 7) break;
        const type = buf[off]!;
        const channel = buf.readUInt16BE(off + 1);
        const size = buf.readUInt32BE(off + 3);
        // frame_max counts the whole frame, header and frame-end included (§4.2.3; RabbitMQ checks the same).
        if (size + 8 > this.frameMax && this.frameMax > 0) {
          return this.frameBroken(`frame of ${size + 8} bytes is larger than frame_max ${this.frameMax}`);
        }
        if (available < size + 8) break;
        if (buf[off + 7 + size] !== 0xce) {
          return this.frameBroken(`frame-end is 0x${buf[off + 7 + size]!.toString(16)}, not 0xce`);
        }
        const payload = buf.subarray(off + 7, off + 7 + size);
        off += size + 8;
        this.frame(type, channel, payload);
      }
    } catch (error) {
      this.failed(error);
    }
    if (off < buf.length && this.state !== 'closed') this.pending = Buffer.from(buf.subarray(off));
  }

  private frame(type: number, channelId: number, payload: Buffer): void {
    if (this.state === 'closing') {
      // After our Connection.Close only Close and CloseOk count (§2.2.4 "Connection.Close").
      if (type === 1 && channelId === 0 && payload.length >= 4) {
        const id = payload.readUInt32BE(0);
        if (id === M.ConnectionCloseOk || id === M.ConnectionClose) {
          if (id === M.ConnectionClose) this.writer.method(0, M.ConnectionCloseOk, {});
          this.hangUp();
        }
      }
      return;
    }
    if (type === 8) {
      if (channelId !== 0) throw fail.frameError('heartbeat frame on a channel other than 0');
      return;
    }
    if (type !== 1 && type !== 2 && type !== 3) throw fail.frameError(`unknown frame type ${type}`);
    if (channelId === 0) {
      if (type !== 1) throw fail.unexpectedFrame('content frame on channel 0');
      if (payload.length < 4) throw fail.syntaxError('method frame shorter than its class and method ids');
      return this.connectionMethod(payload.readUInt32BE(0), payload.subarray(4));
    }
    if (this.state !== 'running') throw fail.unexpectedFrame(`frame on channel ${channelId} before connection.open`);
    let channel = this.channels.get(channelId);
    if (type === 1) {
      if (payload.length < 4) throw fail.syntaxError('method frame shorter than its class and method ids');
      const id = payload.readUInt32BE(0);
      if (id === M.ChannelOpen) {
        if (channel) throw fail.channelReopened(channelId);
        if (channelId > this.channelMax) throw fail.channelMax(channelId, this.channelMax);
        this.channels.set(channelId, new Channel(channelId, this, this));
        this.writer.method(channelId, M.ChannelOpenOk, { channelId: Buffer.alloc(0) });
        return;
      }
      if (!channel) throw fail.channelNotOpen(channelId, id);
      if (channel.state === 'closing') {
        // §2.2.5: after Channel.Close, the sender ignores everything but Close and CloseOk.
        if (id === M.ChannelCloseOk) this.channels.delete(channelId);
        if (id === M.ChannelClose) {
          this.writer.method(channelId, M.ChannelCloseOk, {});
        }
        return;
      }
      if (id === M.ChannelClose) {
        channel.close();
        this.channels.delete(channelId);
        this.writer.method(channelId, M.ChannelCloseOk, {});
        return;
      }
      if (id === M.ChannelCloseOk) throw fail.commandInvalid('channel.close_ok without channel.close');
      return this.onChannel(channel, id, () => channel!.method(id, payload.subarray(4)));
    }
    if (!channel) throw fail.channelNotOpen(channelId, 0);
    if (channel.state === 'closing') return;
    channel = channel as Channel;
    const target = channel;
    this.onChannel(target, M.BasicPublish, () =>
      type === 2 ? target.contentHeader(payload) : target.contentBody(payload),
    );
  }

  /** Runs a channel's work; a soft error closes just that channel, with the failing method named. */
  private onChannel(channel: Channel, methodId: number, work: () => void): void {
    try {
      work();
    } catch (error) {
      if (!(error instanceof AmqpException) || error.hard) throw error;
      channel.close();
      const failed = error.methodId || methodId;
      this.writer.method(channel.id, M.ChannelClose, {
        replyCode: error.code,
        replyText: error.message,
        classId: failed >>> 16,
        methodId: failed & 0xffff,
      });
    }
  }

  private connectionMethod(id: number, args: Buffer): void {
    const fields = decodeArgs(id, args);
    const expect = (state: State, what: number) => {
      if (this.state !== state || id !== what) {
        throw fail.commandInvalid(`expected '${methodName(expectedIn(this.state))}', got '${methodName(id)}'`);
      }
    };
    switch (this.state) {
      case 'start-ok': {
        expect('start-ok', M.ConnectionStartOk);
        const capabilities = ((fields.clientProperties as Fields | undefined)?.capabilities ?? {}) as Fields;
        this.cancelNotify = capabilities.consumer_cancel_notify === true;
        this.failFastOnLogin = capabilities.authentication_failure_close === true;
        if (!this.login(String(fields.mechanism), fields.response as Buffer)) {
          const refused = fail.loginRefused(String(fields.mechanism));
          // Without authentication_failure_close the spec's way is a plain TCP close (§2.2.4).
          if (!this.failFastOnLogin) return this.hangUp();
          throw refused;
        }
        this.state = 'tune-ok';
        this.writer.method(0, M.ConnectionTune, {
          channelMax: this.limits.channelMax,
          frameMax: this.limits.frameMax,
          heartbeat: this.limits.heartbeat,
        });
        return;
      }
      case 'tune-ok': {
        expect('tune-ok', M.ConnectionTuneOk);
        const frameMax = Number(fields.frameMax);
        if (frameMax !== 0 && frameMax < 4096) throw fail.notAllowed(`frame_max=${frameMax} < 4096 min size`);
        if (frameMax > this.limits.frameMax) {
          throw fail.notAllowed(`frame_max=${frameMax} > ${this.limits.frameMax} max size`);
        }
        this.frameMax = frameMax === 0 ? this.limits.frameMax : frameMax;
        const channelMax = Number(fields.channelMax);
        this.channelMax = channelMax === 0 ? this.limits.channelMax : Math.min(channelMax, this.limits.channelMax);
        this.startHeartbeats(Number(fields.heartbeat));
        this.state = 'open';
        return;
      }
      case 'open': {
        expect('open', M.ConnectionOpen);
        if (fields.virtualHost !== this.vhost.name) throw fail.noVhost(String(fields.virtualHost));
        this.state = 'running';
        this.writer.method(0, M.ConnectionOpenOk, { knownHosts: '' });
        return;
      }
      case 'running':
        if (id === M.ConnectionClose) {
          this.closeChannels();
          this.writer.method(0, M.ConnectionCloseOk, {});
          return this.hangUp();
        }
        if (id === M.ConnectionUpdateSecret) throw fail.notImplemented('connection.update_secret');
        throw fail.commandInvalid(`'${methodName(id)}' is not allowed on channel 0 of an open connection`);
      default:
        throw fail.commandInvalid(`'${methodName(id)}' is not expected now`);
    }
  }

  private start(): void {
    this.state = 'start-ok';
    this.writer.method(0, M.ConnectionStart, {
      versionMajor: 0,
      versionMinor: 9,
      serverProperties: {
        product: 'awt-demo embedded broker',
        version: '1.0',
        platform: `Node.js ${process.version}`,
        information: 'An in-memory AMQP 0-9-1 broker for teaching; see `awt-demo broker --help`.',
        capabilities: {
          publisher_confirms: true,
          'basic.nack': true,
          consumer_cancel_notify: true,
          per_consumer_qos: true,
          authentication_failure_close: true,
          exchange_exchange_bindings: false,
          'connection.blocked': false,
          consumer_priorities: false,
          direct_reply_to: true,
        },
      },
      mechanisms: Buffer.from('PLAIN AMQPLAIN'),
      locales: Buffer.from('en_US'),
    });
  }

  private login(mechanism: string, response: Buffer): boolean {
    let user: string | undefined;
    let password: string | undefined;
    if (mechanism === 'PLAIN') {
      // RFC 4616: authzid NUL authcid NUL passwd.
      const parts = response.toString('utf8').split('\x00');
      [user, password] = [parts[1], parts[2]];
    } else if (mechanism === 'AMQPLAIN') {
      try {
        const table = amqplibCodec().codec.decodeFields(response);
        [user, password] = [String(table.LOGIN), String(table.PASSWORD)];
      } catch {
        return false;
      }
    } else return false;
    return user !== undefined && Object.hasOwn(USERS, user) && USERS[user] === password;
  }

  /** §4.2.7: send a heartbeat when we have been quiet for half the interval; give up after two silent intervals. */
  private startHeartbeats(seconds: number): void {
    if (!seconds) return;
    const interval = (seconds * 1000) / 2;
    let sent = this.writer.sent;
    const tick = setInterval(() => {
      if (Date.now() - this.received > seconds * 2000) {
        // RabbitMQ: "missed heartbeats from client": the socket is closed, no Connection.Close.
        this.socket.destroy();
        return;
      }
      if (this.writer.sent === sent && this.writer.pending === 0) {
        this.writer.heartbeat();
        this.writer.flush();
      }
      sent = this.writer.sent;
    }, interval);
    tick.unref();
    this.timers.push(tick);
  }

  private refuseProtocol(): void {
    // §4.2.2: a server that does not accept the header answers with the one it speaks, then closes.
    this.state = 'closed';
    this.socket.end(PROTOCOL_HEADER);
  }

  /** The frame boundary is lost: nothing after this can be trusted; say so and close (501). */
  private frameBroken(text: string): void {
    this.pending = undefined;
    this.discarding = true;
    this.closeWith(fail.frameError(text));
  }

  private failed(error: unknown): void {
    const exception =
      error instanceof AmqpException ? error : fail.internal(`embedded broker: ${(error as Error).message}`);
    this.closeWith(exception);
  }

  /** Connection.Close with the error; the client answers CloseOk, or is cut off after closeMs. */
  private closeWith(error: AmqpException): void {
    if (this.state === 'closing' || this.state === 'closed') return;
    this.closeChannels();
    this.writer.method(0, M.ConnectionClose, {
      replyCode: error.code,
      replyText: error.message,
      classId: error.methodId >>> 16,
      methodId: error.methodId & 0xffff,
    });
    this.writer.flush();
    this.state = 'closing';
    this.timer(this.limits.closeMs, () => this.socket.destroy());
  }

  private closeChannels(): void {
    for (const channel of this.channels.values()) channel.close();
    this.channels.clear();
  }

  private hangUp(): void {
    this.flushNow();
    this.state = 'closed';
    this.socket.end();
    this.timer(this.limits.closeMs, () => this.socket.destroy());
  }

  private gone(): void {
    this.state = 'closed';
    this.closeChannels();
    this.vhost.ownerGone(this);
    for (const t of this.timers) clearTimeout(t);
    this.onGone(this);
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    process.nextTick(() => this.flushNow());
  }

  private flushNow(): void {
    this.flushScheduled = false;
    for (const channel of this.confirming) channel.flushConfirms();
    this.confirming.clear();
    this.writer.flush();
  }

  private timer(ms: number, run: () => void): void {
    const t = setTimeout(run, ms);
    t.unref();
    this.timers.push(t);
  }
}

function expectedIn(state: State): number {
  return state === 'start-ok'
    ? M.ConnectionStartOk
    : state === 'tune-ok'
      ? M.ConnectionTuneOk
      : state === 'open'
        ? M.ConnectionOpen
        : 0;
}

function decodeArgs(id: number, args: Buffer): Fields {
  try {
    return amqplibCodec().defs.decode(id, args);
  } catch (error) {
    if ((error as Error).message === 'Unknown class/method ID') {
      throw fail.notImplemented(`unknown method ${id >>> 16}/${id & 0xffff}`);
    }
    throw fail.syntaxError(`method arguments cannot be decoded: ${(error as Error).message}`);
  }
}
