/**
 * Backend for frontend: one backend per kind of client, over the same services. The
 * web BFF gives the desktop page everything; the mobile BFF gives the phone only what
 * its small screen shows, in fewer bytes. BFF_VARIANT chooses which one this is.
 */
import { callService } from '../runtime/call-service.js';
import { createResolver, type Resolver } from '../runtime/discovery.js';
import { sendJson } from '../runtime/http-io.js';
import { runService } from '../runtime/service-runtime.js';
import type { Book, Review } from '../../books/types.js';

const variant = process.env.BFF_VARIANT === 'mobile' ? 'mobile' : 'web';
let resolver: Resolver;

const average = (reviews: Review[]) =>
  reviews.length === 0 ? null : Math.round((reviews.reduce((s, r) => s + r.rating, 0) / reviews.length) * 10) / 10;

await runService({
  async setUp(env, client) {
    resolver = createResolver(client, env.registryUrl ?? '');
  },
  async handle(request, response, { url, client, trace }) {
    const id = /^\/screens\/book\/(\d{1,9})$/.exec(url.pathname)?.[1];
    if (request.method !== 'GET' || id === undefined) return false;
    const [bookReply, reviewsReply] = await Promise.all([
      callService(client, resolver, 'catalog', `/books/${id}`, { trace }),
      callService(client, resolver, 'reviews', `/reviews?book=${id}`, { trace }),
    ]);
    if (bookReply.status !== 200) return false;
    const book = bookReply.json as Book;
    const reviews = ((reviewsReply.json as { reviews?: Review[] } | undefined)?.reviews ?? []) as Review[];
    if (variant === 'mobile') {
      const top = [...reviews].sort((a, b) => b.rating - a.rating)[0];
      return sendJson(response, 200, {
        title: book.title,
        author: book.author,
        rating: average(reviews),
        reviewCount: reviews.length,
        ...(top ? { topReview: top.comment.length > 60 ? `${top.comment.slice(0, 59)}…` : top.comment } : {}),
      });
    }
    sendJson(response, 200, {
      book,
      rating: { average: average(reviews), count: reviews.length },
      reviews,
      links: { self: `/screens/book/${id}`, author: `/screens/author?name=${encodeURIComponent(book.author)}` },
    });
  },
});
