/** Step 6: one GraphQL schema stitched from two services; one query fans out to both. */
import { hopsOf, inside } from '../hops.js';
import type { MicroStep } from '../step.js';

export const bookQuery = '{ book(id: "1") { title author reviews { rating comment } } }';

export const graphqlStep: MicroStep = {
  id: 'graphql',
  spares: [{ service: 'graphql', as: 'graphql' }],
  async run({ session, lesson: t, items }) {
    await session.start('graphql', 'graphql');
    const introspections = items().filter(
      (e) => e.kind === 'http' && e.hop?.from === 'graphql' && e.hop.to !== 'registry',
    ).length;
    const trace = session.newTrace();
    const reply = await session
      .client('graphql')
      .send({ method: 'POST', path: '/graphql', body: { query: bookQuery }, headers: trace.headers });
    const hops = hopsOf(items(), trace.traceId);
    const subRequests = inside(hops).filter((e) => e.request.target === '/graphql');
    const book = (reply.json as { data?: { book?: { title?: string; reviews?: unknown[] } } })?.data?.book;
    return [
      t.facts.stitched({ introspections }),
      t.facts.subRequests({
        count: subRequests.length,
        services: subRequests.map((e) => e.hop?.to ?? '?').join(', '),
        lookups: inside(hops).length - subRequests.length,
      }),
      t.facts.graphqlAnswer({ title: book?.title ?? '?', reviews: book?.reviews?.length ?? 0 }),
    ];
  },
};
