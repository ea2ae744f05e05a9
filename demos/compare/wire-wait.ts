/**
 * Waits for the wire: a use case is over when its last frame has crossed the tap, not
 * when the client's call returns. Frames a client sends without waiting for an answer
 * (a graphql-ws complete, an AMQP consumer's Basic.Ack) would otherwise be counted in
 * the next repetition.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Tap } from '../wire/tap.js';
import type { WireItem } from '../wire/trace.js';

/** Remembers where the taps are now; the returned function waits for a later item `wanted` accepts. */
export function markWire(taps: readonly Tap[]): (wanted: (item: WireItem) => boolean) => Promise<void> {
  const from = taps.map((tap) => tap.items.length);
  return async (wanted) => {
    // Bounded: a frame that never comes costs at most a second, and the numbers stay as they are.
    for (let waited = 0; waited < 1000; waited += 2) {
      await Promise.all(taps.map((tap) => tap.settled()));
      if (taps.some((tap, t) => tap.items.slice(from[t]).some(wanted))) return;
      await sleep(2);
    }
  };
}
