import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { BookStore } from '../books/store.js';
import type { DemoSession, ServeOptions, ServedDemo } from '../core/demo.js';
import { createHttpClient, type HttpClient } from '../wire/http-client.js';
import { httpBehindTap } from '../wire/http-behind-tap.js';
import { demoAccessTokens, demoTokens } from './bearer.js';
import { restExplorer } from './explorer.js';
import { createRestApp } from './server.js';

export interface RestSession extends DemoSession {
  client: HttpClient;
}

export async function startRest(): Promise<RestSession> {
  const server = await httpBehindTap(createRestApp(new BookStore(), { accessTokens: demoAccessTokens }));
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
  const server = await httpBehindTap(
    createRestApp(new BookStore(), { explorer: restExplorer(options.lang), accessTokens: demoAccessTokens }),
    options,
  );
  const url = server.url;
  // The list's ETag as the server makes it now, asked past the tap (it is no request of the user's).
  const etag = (await entityTag(server.server, '/v1/books')) ?? '<ETag from above>';
  return {
    url,
    browse: [`${url}/`, `${url}/docs`],
    examples: [
      `curl -i ${url}/v1/books`,
      // Right after the first: a POST changes the list, and with it the ETag.
      `curl -i ${url}/v1/books -H 'If-None-Match: ${etag}'`,
      `curl -i ${url}/v1/books/1/reviews`,
      // Adding a book needs a token with the write scope (RFC 6750); Swagger UI's "Authorize" takes the same.
      `curl -i -X POST ${url}/v1/books -H 'Authorization: Bearer ${demoTokens.writer}' -H 'Content-Type: application/json' -d '{"title":"Refactoring","author":"Martin Fowler","year":1999}'`,
      `curl -i -X POST ${url}/v1/books -H 'Content-Type: application/json' -d '{"title":"Refactoring","author":"Martin Fowler"}'`,
      `curl -i ${url}/v2/books/1`,
      `curl -s ${url}/openapi.json`,
    ],
    close: server.close,
  };
}

/** The ETag header of a GET to the server itself (not through the tap), or undefined. */
async function entityTag(server: http.Server, path: string): Promise<string | undefined> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve) => {
    const request = http.get({ host: '127.0.0.1', port, path, agent: false }, (response) => {
      response.resume();
      const tag = response.headers.etag;
      // The example goes inside single quotes in a shell line: only a plain tag fits there.
      resolve(tag && /^(W\/)?"[\x21\x23-\x7e]*"$/.test(tag) ? tag : undefined);
    });
    request.on('error', () => resolve(undefined));
    request.setTimeout(2000, () => request.destroy());
  });
}
