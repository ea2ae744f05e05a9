/** REST: GET /v1/books on the demo's own express app, the store fresh, no tap. */
import { BookStore } from '../books/store.js';
import { createRestApp } from './server.js';
import type { BenchAdapter } from '../bench/adapter.js';
import { countJsonList, httpClient, httpServer } from '../bench/http-adapter.js';

export const benchAdapter: BenchAdapter = {
  id: 'rest',
  name: 'REST',
  operation: 'GET /v1/books',
  start: () => httpServer(createRestApp(new BookStore())),
  connect: async (address, options) =>
    httpClient(address, { method: 'GET', path: '/v1/books' }, countJsonList(), options),
};
