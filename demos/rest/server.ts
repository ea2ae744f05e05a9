/**
 * The REST server: resources under /v1 and /v2, status codes that mean something,
 * HTTP caching with ETag, and its contract at /openapi.json.
 */
import express, { type NextFunction, type Request, type Response } from 'express';
import type { BookStore } from '../books/store.js';
import { validateNewBook } from '../books/validation.js';
import { requireScope, writeScope, type AccessTokens } from './bearer.js';
import { v1Book, v2Book } from './book-shapes.js';
import { openApiDocument } from './openapi.js';
import { sendProblem } from './problem.js';

export interface RestAppOptions {
  /** Pages for a browser (`--serve`): an index at / and Swagger UI at /docs; the scenario needs none. */
  explorer?: express.Router;
  /**
   * The tokens an authorization server issued: with them, POST /v1/books wants a bearer
   * token with the write scope (the demo and --serve). Without, writing is open (compare,
   * bench and the exercise's reference run the same routes without credentials).
   */
  accessTokens?: AccessTokens;
}

export function createRestApp(store: BookStore, options: RestAppOptions = {}): express.Express {
  const app = express();
  app.disable('x-powered-by');
  if (options.explorer) app.use(options.explorer);
  // A list may change at any time: the client keeps it but must revalidate (RFC 9111 §5.2.2.4).
  const revalidate = (res: Response) => res.set('Cache-Control', 'no-cache');

  app.get('/openapi.json', (_req, res) => {
    res.json(openApiDocument({ secured: options.accessTokens !== undefined }));
  });

  app.get('/v1/books', (_req, res) => {
    revalidate(res);
    res.json(store.list().map(v1Book));
  });

  app.get('/v1/books/:id', (req, res) => {
    const book = store.get(req.params.id);
    if (!book) return sendProblem(res, 404, `No book with id ${req.params.id}.`);
    revalidate(res);
    res.json(v1Book(book));
  });

  app.get('/v1/books/:id/reviews', (req, res) => {
    if (!store.get(req.params.id)) return sendProblem(res, 404, `No book with id ${req.params.id}.`);
    revalidate(res);
    res.json(store.reviewsOf(req.params.id));
  });

  const mayWrite = options.accessTokens
    ? requireScope(options.accessTokens, writeScope)
    : (_req: Request, _res: Response, next: NextFunction) => next();

  app.post('/v1/books', mayWrite, express.json({ limit: '16kb' }), (req: Request, res: Response) => {
    if (!req.is('application/json')) {
      return sendProblem(res, 415, 'Send the book as JSON (Content-Type: application/json).');
    }
    const result = validateNewBook((req.body ?? {}) as Record<string, unknown>, store.openedAt);
    if (!result.ok) {
      return sendProblem(res, 400, 'The book is not valid.', result.problems);
    }
    const book = store.add(result.value);
    res.status(201).location(`/v1/books/${book.id}`).json(v1Book(book));
  });

  app.get('/v2/books', (_req, res) => {
    revalidate(res);
    const books = store.list().map(v2Book);
    res.json({ count: books.length, books });
  });

  app.get('/v2/books/:id', (req, res) => {
    const book = store.get(req.params.id);
    if (!book) return sendProblem(res, 404, `No book with id ${req.params.id}.`);
    revalidate(res);
    res.json(v2Book(book));
  });

  app.use((req, res) => sendProblem(res, 404, `There is no resource at ${req.method} ${req.path}.`));

  // Malformed JSON, a body over the limit: the client's fault, said as a problem, never a stack trace.
  app.use((error: Error & { status?: number; type?: string }, _req: Request, res: Response, _next: NextFunction) => {
    const status = error.status && error.status >= 400 && error.status < 500 ? error.status : 500;
    const detail = error.type === 'entity.parse.failed' ? 'The body is not valid JSON.' : error.message;
    sendProblem(res, status, detail);
  });
  return app;
}
