/** The REST server's contract, OpenAPI 3.1, served at /openapi.json. */
import { writeScope } from './bearer.js';

const bookV1 = {
  type: 'object',
  required: ['id', 'title', 'author', 'year', 'isbn', 'createdAt'],
  properties: {
    id: { type: 'string', examples: ['1'] },
    title: { type: 'string', minLength: 1, maxLength: 200 },
    author: { type: 'string', minLength: 1, maxLength: 100 },
    year: { type: ['integer', 'null'], minimum: 1450 },
    isbn: { type: ['string', 'null'], description: 'ISBN-10 or ISBN-13, digits only' },
    createdAt: { type: 'string', format: 'date-time' },
  },
} as const;

const newBook = {
  type: 'object',
  required: ['title', 'author'],
  properties: {
    title: bookV1.properties.title,
    author: bookV1.properties.author,
    year: { type: 'integer', minimum: 1450 },
    isbn: { type: 'string' },
  },
} as const;

const bookV2 = {
  type: 'object',
  required: ['id', 'title', 'authors', 'published', 'isbn', 'links'],
  properties: {
    id: { type: 'string' },
    title: { type: 'string' },
    authors: { type: 'array', items: { type: 'string' } },
    published: { type: 'object', properties: { year: { type: ['integer', 'null'] } } },
    isbn: { type: ['string', 'null'] },
    links: {
      type: 'object',
      properties: { self: { type: 'string' }, reviews: { type: 'string' } },
    },
  },
} as const;

const review = {
  type: 'object',
  required: ['id', 'bookId', 'rating', 'comment'],
  properties: {
    id: { type: 'string' },
    bookId: { type: 'string' },
    rating: { type: 'integer', minimum: 1, maximum: 5 },
    comment: { type: 'string' },
  },
} as const;

const problem = {
  type: 'object',
  description: 'RFC 9457 problem details',
  required: ['type', 'title', 'status'],
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    problems: {
      type: 'array',
      items: {
        type: 'object',
        properties: { field: { type: 'string' }, code: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
} as const;

const json = (schema: object) => ({ 'application/json': { schema } });
const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});
const idParameter = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };
const cached = {
  headers: {
    ETag: { schema: { type: 'string' }, description: 'Send it back in If-None-Match to revalidate.' },
    'Cache-Control': { schema: { type: 'string' } },
  },
};

/**
 * Where the token goes (OpenAPI 3.1 §4.8.27): an HTTP bearer scheme. The scopes in a
 * requirement are, for a scheme other than oauth2, the roles the operation needs.
 */
const securitySchemes = {
  bearerAuth: {
    type: 'http',
    scheme: 'bearer',
    description: `A token an authorization server issued (OAuth 2.0); adding a book needs the scope ${writeScope}.`,
  },
} as const;

const securedWrite = {
  security: [{ bearerAuth: [writeScope] }],
  responses: {
    '401': {
      ...problemResponse('No token, or one this API does not accept'),
      headers: {
        'WWW-Authenticate': { schema: { type: 'string' }, description: 'Bearer realm="books" (RFC 6750 §3)' },
      },
    },
    '403': problemResponse(`The token lacks the scope ${writeScope}`),
  },
};

/** `secured`: the server wants a bearer token for writing (the demo's server does; see server.ts). */
export function openApiDocument({ secured = true }: { secured?: boolean } = {}) {
  const addBookResponses = {
    '201': {
      description: 'Created',
      headers: { Location: { schema: { type: 'string' }, description: 'Where the new book lives' } },
      content: json({ $ref: '#/components/schemas/BookV1' }),
    },
    '400': problemResponse('The book is not valid'),
    ...(secured ? securedWrite.responses : {}),
    '415': problemResponse('The body is not JSON'),
  };
  return {
    openapi: '3.1.0',
    info: { title: 'awt-demo books (REST)', version: '1.0.0' },
    paths: {
      '/v1/books': {
        get: {
          operationId: 'listBooksV1',
          summary: 'All books, every field',
          responses: {
            '200': {
              description: 'The books',
              ...cached,
              content: json({ type: 'array', items: { $ref: '#/components/schemas/BookV1' } }),
            },
            '304': { description: 'Not modified since the ETag sent in If-None-Match' },
          },
        },
        post: {
          operationId: 'addBook',
          summary: 'Add a book',
          ...(secured ? { security: securedWrite.security } : {}),
          requestBody: { required: true, content: json({ $ref: '#/components/schemas/NewBook' }) },
          responses: addBookResponses,
        },
      },
      '/v1/books/{id}': {
        get: {
          operationId: 'getBookV1',
          parameters: [idParameter],
          responses: {
            '200': { description: 'The book', ...cached, content: json({ $ref: '#/components/schemas/BookV1' }) },
            '404': problemResponse('No such book'),
          },
        },
      },
      '/v1/books/{id}/reviews': {
        get: {
          operationId: 'listReviews',
          parameters: [idParameter],
          responses: {
            '200': {
              description: 'Reviews of the book',
              content: json({ type: 'array', items: { $ref: '#/components/schemas/Review' } }),
            },
            '404': problemResponse('No such book'),
          },
        },
      },
      '/v2/books': {
        get: {
          operationId: 'listBooksV2',
          summary: 'All books in the v2 shape',
          responses: {
            '200': {
              description: 'The books',
              content: json({
                type: 'object',
                properties: {
                  count: { type: 'integer' },
                  books: { type: 'array', items: { $ref: '#/components/schemas/BookV2' } },
                },
              }),
            },
          },
        },
      },
      '/v2/books/{id}': {
        get: {
          operationId: 'getBookV2',
          parameters: [idParameter],
          responses: {
            '200': { description: 'The book', content: json({ $ref: '#/components/schemas/BookV2' }) },
            '404': problemResponse('No such book'),
          },
        },
      },
    },
    components: {
      schemas: { BookV1: bookV1, NewBook: newBook, BookV2: bookV2, Review: review, Problem: problem },
      ...(secured ? { securitySchemes } : {}),
    },
  };
}
