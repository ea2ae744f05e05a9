/** The books resource as the OpenAPI document of the rest demo describes it. */
import express, { type NextFunction, type Request, type Response } from 'express';
import { books, type Book } from './books.js';
import { sendProblem } from './problem.js';

/** What is wrong with a new book, or undefined when it may be stored. */
function invalid(body: Record<string, unknown>): string | undefined {
  for (const field of ['title', 'author'] as const) {
    const value = body[field];
    if (typeof value !== 'string' || value.trim() === '') return `${field} is required`;
  }
  if (body.year !== undefined && (!Number.isInteger(body.year) || (body.year as number) < 1450)) {
    return 'year must be an integer from 1450 on';
  }
  if (body.isbn !== undefined && typeof body.isbn !== 'string') return 'isbn must be a string';
  return undefined;
}

export function createApp(): express.Express {
  const app = express();

  app.get('/v1/books', (_req, res) => {
    res.json(books);
  });

  app.get('/v1/books/:id', (req, res) => {
    const book = books.find((b) => b.id === req.params.id);
    if (!book) return sendProblem(res, 404, 'Not Found', `No book with id ${req.params.id}.`);
    res.json(book);
  });

  app.post('/v1/books', express.json(), (req: Request, res: Response) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const problem = invalid(body);
    if (problem) return sendProblem(res, 400, 'Bad Request', problem);
    const book: Book = {
      id: String(books.length + 1),
      title: (body.title as string).trim(),
      author: (body.author as string).trim(),
      year: (body.year as number | undefined) ?? null,
      isbn: (body.isbn as string | undefined) ?? null,
      createdAt: new Date().toISOString(),
    };
    books.push(book);
    res.status(201).location(`/v1/books/${book.id}`).json(book);
  });

  // A body that is not JSON is the client's fault too: 400 with problem details, never a stack trace.
  app.use((error: Error & { status?: number }, _req: Request, res: Response, _next: NextFunction) => {
    const status = error.status && error.status >= 400 && error.status < 500 ? error.status : 500;
    sendProblem(res, status, status === 500 ? 'Internal Server Error' : 'Bad Request', error.message);
  });
  return app;
}
