/**
 * The work the tap does after forwarding: decoding (and, through onItem, the live view)
 * runs here, in setImmediate slices of a few milliseconds, never inside a socket's data
 * handler. Sockets hand in their chunks in order; a socket whose peer cannot take more
 * (write() returned false) or a backlog of undecoded bytes pauses reading, so memory
 * stays bounded whatever the peers do.
 */
import type net from 'node:net';
import { performance } from 'node:perf_hooks';

interface Job {
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
  /** Readable sockets, and whether each waits for its peer to drain. */
  private readonly sources = new Map<net.Socket, { waitsForDrain: boolean }>();
  private waiters: Array<() => void> = [];

  constructor(private readonly highWater: number) {}

  register(socket: net.Socket): void {
    this.sources.set(socket, { waitsForDrain: false });
    socket.once('close', () => this.sources.delete(socket));
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
    if (!this.backlog) socket.resume();
  }

  push(_connection: number, bytes: number, run: () => void): void {
    this.jobs.push({ bytes, run });
    this.queuedBytes += bytes;
    if (!this.backlog && this.queuedBytes > this.highWater) {
      this.backlog = true;
      for (const socket of this.sources.keys()) socket.pause();
    }
    this.schedule();
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
      this.queuedBytes -= job.bytes;
      job.run();
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
      for (const [socket, state] of this.sources) if (!state.waitsForDrain) socket.resume();
    }
    if (this.head < this.jobs.length) this.schedule();
    else for (const resolve of this.waiters.splice(0)) resolve();
  }
}
