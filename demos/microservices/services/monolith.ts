/**
 * The modular monolith: catalog, reviews and orders are modules of one process with
 * their own interfaces, called as functions. The book page is one request; the module
 * calls it makes never reach a socket. Server-Timing (W3C) reports them, so the trace
 * can show what happened inside.
 */
import { performance } from 'node:perf_hooks';
import { BookStore } from '../../books/store.js';
import type { Review } from '../../books/types.js';
import { sendJson } from '../runtime/http-io.js';
import { runService } from '../runtime/service-runtime.js';

const catalog = (() => {
  const store = new BookStore();
  return { book: (id: string) => store.get(id) };
})();
const reviews = (() => {
  const store = new BookStore();
  return { of: (bookId: string): Review[] => store.reviewsOf(bookId) };
})();
const orders = (() => {
  const placed: Array<{ id: string; bookId: string }> = [];
  return { list: () => placed };
})();

function timed<T>(timings: string[], name: string, call: () => T): T {
  const start = performance.now();
  const result = call();
  timings.push(`${name};dur=${(performance.now() - start).toFixed(3)}`);
  return result;
}

await runService({
  async handle(request, response, { url }) {
    if (request.method !== 'GET') return false;
    if (url.pathname === '/orders') return sendJson(response, 200, orders.list());
    const id = /^\/book-page\/(\d{1,9})$/.exec(url.pathname)?.[1];
    if (id === undefined) return false;
    const timings: string[] = [];
    const book = timed(timings, 'catalog', () => catalog.book(id));
    if (!book) return false;
    const bookReviews = timed(timings, 'reviews', () => reviews.of(id));
    sendJson(response, 200, { book, reviews: bookReviews }, { 'Server-Timing': timings.join(', ') });
  },
});
