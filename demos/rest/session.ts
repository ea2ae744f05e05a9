import { BookStore } from '../books/store.js';
import type { DemoSession, ServeOptions, ServedDemo } from '../core/demo.js';
import { createHttpClient, type HttpClient } from '../wire/http-client.js';
import { httpBehindTap } from '../wire/http-behind-tap.js';
import { createRestApp } from './server.js';

export interface RestSession extends DemoSession {
  client: HttpClient;
}

export async function startRest(): Promise<RestSession> {
  const server = await httpBehindTap(createRestApp(new BookStore()));
  const client = createHttpClient(server.url);
  return {
    client,
    taps: [server.tap],
    close: async () => {
      client.close();
      await server.close();
    },
  };
}

export async function serveRest(options: ServeOptions): Promise<ServedDemo> {
  const server = await httpBehindTap(createRestApp(new BookStore()), options);
  const url = server.url;
  return {
    url,
    examples: [
      `curl -i ${url}/v1/books`,
      `curl -i ${url}/v1/books/1/reviews`,
      `curl -i -X POST ${url}/v1/books -H 'Content-Type: application/json' -d '{"title":"Refactoring","author":"Martin Fowler","year":1999}'`,
      `curl -i ${url}/v1/books -H 'If-None-Match: <ETag from above>'`,
      `curl -i ${url}/v2/books/1`,
      `curl -s ${url}/openapi.json`,
    ],
    close: server.close,
  };
}
