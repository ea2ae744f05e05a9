import { numberWords } from '../../demos/core/numbers.js';

const numbers = numberWords('en');

/** The GraphQL lesson, in English. lessons/graphql/de.ts has the same keys. */
export const en = {
  title: 'GraphQL with graphql-http: queries, resolvers, mutations, errors, introspection, text to query, caching',
  summary:
    'one /graphql endpoint; the client picks the fields; resolvers, errors, the schema, text to query and caching',
  /** The question the text-to-query step puts to the model. */
  question: 'Which books did Robert C. Martin write, with their ratings?',
  /** Numbers in figures, in the language's format. */
  count: (p: { n: number }) => numbers.integer(p.n),
  steps: {
    query: {
      title: "The lecture's query: { books { title author } }",
      notice: ['The client names the fields; exactly those come back, nothing else (no over-fetching).'],
    },
    nested: {
      title: 'One book with its reviews, in one round trip (with variables)',
      notice: ['What REST needs two requests for is one query here; the id travels as a variable, not in the text.'],
    },
    resolvers: {
      title: 'Resolvers: which function answers which field',
      notice: [
        'graphql-js calls one resolver per field, parent before child; a field without its own gets the default resolver, which reads the property of that name.',
        "This demo runs graphql-http, the reference implementation of GraphQL over HTTP; the lecture's Apollo Server calls resolvers the same way (Apollo Client is its browser side, Apollo Federation joins services into one graph).",
        'The header X-Demo-Resolver-Log (a switch of this demo) makes the server list in "extensions" which resolvers ran and how often they read the store.',
      ],
    },
    batching: {
      title: 'The N+1 problem, and DataLoader (same query twice)',
      notice: [
        'Book.reviews runs once per book and reads the store each time: 1 read for the list, then N for the reviews. DataLoader collects the ids the resolvers ask for and reads them all at once.',
        'Same schema, query and data; the header X-Demo-Batching: dataloader turns batching on (a real server simply always batches).',
      ],
    },
    mutation: {
      title: 'The lecture\'s mutation: addBook(title: "Clean Code", …)',
      notice: ['A mutation changes data, like POST in REST, and returns the fields the client asks for.'],
    },
    unknownField: {
      title: 'A field that does not exist: the errors array',
      notice: [
        'The query is checked against the schema before anything runs; the answer carries "errors", not "data".',
        'HTTP 400 because the client accepts application/graphql-response+json (GraphQL over HTTP): a request that fails validation is a bad request. With plain application/json it would be 200.',
      ],
    },
    missing: {
      title: 'A book that does not exist',
      notice: ['No 404 here: the status is 200 and the nullable field is simply null.'],
    },
    introspection: {
      title: "The lecture's introspection query: the API describes itself",
      notice: [
        'Any client (or an AI) can ask the server which operations, arguments and types exist.',
        'The lecture\'s query gets "type": {"name": null} for book(id): ID! is a wrapper, kind NON_NULL, with no name of its own. The second query asks for ofType, which names the wrapped type: ID.',
      ],
    },
    textToQuery: {
      title: 'GraphQL and AI: a question in words becomes a checked query',
      notice: [
        'The schema from introspection goes into the prompt, the model writes a query, and validate() checks it before anything runs: a made-up field never reaches a resolver.',
        'With --llm-url a model behind an OpenAI-compatible endpoint (e.g. Ollama) answers, on the wire; without it, recorded answers.',
      ],
    },
    evolution: {
      title: 'Schema evolution with @deprecated instead of /v2',
      notice: [
        'isbn13 was added and isbn deprecated, in the same schema: old queries keep working, and introspection tells clients what to move to.',
      ],
    },
    caching: {
      title: 'Caching: a POST is never reused, a GET query gets 304',
      notice: [
        'An HTTP cache keys on method and URL. Every POST goes to the one /graphql with the query in the body, so no cache can tell two queries apart: GraphQL resends everything where REST gets 304.',
        "A query may also go by GET, in the URL: this server then sends Cache-Control and an ETag, and a conditional GET gets 304. Apollo's persisted queries put a hash there instead of the text.",
      ],
    },
  },
  figures: {
    resolver: 'Resolver',
    kind: 'kind',
    calls: 'calls',
    storeReads: 'store reads',
    own: 'own',
    defaultResolver: 'default (property)',
    withoutBatching: 'one by one',
    withDataLoader: 'DataLoader',
    reviewsCalls: 'Book.reviews calls',
  },
  facts: {
    exactFields: (p: { asked: string; got: string }) =>
      `Fields asked for: ${p.asked}. Fields in each answer: ${p.got}.`,
    oneRoundTrip: (p: { trips: number; reviews: number }) =>
      `${p.trips} round trip for the book and its ${p.reviews} reviews.`,
    created: (p: { id: string; fields: string }) => `New book with id ${p.id}; the answer has exactly: ${p.fields}.`,
    errors: (p: { status: number; message: string }) => `HTTP ${p.status}; errors[0].message: ${p.message}`,
    nullBook: (p: { status: number; data: string }) => `HTTP ${p.status}; data: ${p.data}`,
    queryFields: (p: { fields: string }) => `Query offers: ${p.fields}.`,
    deprecated: (p: { field: string; reason: string }) => `${p.field} is deprecated: "${p.reason}"`,
    stillAnswered: (p: { isbn: string; isbn13: string }) =>
      `The old field still answers (isbn ${p.isbn}), beside the new one (isbn13 ${p.isbn13}).`,
    resolversRan: (p: { resolvers: number; reads: number }) =>
      `${p.resolvers} resolvers ran for this query; together they read the store ${p.reads} times.`,
    nPlusOne: (p: { books: number; reads: number }) =>
      `One by one: ${p.reads} store reads for ${p.books} books (1 for the list + ${p.books} for their reviews: N+1).`,
    batched: (p: { reads: number; calls: number }) =>
      `With DataLoader: ${p.reads} store reads; Book.reviews still ran ${p.calls} times, but the loader read once for all.`,
    sameData: (p: { same: boolean; bytes: number }) =>
      p.same
        ? `Both answers carry the same data (${numbers.bytes(p.bytes)} of JSON); only "extensions" differs.`
        : 'The two answers carry different data: batching must not change the answer.',
    nonNull: (p: { arg: string; kind: string; ofType: string; sdl: string }) =>
      `${p.arg}: type.name null, kind ${p.kind}, ofType ${p.ofType}: together ${p.sdl}.`,
    prompt: (p: { lines: number; question: string }) =>
      `Prompt: the schema as SDL from the introspection answer (${p.lines} lines) and the question "${p.question}"`,
    liveModel: (p: { model: string; url: string }) => `Answers written live by the model ${p.model} at ${p.url}.`,
    recordedModel: 'RECORDED (no --llm-url): what a model answered to this prompt.',
    answer: (p: { n: number; query: string }) => `Answer ${p.n}: ${p.query}`,
    rejected: (p: { errors: string }) => `rejected by validate(), nothing ran: ${p.errors}`,
    accepted: 'valid against the schema: sent to the server.',
    bookRatings: (p: { title: string; ratings: string }) =>
      `${p.title} (${p.ratings ? `ratings ${p.ratings}` : 'no reviews'})`,
    found: (p: { status: number; author: string; books: string; of: number }) =>
      `HTTP ${p.status}; by ${p.author} among the ${p.of} books: ${p.books || 'none'}.`,
    executed: (p: { status: number; body: string }) => `HTTP ${p.status}; ${p.body}`,
    noValidQuery: (p: { answers: number }) => `No valid query in ${p.answers} answers: nothing was sent.`,
    postUncached: (p: { hasValidators: boolean }): string =>
      p.hasValidators
        ? 'POST: the answer names caching headers, but no cache keys a POST to /graphql on its body.'
        : 'POST: no Cache-Control, no ETag: a cache cannot keep it, and asking again resends everything.',
    getCached: (p: { etag: string }) => `GET with the query in the URL: cacheable, ETag ${p.etag}.`,
    notModified: (p: { status: number; bytes: number }) =>
      `GET again with If-None-Match: HTTP ${p.status}, ${p.bytes} B body; the client keeps its copy.`,
  },
};

export type GraphqlLesson = typeof en;
