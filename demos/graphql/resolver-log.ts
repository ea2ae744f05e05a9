/**
 * What the resolvers of one request did: which resolver ran how often, and how many
 * reads of the book store each caused. One log per request, made in the request's
 * context, so two requests never count into each other.
 */
import type { BookStore } from '../books/store.js';
import type { Book, Review } from '../books/types.js';

/** One resolver of the schema, named Type.field as the GraphQL spec names fields (§6.4.3). */
export interface ResolverRun {
  resolver: string;
  /** false: graphql-js's default resolver, which only reads the property of the parent object. */
  own: boolean;
  calls: number;
  storeReads: number;
}

/** The reads of the store a resolver may make; every one is counted. */
export interface StoreReader {
  list(): Book[];
  get(id: string): Book | undefined;
  reviewsOf(bookId: string): Review[];
  /** The reviews of many books in one read, in the order of the ids (what a DataLoader batch asks for). */
  reviewsOfBooks(bookIds: readonly string[]): Review[][];
}

/** Reads made outside any resolver: by a DataLoader batch, after the resolvers that asked for it returned. */
export const batchLabel = 'DataLoader batch';

export class ResolverLog {
  private readonly runs = new Map<string, ResolverRun>();
  private current: string | undefined;
  storeReads = 0;

  /** Runs one resolver; reads made while it runs (synchronously) are counted to it. */
  run<T>(resolver: string, own: boolean, resolve: () => T): T {
    this.entry(resolver, own).calls++;
    const outer = this.current;
    this.current = resolver;
    try {
      return resolve();
    } finally {
      this.current = outer;
    }
  }

  read(): void {
    this.storeReads++;
    this.entry(this.current ?? batchLabel, true).storeReads++;
  }

  /** In the order the resolvers first ran. */
  summary(): ResolverRun[] {
    return [...this.runs.values()].map((run) => ({ ...run }));
  }

  private entry(resolver: string, own: boolean): ResolverRun {
    let run = this.runs.get(resolver);
    if (!run) {
      run = { resolver, own, calls: 0, storeReads: 0 };
      this.runs.set(resolver, run);
    }
    return run;
  }
}

/** The store as the resolvers see it: each call is one read, counted in the log when there is one. */
export function readerOf(store: BookStore, log?: ResolverLog): StoreReader {
  const counted =
    <A extends unknown[], R>(read: (...args: A) => R) =>
    (...args: A): R => {
      log?.read();
      return read(...args);
    };
  return {
    list: counted(() => store.list()),
    get: counted((id: string) => store.get(id)),
    reviewsOf: counted((bookId: string) => store.reviewsOf(bookId)),
    reviewsOfBooks: counted((bookIds: readonly string[]) => store.reviewsOfBooks(bookIds)),
  };
}
