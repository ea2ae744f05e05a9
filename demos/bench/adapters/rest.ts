/** REST: GET /v1/books on the demo's own express app, the store fresh, no tap. */
import { BookStore } from '../../books/store.js';
import { createRestApp } from '../../rest/server.js';
import type { BenchAdapter } from '../adapter.js';
import { countJsonList, httpClient, httpServer } from '../http-adapter.js';

export const adapter: BenchAdapter = {
  id: 'rest',
  name: 'REST',
  operation: 'GET /v1/books',
  start: () => httpServer(createRestApp(new BookStore())),
  connect: async (address, options) =>
    httpClient(address, { method: 'GET', path: '/v1/books' }, countJsonList(), options),
};
