/** The REST lesson, in English. lessons/rest/de.ts has the same keys. */
import { numberWords } from '../../demos/core/numbers.js';

const numbers = numberWords('en');

export const en = {
  title: 'REST with express: resources, status codes, caching, versioning',
  summary: 'GET, POST, 201/400/404/304, ETag caching and /v1 vs /v2, each on the wire',
  steps: {
    list: {
      title: 'GET /v1/books: the server decides the shape',
      notice: ['A list view needs only title and author, but every field of every book comes back: over-fetching.'],
    },
    detail: {
      title: 'One view, two round trips: the book, then its reviews',
      notice: ['The book and its reviews are two resources, so the client asks twice: under-fetching.'],
    },
    create: {
      title: 'POST /v1/books: 201 Created with a Location',
      notice: [
        'The server answers 201 and says in the Location header where the new book now lives.',
        'Writing needs a bearer token: the client sends one in the Authorization header (step 8 shows why).',
      ],
    },
    invalid: {
      title: 'An invalid book: 400 with problem details',
      notice: ['The status code says "your fault"; the body (RFC 9457 problem+json) says what exactly.'],
    },
    missing: {
      title: 'A book that does not exist: 404',
      notice: ['REST puts the error into the status line first; the body only explains it.'],
    },
    caching: {
      title: 'Caching: ETag and If-None-Match → 304 Not Modified',
      notice: [
        'The client sends back the ETag it got; nothing changed, so the server answers 304 with no body at all.',
        'Cache-Control: no-cache does not forbid caching: the client may keep the list but must ask before reusing it, which is what If-None-Match does (RFC 9111 §5.2.2.4).',
      ],
    },
    versioning: {
      title: 'Versioning in the URL: /v2/books',
      notice: ['A new shape gets a new URL, so clients of /v1 keep working while new clients move on.'],
    },
    security: {
      title: 'A bearer token (OAuth 2.0) for writing: 401, 201, 403',
      notice: [
        "OAuth 2.0: the user logs in at an authorization server; the client gets an access token with scopes (here books:read, books:write), never the password (the demo's tokens were issued in advance).",
        'The token goes in every request as "Authorization: Bearer …" (RFC 6750): whoever holds it may use it, so only over TLS.',
        '401: "who are you?"; 403: "I know you, but your token does not allow this".',
      ],
    },
  },
  facts: {
    overFetching: (p: { needed: number; received: number; percent: number }) =>
      `${p.received} fields came back, ${p.needed} were needed: ${p.percent}% of them were over-fetched.`,
    twoRoundTrips: (p: { trips: number; ms: number }) =>
      `${p.trips} round trips for one view, ${numbers.msUnit(p.ms)} in all.`,
    location: (p: { location: string; status: number }) => `${p.status} Created, Location: ${p.location}`,
    problems: (p: { status: number; fields: string }) => `${p.status} Bad Request; fields at fault: ${p.fields}.`,
    notFound: (p: { status: number; type: string }) => `${p.status}, Content-Type ${p.type}.`,
    notModified: (p: { saved: number; etag: string }) =>
      `304 with an empty body: ${numbers.bytes(p.saved)} of JSON were not sent again (ETag ${p.etag}).`,
    v2Shape: (p: { v1: string; v2: string }) => `v1 fields: ${p.v1}. v2 fields: ${p.v2}.`,
    unauthorized: (p: { status: number; challenge: string }) =>
      `Without a token: ${p.status} Unauthorized, WWW-Authenticate: ${p.challenge}`,
    authorized: (p: { status: number; scope: string; location: string }) =>
      `With the scope ${p.scope}: ${p.status} Created at ${p.location}`,
    forbidden: (p: { status: number; error: string }) => `With a read-only token: ${p.status} Forbidden, ${p.error}`,
    tokenOnWire: (p: { header: number; token: number }) =>
      `The token (${p.token} characters) adds ${p.header} B to every request head.`,
  },
};

export type RestLesson = typeof en;
