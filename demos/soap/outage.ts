/**
 * A failure on the server's side: the book store stops answering, as a database does when
 * its connection drops. The request was fine; the service could not process it, which is
 * what faultcode soap:Server says (SOAP 1.1 §4.4.1). The demo switches it on for one call.
 */
import type { BookStore } from '../books/store.js';

export class StoreUnavailable extends Error {
  constructor() {
    super('the book store did not answer');
  }
}

/** While `down`, every call of the store throws StoreUnavailable. */
export interface Outage {
  down: boolean;
}

/** The store as the service reaches it: through a connection that may be down. */
export function storeBehind(store: BookStore, outage: Outage): BookStore {
  return new Proxy(store, {
    get(target, key) {
      const value: unknown = Reflect.get(target, key, target);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (outage.down) throw new StoreUnavailable();
        return (value as (...args: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}
