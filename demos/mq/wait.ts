/**
 * Nothing in the demo waits on the broker forever: every wait has a deadline, and a
 * missed deadline becomes AWT_BROKER_UNREACHABLE ("stalled") instead of a hang.
 */
import { AwtError } from '../core/errors.js';

/** Long enough for a loaded laptop, short enough that a stuck lecture moves on. */
export const patienceMs = 5000;

/** A deadline timer that fires this much late or more found this process unable to run. */
const lateMs = 50;

/**
 * `promise`, or `onTimeout()` once it has had `ms` of this process's time. A deadline that
 * fires late found the event loop blocked (other work in this process, or a machine too
 * busy to run it): the answer may be waiting unread, so that time is given back, up to
 * four times `ms` in all, before the wait gives up. A broker that does not answer still
 * fails after `ms` when nothing holds this process up.
 */
export function within<T>(promise: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const started = performance.now();
  const timeout = new Promise<never>((_resolve, reject) => {
    const arm = (due: number) => {
      timer = setTimeout(() => {
        const now = performance.now();
        // Timers count on the event loop's clock in whole milliseconds, so one can fire up
        // to a millisecond before `due`: not due yet is not a timeout.
        if (now < due) return arm(due);
        const late = now - due;
        if (late >= lateMs && now - started + late <= 4 * ms) arm(now + late);
        else reject(onTimeout());
      }, due - performance.now());
    };
    arm(started + ms);
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
