/**
 * Puts live items back into the order they happened on the wire. An HTTP exchange is
 * decoded when its response ends, but it happened when its request began: the push
 * frames a POST /books causes are decoded before that POST's exchange. Each item is held
 * for a short while; whatever arrives meanwhile with an earlier `at` goes out first.
 */
import type { WireItem } from '../wire/trace.js';

export interface WireOrder {
  push(item: WireItem): void;
  /** Releases everything held, in order (at the end of a run). */
  flush(): void;
}

export interface WireOrderOptions {
  /** How long an item waits for earlier ones; a request whose answer takes longer may print after its frames. */
  holdMs: number;
  emit: (item: WireItem) => void;
  /** Injected for tests: the clock and the timer. */
  now?: () => number;
  setTimer?: (run: () => void, ms: number) => unknown;
}

export function createWireOrder(options: WireOrderOptions): WireOrder {
  const now = options.now ?? (() => performance.now());
  const setTimer = options.setTimer ?? ((run, ms) => setTimeout(run, ms).unref());
  // Held items, kept sorted by `at` (stable: equal times keep arrival order).
  const held: Array<{ item: WireItem; arrived: number }> = [];

  const release = () => {
    // 1 ms of slack: a timer fires on time, the clock may read a hair earlier.
    const due = now() - options.holdMs + 1;
    // Everything up to the last item that has waited long enough: earlier `at` never waits behind later.
    let last = -1;
    held.forEach((entry, i) => {
      if (entry.arrived <= due) last = i;
    });
    for (const { item } of held.splice(0, last + 1)) options.emit(item);
  };

  return {
    push(item) {
      let at = held.length;
      while (at > 0 && held[at - 1]!.item.at > item.at) at--;
      held.splice(at, 0, { item, arrived: now() });
      setTimer(release, options.holdMs);
    },
    flush() {
      for (const { item } of held.splice(0)) options.emit(item);
    },
  };
}
