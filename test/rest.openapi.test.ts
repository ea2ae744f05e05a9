import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import { BookStore } from '../demos/books/store.js';
import { openApiDocument } from '../demos/rest/openapi.js';
import { createRestApp } from '../demos/rest/server.js';
import { createHttpClient } from '../demos/wire/http-client.js';
import { httpBehindTap } from '../demos/wire/http-behind-tap.js';

type Spec = Parameters<Validator['validate']>[0];

describe('REST contract (OpenAPI 3.1)', () => {
  test('when the served /openapi.json is validated then it is valid OpenAPI 3.1', async () => {
    const server = await httpBehindTap(createRestApp(new BookStore()));
    const client = createHttpClient(server.url);
    try {
      const reply = await client.send({ path: '/openapi.json' });
      assert.equal(reply.status, 200);
      const validator = new Validator();
      const result = await validator.validate(reply.json as Spec);
      assert.deepEqual(result.errors, undefined);
      assert.equal(result.valid, true);
      assert.equal(validator.version, '3.1');
    } finally {
      client.close();
      await server.close();
    }
  });

  test('when a parameter is in the body (a Swagger 2 habit) then the validator notices (it can fail)', async () => {
    const broken = structuredClone(openApiDocument()) as unknown as {
      paths: Record<string, Record<string, { parameters: Array<{ in: string }> }>>;
    };
    broken.paths['/v1/books/{id}']!.get!.parameters[0]!.in = 'body';
    const result = await new Validator().validate(broken as unknown as Spec);
    assert.equal(result.valid, false);
  });

  test('when the server answers a route then the contract describes it', () => {
    const paths = Object.keys(openApiDocument().paths);
    assert.deepEqual(paths, ['/v1/books', '/v1/books/{id}', '/v1/books/{id}/reviews', '/v2/books', '/v2/books/{id}']);
  });
});
