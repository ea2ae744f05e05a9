/**
 * The reviews service: reviews by book id, and nothing about the books themselves.
 * Its GraphQL schema extends the catalog's Book with `reviews`, joined by id; the
 * GraphQL gateway stitches the two.
 */
import { seedReviews } from '../../books/seed.js';
import type { Review } from '../../books/types.js';
import { sendJson } from '../runtime/http-io.js';
import { runService } from '../runtime/service-runtime.js';
import { graphqlHandler } from '../runtime/graphql-endpoint.js';

const reviews: Review[] = seedReviews.map((review, i) => ({ id: String(i + 1), ...review }));
const of = (bookId: string) => reviews.filter((review) => review.bookId === bookId);

const sdl = /* GraphQL */ `
  type Review {
    id: ID!
    rating: Int!
    comment: String!
  }
  type Book {
    id: ID!
    reviews: [Review!]!
  }
  type Query {
    bookReviews(id: ID!): Book!
  }
`;
const graphql = graphqlHandler(sdl, {
  bookReviews: ({ id }: { id: string }) => ({ id, reviews: of(id) }),
});

await runService({
  registerAs: 'reviews',
  preload: graphql.preload,
  async handle(request, response, context) {
    const path = context.url.pathname;
    if (path === '/graphql') return graphql(request, response);
    if (request.method === 'GET' && path === '/reviews') {
      const book = context.url.searchParams.get('book') ?? '';
      return sendJson(response, 200, { book, reviews: of(book), servedBy: context.env.instance });
    }
    return false;
  },
});
