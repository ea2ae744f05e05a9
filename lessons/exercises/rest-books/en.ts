import type { ExerciseText } from '../../../demos/exercises/types.js';

export const en: ExerciseText = {
  title: 'A REST book service with express, following an OpenAPI contract',
  summary:
    'List, one book, POST with 201 and Location, problem details, 404 and ETag; checked against the OpenAPI schemas',
  task: [
    "Build the books resource of the rest demo with express in TypeScript, exactly as the demo's OpenAPI document describes it (`awt-demo rest --schema` prints it). The checks validate every response against that document's schemas.",
    '- `GET /v1/books`: all books as a JSON array; a book has `id` (string), `title`, `author`, `year` (integer or null), `isbn` (string or null) and `createdAt` (date-time).\n- `GET /v1/books/{id}`: one book, or `404` with a problem details body (`application/problem+json`, RFC 9457: `type`, `title`, `status`).\n- `POST /v1/books` with a JSON body (`title` and `author` required): `201 Created`, the new book as the body, and a `Location` header with its URL. An invalid body gets `400` with problem details.\n- Every book answer carries an `ETag`; a request with `If-None-Match` and that ETag gets `304 Not Modified` without a body.',
  ],
  steps: [
    '1. Open `src/app.ts`. The server starts and answers already; every `TODO` marks a route or a rule to write. The books live in `src/books.ts`.',
    '2. Write one route at a time and run the checks after each; a failing check shows the request and the response side by side.',
    '3. Compare with the demo: `awt-demo rest` shows the same requests against the reference server.',
  ],
  checks: {
    'list-books': {
      title: 'GET /v1/books answers the list as JSON that matches the contract',
      expected: '200, Content-Type application/json, a non-empty array of books valid against the BookV1 schema',
      hints: [
        'A collection resource answers an array of its items, with the media type the contract names (application/json).',
        "express's `res.json(value)` serialises the value and sets `Content-Type: application/json`; `res.send(JSON.stringify(value))` would say text/html.",
        "Shape: `app.get('/v1/books', (_req, res) => { res.json(books); });`, and every book has all six fields of BookV1 (year and isbn may be null).",
      ],
    },
    'one-book': {
      title: 'GET /v1/books/{id} answers exactly that book',
      expected: '200 and the book with the id in the path (same id and title as in the list), valid against BookV1',
      hints: [
        'The id is part of the path: one URL per book. The route reads it and looks the book up.',
        "A route parameter: `app.get('/v1/books/:id', …)`; the value is in `req.params.id` (a string).",
        'Shape: `const book = books.find((b) => b.id === req.params.id); if (!book) return …404…; res.json(book);`.',
      ],
    },
    'add-book': {
      title: 'POST /v1/books creates a book: 201, the book, and a Location header',
      expected:
        '201 Created, the new book (valid against BookV1, with the title, author and year sent), and a Location header that leads to it',
      hints: [
        'Creating a resource answers 201 Created and says where the new resource lives, in the Location header (RFC 9110 §15.3.2).',
        'Read the body with `express.json()`, give the book an id and createdAt, then `res.status(201).location(`/v1/books/${book.id}`).json(book)`.',
        "Shape: `app.post('/v1/books', express.json(), (req, res) => { const book = { id: String(books.length + 1), title: req.body.title, author: req.body.author, year: req.body.year ?? null, isbn: req.body.isbn ?? null, createdAt: new Date().toISOString() }; books.push(book); res.status(201).location(…).json(book); });`",
      ],
    },
    'invalid-book': {
      title: 'POST /v1/books without a title answers 400 with problem details',
      expected:
        '400, Content-Type application/problem+json, a body valid against the Problem schema (type, title, status)',
      hints: [
        "Bad input is the client's fault: a 4xx status, and a body that says what is wrong in a standard shape, problem details (RFC 9457).",
        "Check the body before you store anything: title and author must be non-empty strings. Answer with `res.status(400).type('application/problem+json').send(JSON.stringify(problem))`.",
        "Shape: `if (typeof req.body?.title !== 'string' || req.body.title.trim() === '') return sendProblem(res, 400, 'Bad Request', 'title is required');` with `sendProblem` writing `{ type: 'about:blank', title, status, detail }`.",
      ],
    },
    'not-found': {
      title: 'GET /v1/books/{id} for an unknown id answers 404 with problem details',
      expected: '404, Content-Type application/problem+json, a body valid against the Problem schema',
      hints: [
        'A book that does not exist is 404 Not Found, with a body the client can read the same way as every other error.',
        'When `find` finds nothing, answer with status 404 and a problem details body; `res.status(404).json(…)` would say application/json instead of application/problem+json.',
        "Shape: `if (!book) return sendProblem(res, 404, 'Not Found', `No book with id ${req.params.id}.`);`",
      ],
    },
    etag: {
      title: 'A book carries an ETag, and If-None-Match with it gets 304',
      expected:
        'GET /v1/books/{id} sends an ETag; the same request with If-None-Match: <that ETag> answers 304 without a body',
      hints: [
        'Conditional requests save bytes: the client sends the ETag it has, and the server answers 304 when nothing changed (RFC 9110 §13.1.2).',
        'express computes an ETag for `res.json` and answers 304 by itself when If-None-Match matches, unless the `etag` setting is switched off or the ETag header is removed.',
        "Shape: leave `app.set('etag', …)` alone (or set it to 'weak' or 'strong'), send books with `res.json`, and do not overwrite the ETag header in a middleware.",
      ],
    },
  },
};
