/** Step 4: the API gateway: API key at the edge, discovery, load balancing, and the fan-out traced. */
import { header } from '../../wire/http-facts.js';
import { parseTraceparent } from '../runtime/trace-context.js';
import { hopsOf, inside } from '../hops.js';
import type { MicroStep } from '../step.js';

export const gatewayStep: MicroStep = {
  id: 'gateway',
  async run({ session, lesson: t, items }) {
    const gateway = session.client('gateway');
    const refused = session.newTrace();
    const denied = await gateway.send({ path: '/api/book-page/1', headers: refused.headers });
    const traces = [session.newTrace(), session.newTrace()];
    for (const trace of traces) {
      await gateway.send({ path: '/api/book-page/1', headers: { ...trace.headers, 'X-Api-Key': session.apiKey } });
    }
    const all = items();
    const deniedInside = inside(hopsOf(all, refused.traceId)).length;
    const served = traces.map((trace) => {
      const hops = hopsOf(all, trace.traceId);
      const reviews = hops.find((e) => e.hop?.to.startsWith('reviews'));
      return { hops, reviews: reviews?.hop?.to ?? '?' };
    });
    const first = served[0]!.hops;
    // Each service continues the trace with its own span: the parent-id changes from hop to hop, the trace id never.
    const spans = new Set(first.map((e) => parseTraceparent(header(e.request, 'traceparent'))?.parentId));
    return [
      t.facts.denied({ status: denied.status, inside: deniedInside }),
      t.facts.fanOut({
        inside: inside(first).length,
        lookups: first.filter((e) => e.hop?.to === 'registry').length,
        traceId: traces[0]!.traceId,
        spans: spans.size,
      }),
      t.facts.balanced({ first: served[0]!.reviews, second: served[1]!.reviews }),
    ];
  },
};
