/** The GraphQL lesson, in English. lessons/graphql/de.ts has the same keys. */
export const en = {
  title: 'GraphQL with graphql-http: queries, mutations, errors, introspection',
  summary: 'one /graphql endpoint; the client picks the fields; errors and the schema on the wire',
  steps: {
    query: {
      title: "The lecture's query: { books { title author } }",
      notice: ['The client names the fields; exactly those come back, nothing else (no over-fetching).'],
    },
    nested: {
      title: 'One book with its reviews, in one round trip (with variables)',
      notice: ['What REST needs two requests for is one query here; the id travels as a variable, not in the text.'],
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
      notice: ['Any client (or an AI) can ask the server which operations, arguments and types exist.'],
    },
    evolution: {
      title: 'Schema evolution with @deprecated instead of /v2',
      notice: [
        'isbn13 was added and isbn deprecated, in the same schema: old queries keep working, and introspection tells clients what to move to.',
      ],
    },
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
  },
};

export type GraphqlLesson = typeof en;
