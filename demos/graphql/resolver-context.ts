/**
 * The context graphql-js hands to every resolver of one request (GraphQL spec §6.4.2,
 * "contextValue"): the store, counted; the resolver log when the client asked for it;
 * and, when batching is on, a DataLoader that gathers the reviews the Book.reviews
 * resolvers ask for and loads them in one read once they have all asked.
 */
import DataLoader from 'dataloader';
import type { BookStore } from '../books/store.js';
import type { Review } from '../books/types.js';
import { readerOf, ResolverLog, type StoreReader } from './resolver-log.js';

export type ResolverContext = {
  reader: StoreReader;
  log?: ResolverLog;
  reviews?: DataLoader<string, Review[]>;
};

/**
 * Switches of this demo's server, as request headers, so the same schema and the same
 * query can be run both ways on the wire. A real server batches always and logs to its
 * own monitoring; it would not let a client choose.
 */
export const demoHeaders = {
  /** "on": the response's `extensions` lists the resolvers that ran and the store reads they made. */
  resolverLog: 'X-Demo-Resolver-Log',
  /** "dataloader": Book.reviews goes through a DataLoader; anything else: one store read per book. */
  batching: 'X-Demo-Batching',
} as const;

export function resolverContext(store: BookStore, options: { log: boolean; batching: boolean }): ResolverContext {
  const log = options.log ? new ResolverLog() : undefined;
  const reader = readerOf(store, log);
  return {
    reader,
    ...(log ? { log } : {}),
    // A new loader per request: its cache must not outlive the request (DataLoader's own advice).
    ...(options.batching
      ? { reviews: new DataLoader<string, Review[]>((ids) => Promise.resolve(reader.reviewsOfBooks(ids))) }
      : {}),
  };
}

/** The `extensions` entry of a response that asked for the resolver log. */
export function logExtension(log: ResolverLog): { resolvers: ReturnType<ResolverLog['summary']>; storeReads: number } {
  return { resolvers: log.summary(), storeReads: log.storeReads };
}
