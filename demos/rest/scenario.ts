import type { Step } from '../core/demo.js';
import { header, httpExchanges, totalMs } from '../wire/http-facts.js';
import type { RestLesson } from '../../lessons/rest/en.js';
import { demoTokens, writeScope } from './bearer.js';
import type { RestSession } from './session.js';

type RestStep = Step<RestSession, RestLesson>;

/** What the demo's client sends when it writes: a token with the write scope (step "security" shows why). */
const writer = { Accept: 'application/json', Authorization: `Bearer ${demoTokens.writer}` };

/** The fields a list view shows; everything else the server sends is over-fetched. */
const listViewFields = ['title', 'author'];

export const restSteps: RestStep[] = [
  {
    id: 'list',
    async run({ session, lesson }) {
      const reply = await session.client.send({ path: '/v1/books', headers: { Accept: 'application/json' } });
      const books = reply.json as Array<Record<string, unknown>>;
      const received = books.reduce((sum, book) => sum + Object.keys(book).length, 0);
      const needed = books.length * listViewFields.length;
      return [
        lesson.facts.overFetching({ needed, received, percent: Math.round(((received - needed) / received) * 100) }),
      ];
    },
  },
  {
    id: 'detail',
    async run({ session, lesson, items }) {
      await session.client.send({ path: '/v1/books/1', headers: { Accept: 'application/json' } });
      await session.client.send({ path: '/v1/books/1/reviews', headers: { Accept: 'application/json' } });
      const trips = httpExchanges(items());
      return [lesson.facts.twoRoundTrips({ trips: trips.length, ms: totalMs(trips) })];
    },
  },
  {
    id: 'create',
    async run({ session, lesson }) {
      const reply = await session.client.send({
        method: 'POST',
        path: '/v1/books',
        headers: writer,
        body: { title: 'Clean Code', author: 'Robert C. Martin', year: 2008 },
      });
      return [lesson.facts.location({ status: reply.status, location: String(reply.headers.location) })];
    },
  },
  {
    id: 'invalid',
    async run({ session, lesson }) {
      const reply = await session.client.send({
        method: 'POST',
        path: '/v1/books',
        headers: writer,
        body: { title: '', author: 'Anonymous', year: 'soon' },
      });
      const problems = (reply.json as { problems?: Array<{ field: string }> }).problems ?? [];
      return [lesson.facts.problems({ status: reply.status, fields: problems.map((p) => p.field).join(', ') })];
    },
  },
  {
    id: 'missing',
    async run({ session, lesson }) {
      const reply = await session.client.send({ path: '/v1/books/999', headers: { Accept: 'application/json' } });
      return [lesson.facts.notFound({ status: reply.status, type: String(reply.headers['content-type']) })];
    },
  },
  {
    id: 'caching',
    async run({ session, lesson, items }) {
      const first = await session.client.send({ path: '/v1/books', headers: { Accept: 'application/json' } });
      const etag = String(first.headers.etag);
      await session.client.send({ path: '/v1/books', headers: { Accept: 'application/json', 'If-None-Match': etag } });
      const [full, revalidated] = httpExchanges(items());
      const saved = (full?.response?.bodyBytes ?? 0) - (revalidated?.response?.bodyBytes ?? 0);
      return [lesson.facts.notModified({ saved, etag: header(revalidated?.response, 'etag') ?? etag })];
    },
  },
  {
    id: 'versioning',
    async run({ session, lesson }) {
      const v1 = await session.client.send({ path: '/v1/books/1', headers: { Accept: 'application/json' } });
      const v2 = await session.client.send({ path: '/v2/books', headers: { Accept: 'application/json' } });
      const first = (v2.json as { books: Array<Record<string, unknown>> }).books[0] ?? {};
      return [
        lesson.facts.v2Shape({
          v1: Object.keys(v1.json as object).join(', '),
          v2: Object.keys(first).join(', '),
        }),
      ];
    },
  },
  {
    id: 'security',
    async run({ session, lesson, items }) {
      const book = { title: 'Designing Data-Intensive Applications', author: 'Martin Kleppmann', year: 2017 };
      const post = (headers: Record<string, string>) =>
        session.client.send({ method: 'POST', path: '/v1/books', headers, body: book });
      const anonymous = await post({ Accept: 'application/json' });
      const allowed = await post(writer);
      const readOnly = await post({ Accept: 'application/json', Authorization: `Bearer ${demoTokens.reader}` });
      const challenge = (reply: { headers: Record<string, unknown> }) => String(reply.headers['www-authenticate']);
      return [
        lesson.facts.unauthorized({ status: anonymous.status, challenge: challenge(anonymous) }),
        lesson.facts.authorized({
          status: allowed.status,
          scope: writeScope,
          location: String(allowed.headers.location),
        }),
        // The error code is the news; the whole challenge stands in the trace.
        lesson.facts.forbidden({
          status: readOnly.status,
          error: /error="[^"]*"/.exec(challenge(readOnly))?.[0] ?? challenge(readOnly),
        }),
        // Name, colon, space, value and CRLF: what the header costs on the wire (RFC 9112 §5).
        lesson.facts.tokenOnWire({
          token: demoTokens.writer.length,
          header: Buffer.byteLength(
            `Authorization: ${header(httpExchanges(items())[1]?.request, 'authorization')}\r\n`,
          ),
        }),
      ];
    },
  },
];
