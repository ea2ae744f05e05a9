/**
 * The HTTP side of the same server: the books, the two polling endpoints that
 * WebSocket is compared with, an index at / and the chat page at /chat.html.
 * WebSocket upgrades on this port are routed in upgrade.ts; express never sees them.
 */
import express, { type NextFunction, type Request, type Response } from 'express';
import type { BookStore } from '../books/store.js';
import type { Book } from '../books/types.js';
import { validateNewBook } from '../books/validation.js';
import type { Lang } from '../core/lang.js';
import { indexRoute } from '../core/web/index-page.js';
import { explorerTexts } from '../../lessons/explorers/index.js';
import { pageHtml, pageScript, type PageTexts } from './page.js';

/** Where the book-club chat page is; `/chat` itself is the WebSocket endpoint. */
export const chatPagePath = '/chat.html';

/** Longest a long-poll request is held open before it is answered 204 No Content. */
const maxWaitMs = 30_000;

/** `lang`: the language of the index page (--lang), else the browser's. */
export function createBooksApp(store: BookStore, texts: PageTexts, lang?: Lang): express.Express {
  const app = express();
  app.disable('x-powered-by');
  // No ETag: the polls below are answered fresh each time, and the trace stays short.
  app.set('etag', false);

  app.get(
    '/',
    indexRoute('websocket', lang, explorerTexts, (t) => [
      { href: chatPagePath, label: t.websocket.chat, note: t.websocket.chatNote },
      { href: '/books', label: t.websocket.books, note: t.websocket.booksNote },
      { href: '/books/changes?since=0', label: t.websocket.changes, note: t.websocket.changesNote },
    ]),
  );
  app.get(chatPagePath, (_req, res) => {
    res.type('html').send(pageHtml(texts));
  });
  app.get('/app.js', (_req, res) => {
    res.type('text/javascript').send(pageScript);
  });
  app.get('/favicon.ico', (_req, res) => {
    res.status(204).end();
  });

  app.get('/books', (_req, res) => {
    res.json(store.list());
  });

  app.post('/books', express.json({ limit: '16kb' }), (req: Request, res: Response) => {
    const result = validateNewBook((req.body ?? {}) as Record<string, unknown>, store.openedAt);
    if (!result.ok) return problem(res, 400, 'The book is not valid.', result.problems);
    const book = store.add(result.value);
    res.status(201).location(`/books/${book.id}`).json(book);
  });

  /**
   * "Anything new since book <since>?" Short polling asks without `wait` and gets an
   * answer at once, often an empty one. Long polling sends `wait=<ms>`: the server
   * holds the request until a book arrives (or the time is up: 204).
   */
  app.get('/books/changes', (req, res) => {
    const since = Number(req.query.since ?? 0);
    const wait = Math.min(Number(req.query.wait ?? 0) || 0, maxWaitMs);
    if (!Number.isInteger(since) || since < 0) return problem(res, 400, 'since must be a book id (an integer).');
    const newer = () => store.list().filter((book) => Number(book.id) > since);
    // A notice says what is new, not everything about it: id and title.
    const answer = (books: Book[]) =>
      res.json({ books: books.map(({ id, title }) => ({ id, title })), last: books.at(-1)?.id ?? String(since) });
    if (newer().length > 0 || wait <= 0) return answer(newer());
    const stop = store.onBookAdded(() => {
      done();
      answer(newer());
    });
    const timer = setTimeout(() => {
      done();
      res.status(204).end();
    }, wait);
    const done = () => {
      stop();
      clearTimeout(timer);
    };
    res.on('close', done);
  });

  app.use((req, res) => problem(res, 404, `There is nothing at ${req.method} ${req.path}.`));
  app.use((error: Error & { status?: number }, _req: Request, res: Response, _next: NextFunction) => {
    const status = error.status && error.status >= 400 && error.status < 500 ? error.status : 500;
    const parseFailed = (error as { type?: string }).type === 'entity.parse.failed';
    problem(
      res,
      status,
      status === 500 ? 'Something went wrong.' : parseFailed ? 'The body is not valid JSON.' : error.message,
    );
  });
  return app;
}

/** RFC 9457 problem details, as the REST demo answers errors. */
function problem(res: Response, status: number, detail: string, problems?: unknown[]): void {
  res
    .status(status)
    .type('application/problem+json')
    .send(JSON.stringify({ type: 'about:blank', status, detail, ...(problems ? { problems } : {}) }));
}
