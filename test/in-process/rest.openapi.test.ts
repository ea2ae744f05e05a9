import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import type { Express } from 'express';
import { BookStore } from '../../demos/books/store.js';
import { demoAccessTokens } from '../../demos/rest/bearer.js';
import { openApiDocument } from '../../demos/rest/openapi.js';
import { createRestApp } from '../../demos/rest/server.js';
import { createHttpClient } from '../../demos/wire/http-client.js';
import { httpBehindTap } from '../../demos/wire/http-behind-tap.js';

type Spec = Parameters<Validator['validate']>[0];

describe('REST contract (OpenAPI 3.1)', () => {
  for (const secured of [true, false]) {
    test(`when the served /openapi.json is validated then it is valid OpenAPI 3.1 (${secured ? 'with' : 'without'} bearer tokens)`, async () => {
      const options = secured ? { accessTokens: demoAccessTokens } : {};
      const server = await httpBehindTap(createRestApp(new BookStore(), options));
      const client = createHttpClient(server.url);
      try {
        const reply = await client.send({ path: '/openapi.json' });
        assert.equal(reply.status, 200);
        const validator = new Validator();
        const result = await validator.validate(reply.json as Spec);
        assert.deepEqual(result.errors, undefined);
        assert.equal(result.valid, true);
        assert.equal(validator.version, '3.1');
        // The document says what this server does: a bearer token for adding a book, or nothing.
        const document = reply.json as {
          components: { securitySchemes?: Record<string, { type: string; scheme: string }> };
          paths: Record<string, Record<string, { security?: unknown; responses: Record<string, unknown> }>>;
        };
        const addBook = document.paths['/v1/books']!.post!;
        if (secured) {
          assert.deepEqual(document.components.securitySchemes?.bearerAuth, {
            ...document.components.securitySchemes?.bearerAuth,
            type: 'http',
            scheme: 'bearer',
          });
          assert.deepEqual(addBook.security, [{ bearerAuth: ['books:write'] }]);
          assert.ok(addBook.responses['401'] && addBook.responses['403']);
          assert.equal(document.paths['/v1/books']!.get!.security, undefined, 'reading stays open');
        } else {
          assert.equal(document.components.securitySchemes, undefined);
          assert.equal(addBook.security, undefined);
        }
      } finally {
        client.close();
        await server.close();
      }
    });
  }

  test('when a parameter is in the body (a Swagger 2 habit) then the validator notices (it can fail)', async () => {
    const broken = structuredClone(openApiDocument()) as unknown as {
      paths: Record<string, Record<string, { parameters: Array<{ in: string }> }>>;
    };
    broken.paths['/v1/books/{id}']!.get!.parameters[0]!.in = 'body';
    const result = await new Validator().validate(broken as unknown as Spec);
    assert.equal(result.valid, false);
  });

  test('when the server answers a route then the contract describes it, and every documented operation is routed', () => {
    const routed = routesOf(createRestApp(new BookStore()));
    assert.ok(routed.length > 0, 'the walk over the router stack found no routes: has express moved them?');
    // /openapi.json serves the contract itself; OpenAPI documents the API, not where its own document lives.
    const api = routed.filter((route) => route !== 'GET /openapi.json');
    assert.deepEqual(without(api, documented()), [], 'routed but not in the OpenAPI document');
    assert.deepEqual(without(documented(), api), [], 'in the OpenAPI document but not routed');
  });

  test('when a route is added without documenting it then the comparison names it (it can fail)', () => {
    const app = createRestApp(new BookStore());
    app.delete('/v1/books/:id', (_req, res) => {
      res.status(204).end();
    });
    assert.deepEqual(without(routesOf(app), documented()), ['DELETE /v1/books/{id}', 'GET /openapi.json']);
  });
});

/**
 * Every route of an express 5 app as "METHOD /path" in OpenAPI's path template form
 * (`:id` becomes `{id}`), read from the app's router stack: a layer with a `route` is one
 * app.get()/app.post() call, and each layer on that route's own stack names its method.
 */
function routesOf(app: Express): string[] {
  const routes = app.router.stack.flatMap((layer) =>
    layer.route
      ? layer.route.stack.map((handler) => `${handler.method.toUpperCase()} ${template(layer.route!.path)}`)
      : [],
  );
  return [...new Set(routes)].sort();
}

const template = (expressPath: string) => expressPath.replace(/:(\w+)/g, '{$1}');

/** Every operation of the OpenAPI document as "METHOD /path". */
function documented(): string[] {
  const paths: Record<string, Record<string, unknown>> = openApiDocument().paths;
  return Object.entries(paths)
    .flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`))
    .sort();
}

const without = (list: string[], other: string[]) => list.filter((item) => !other.includes(item));
