/**
 * Nothing in the demo waits on the broker forever: every wait has a deadline, and a
 * missed deadline becomes AWT_BROKER_UNREACHABLE ("stalled") instead of a hang.
 */
import { AwtError } from '../core/errors.js';

/** Long enough for a loaded laptop, short enough that a stuck lecture moves on. */
export const patienceMs = 5000;

export function within<T>(promise: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The broker did not send `awaiting` within `waitedMs`. */
export function stalled(url: string, awaiting: string, waitedMs: number): AwtError {
  return new AwtError('AWT_BROKER_UNREACHABLE', { url, reason: 'stalled', detail: awaiting, waitedMs });
}

/** `promise`, but give up quietly after `ms`: for waits whose outcome the facts report either way. */
export function atMost(promise: Promise<unknown>, ms: number): Promise<unknown> {
  return within(promise, ms, () => new Error('timeout')).catch(() => undefined);
}

/** Messages a consumer received, with a way to wait until there are enough of them. */
export class Inbox<T> {
  readonly received: T[] = [];
  private waiters: Array<{ count: number; resolve: () => void }> = [];

  add(message: T): void {
    this.received.push(message);
    this.waiters = this.waiters.filter((w) => (this.received.length >= w.count ? (w.resolve(), false) : true));
  }

  /** Resolves once `count` messages are in (at once if they already are). */
  until(count: number): Promise<void> {
    if (this.received.length >= count) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ count, resolve }));
  }
}
