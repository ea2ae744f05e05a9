/**
 * The /graphql endpoint: graphql-http's server-agnostic handler (the reference
 * implementation of the GraphQL over HTTP spec) tied to express, with two additions of
 * this demo: the resolver context of each request, and HTTP caching for queries sent
 * with GET.
 *
 * Why GET: an HTTP cache keys on method and URL (RFC 9111 §4). Every POST goes to the
 * same /graphql with the query in the body, so no cache can tell two POSTs apart, and a
 * POST response is not reused anyway. A query sent with GET has the query in the URL
 * (GraphQL over HTTP §5.1.1, only for queries, never mutations), so its response can
 * carry Cache-Control and an ETag, and a conditional GET is answered with 304.
 */
import { createHash } from 'node:crypto';
import type express from 'express';
import { parse, type GraphQLSchema } from 'graphql';
import { createHandler } from 'graphql-http';
import type { BookStore } from '../books/store.js';
import { demoHeaders, logExtension, resolverContext, type ResolverContext } from './resolver-context.js';

/** How long a cache may reuse a GET answer without asking: short, the books change. */
export const getCacheControl = 'public, max-age=60';

export function graphqlHandler(
  schema: GraphQLSchema,
  store: BookStore,
  maxTokens: number,
): (req: express.Request, res: express.Response) => Promise<void> {
  const handle = createHandler<express.Request, undefined, ResolverContext>({
    schema,
    parse: (source, options) => parse(source, { ...options, maxTokens }),
    context: (req) =>
      resolverContext(store, {
        log: req.raw.get(demoHeaders.resolverLog) === 'on',
        batching: req.raw.get(demoHeaders.batching) === 'dataloader',
      }),
    onOperation: (_req, args, result) => {
      const log = args.contextValue?.log;
      // A response may carry `extensions` beside data and errors (GraphQL spec §7.1.1): the log goes there.
      if (log && !(Symbol.asyncIterator in result)) return { ...result, extensions: logExtension(log) };
      return undefined;
    },
  });
  return async (req, res) => {
    try {
      const [body, init] = await handle({
        url: req.url,
        method: req.method,
        headers: req.headers,
        body: () => readBody(req),
        raw: req,
        context: undefined,
      });
      const headers: Record<string, string> = { ...init.headers };
      if (
        req.method === 'GET' &&
        init.status === 200 &&
        typeof body === 'string' &&
        !req.get(demoHeaders.resolverLog)
      ) {
        const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 16)}"`;
        headers['cache-control'] = getCacheControl;
        headers.etag = etag;
        if (matches(req.get('if-none-match'), etag)) {
          // RFC 9110 §15.4.5: 304 repeats the validators and caching headers, and has no body.
          res.writeHead(304, { 'cache-control': getCacheControl, etag }).end();
          return;
        }
      }
      res.writeHead(init.status, init.statusText, headers).end(body);
    } catch {
      // graphql-http answers every bad request itself; what reaches here is a bug of the server.
      if (!res.headersSent) res.writeHead(500);
      res.end();
    }
  };
}

/** If-None-Match: a list of entity tags or "*"; weak comparison (RFC 9110 §13.1.2). */
function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t.replace(/^W\//, '') === etag;
  });
}

function readBody(req: express.Request): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf-8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}
