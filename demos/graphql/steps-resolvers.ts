/** Resolvers at work: which ran for which field, how often they read the store, and N+1 against DataLoader. */
import type { Figure } from '../wire/trace.js';
import * as ops from './operations.js';
import { demoHeaders } from './resolver-context.js';
import type { ResolverRun } from './resolver-log.js';
import type { GraphqlStep } from './step-type.js';

type Json = Record<string, unknown>;
interface LogExtension {
  resolvers: ResolverRun[];
  storeReads: number;
}

const logOf = (json: unknown): LogExtension => (json as { extensions: LogExtension }).extensions;
const dataOf = (json: unknown): unknown => (json as Json).data;

export const resolversStep: GraphqlStep = {
  id: 'resolvers',
  async run({ session, lesson }) {
    const reply = await session.query(ops.bookResolvers, undefined, { [demoHeaders.resolverLog]: 'on' });
    const log = logOf(reply.json);
    const words = lesson.figures;
    const table: Figure = {
      kind: 'table',
      rows: [
        [words.resolver, words.kind, words.calls, words.storeReads],
        ...log.resolvers.map((run) => [
          run.resolver,
          run.own ? words.own : words.defaultResolver,
          lesson.count({ n: run.calls }),
          lesson.count({ n: run.storeReads }),
        ]),
      ],
      align: ['left', 'left', 'right', 'right'],
    };
    return {
      facts: [lesson.facts.resolversRan({ resolvers: log.resolvers.length, reads: log.storeReads })],
      figures: [table],
    };
  },
};

export const batchingStep: GraphqlStep = {
  id: 'batching',
  async run({ session, lesson }) {
    const logged = { [demoHeaders.resolverLog]: 'on' };
    const naive = await session.query(ops.booksWithRatings, undefined, logged);
    const batched = await session.query(ops.booksWithRatings, undefined, {
      ...logged,
      [demoHeaders.batching]: 'dataloader',
    });
    const books = (dataOf(naive.json) as { books: unknown[] }).books.length;
    const [before, after] = [logOf(naive.json), logOf(batched.json)];
    const calls = (log: LogExtension) => log.resolvers.find((r) => r.resolver === 'Book.reviews')?.calls ?? 0;
    const data = JSON.stringify(dataOf(naive.json));
    const words = lesson.figures;
    const table: Figure = {
      kind: 'table',
      rows: [
        ['', words.withoutBatching, words.withDataLoader],
        [words.storeReads, lesson.count({ n: before.storeReads }), lesson.count({ n: after.storeReads })],
        [words.reviewsCalls, lesson.count({ n: calls(before) }), lesson.count({ n: calls(after) })],
      ],
      align: ['left', 'right', 'right'],
    };
    return {
      facts: [
        lesson.facts.nPlusOne({ books, reads: before.storeReads }),
        lesson.facts.batched({ reads: after.storeReads, calls: calls(after) }),
        lesson.facts.sameData({
          same: data === JSON.stringify(dataOf(batched.json)),
          bytes: Buffer.byteLength(data),
        }),
      ],
      figures: [table],
    };
  },
};
