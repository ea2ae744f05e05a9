/**
 * The work the tap does after forwarding: decoding (and, through onItem, the live view)
 * runs here, in setImmediate slices of a few milliseconds, never inside a socket's data
 * handler. Sockets hand in their chunks in order; a socket whose peer cannot take more
 * (write() returned false) pauses reading, and so does a connection whose own undecoded
 * bytes pile up (a flood): the others go on being forwarded meanwhile. A backlog of all
 * connections together pauses every socket, so memory stays bounded whatever the peers do.
 */
import type net from 'node:net';
import { performance } from 'node:perf_hooks';

interface Job {
  connection: number;
  bytes: number;
  run: () => void;
}

/** Longest one slice of decoding runs before the event loop gets a turn (forwarding, timers, Ctrl-C). */
const sliceMs = 4;

export class DecodeQueue {
  private jobs: Job[] = [];
  private head = 0;
  private queuedBytes = 0;
  private scheduled = false;
  private backlog = false;
  /** Readable sockets: their connection, and whether each waits for its peer to drain. */
  private readonly sources = new Map<net.Socket, { connection: number; waitsForDrain: boolean }>();
  /** Undecoded bytes per connection, and the connections paused for having too many. */
  private readonly perConnection = new Map<number, number>();
  private readonly flooding = new Set<number>();
  private waiters: Array<() => void> = [];

  /**
   * `highWater`: undecoded bytes of all connections together before every socket pauses;
   * a quarter of it is what one connection may have queued before its own sockets pause.
   */
  constructor(private readonly highWater: number) {}

  private get connectionHighWater(): number {
    return this.highWater / 4;
  }

  register(socket: net.Socket, connection: number): void {
    this.sources.set(socket, { connection, waitsForDrain: false });
    socket.once('close', () => this.sources.delete(socket));
  }

  /** Whether a socket may read now: its peer has room, its connection no flood, the tap no backlog. */
  private mayRead(state: { connection: number; waitsForDrain: boolean }): boolean {
    return !state.waitsForDrain && !this.flooding.has(state.connection) && !this.backlog;
  }

  /** The peer of `socket` is full: stop reading from it until unblock(). True when newly blocked. */
  block(socket: net.Socket): boolean {
    const state = this.sources.get(socket);
    if (!state || state.waitsForDrain) return false;
    state.waitsForDrain = true;
    socket.pause();
    return true;
  }

  unblock(socket: net.Socket): void {
    const state = this.sources.get(socket);
    if (!state) return;
    state.waitsForDrain = false;
    if (this.mayRead(state)) socket.resume();
  }

  push(connection: number, bytes: number, run: () => void): void {
    this.jobs.push({ connection, bytes, run });
    this.queuedBytes += bytes;
    const own = (this.perConnection.get(connection) ?? 0) + bytes;
    if (bytes > 0) this.perConnection.set(connection, own);
    if (own > this.connectionHighWater && !this.flooding.has(connection)) {
      this.flooding.add(connection);
      for (const [socket, state] of this.sources) if (state.connection === connection) socket.pause();
    }
    if (!this.backlog && this.queuedBytes > this.highWater) {
      this.backlog = true;
      for (const socket of this.sources.keys()) socket.pause();
    }
    this.schedule();
  }

  /** A job done: its connection reads again once its queue is down to a quarter. */
  private done(job: Job): void {
    this.queuedBytes -= job.bytes;
    if (job.bytes === 0) return;
    const own = (this.perConnection.get(job.connection) ?? 0) - job.bytes;
    if (own > 0) this.perConnection.set(job.connection, own);
    else this.perConnection.delete(job.connection);
    if (this.flooding.has(job.connection) && own < this.connectionHighWater / 4) {
      this.flooding.delete(job.connection);
      for (const [socket, state] of this.sources) {
        if (state.connection === job.connection && this.mayRead(state)) socket.resume();
      }
    }
  }

  settled(): Promise<void> {
    if (this.head === this.jobs.length) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.drain());
  }

  private drain(): void {
    this.scheduled = false;
    const until = performance.now() + sliceMs;
    while (this.head < this.jobs.length) {
      const job = this.jobs[this.head]!;
      this.jobs[this.head++] = undefined as unknown as Job;
      try {
        job.run();
      } finally {
        this.done(job);
      }
      if (performance.now() > until) break;
    }
    if (this.head === this.jobs.length) {
      this.jobs = [];
      this.head = 0;
    } else if (this.head > 1024 && this.head * 2 > this.jobs.length) {
      this.jobs = this.jobs.slice(this.head);
      this.head = 0;
    }
    if (this.backlog && this.queuedBytes < this.highWater / 4) {
      this.backlog = false;
      for (const [socket, state] of this.sources) if (this.mayRead(state)) socket.resume();
    }
    if (this.head < this.jobs.length) this.schedule();
    else for (const resolve of this.waiters.splice(0)) resolve();
  }
}
