/**
 * The reference: bare node:http answering every request with the bytes of the REST
 * list, computed once. No routing, no serialising, no framework: what is left is the
 * cost of HTTP itself in node, on this machine. No paradigm can be faster.
 */
import type http from 'node:http';
import { BookStore } from '../books/store.js';
import type { BenchAdapter } from './adapter.js';
import { countJsonList, httpClient, httpServer } from './http-adapter.js';

/**
 * The body of GET /v1/books on a fresh store: express's res.json() is JSON.stringify
 * of the list with no spacing, and a v1 book is the stored book as it is.
 * test/timed/bench.adapters.test.ts checks it byte for byte against the REST server.
 */
export function referenceBody(): Buffer {
  return Buffer.from(JSON.stringify(new BookStore().list()));
}

export const referenceAdapter: BenchAdapter = {
  id: 'reference',
  name: 'node:http',
  operation: 'GET /v1/books',
  start: async () => {
    const body = referenceBody();
    const headers = { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(body.length) };
    const handler: http.RequestListener = (_req, res) => {
      res.writeHead(200, headers).end(body);
    };
    return httpServer(handler);
  },
  connect: async (address, options) =>
    httpClient(address, { method: 'GET', path: '/v1/books' }, countJsonList(), options),
};
