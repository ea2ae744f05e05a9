/**
 * The books resource. The server starts and answers already; the routes are yours
 * to write, as the rest demo's OpenAPI document describes them (awt-demo rest --schema).
 * Check your progress with:  npx awt-demo exercise check rest-books
 */
import express from 'express';
import { books } from './books.js';

export function createApp(): express.Express {
  const app = express();

  app.get('/v1/books', (_req, res) => {
    // TODO: answer the books as JSON (this sends an empty list for now)
    res.json(books.filter(() => false));
  });

  // TODO: GET /v1/books/:id — the book, or 404 with problem details (application/problem+json)

  // TODO: POST /v1/books — validate the JSON body (400 with problem details when invalid),
  //       store the book, answer 201 with the book and a Location header

  return app;
}
