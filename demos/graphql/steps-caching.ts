/** Why a GraphQL POST is never answered from a cache, and how a GET query gets a 304. */
import type { HttpReply } from '../wire/http-client.js';
import * as ops from './operations.js';
import type { GraphqlStep } from './step-type.js';

const header = (reply: HttpReply, name: string) => {
  const value = reply.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
};

export const cachingStep: GraphqlStep = {
  id: 'caching',
  async run({ session, lesson }) {
    const post = await session.query(ops.cacheableQuery);
    const first = await session.getQuery(ops.cacheableQuery);
    const etag = header(first, 'etag');
    const again = await session.getQuery(ops.cacheableQuery, etag ? { 'If-None-Match': etag } : {});
    return {
      facts: [
        lesson.facts.postUncached({ hasValidators: Boolean(header(post, 'etag') ?? header(post, 'cache-control')) }),
        lesson.facts.getCached({ etag: etag ?? '—' }),
        lesson.facts.notModified({ status: again.status, bytes: Buffer.byteLength(again.text) }),
      ],
      figures: [],
    };
  },
};
