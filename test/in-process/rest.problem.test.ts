import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { BookStore } from '../../demos/books/store.js';
import { createRestApp } from '../../demos/rest/server.js';
import { createHttpClient } from '../../demos/wire/http-client.js';
import { httpBehindTap, type HttpBehindTap } from '../../demos/wire/http-behind-tap.js';

describe('REST errors as problem details (RFC 9457)', () => {
  let server: HttpBehindTap;
  before(async () => {
    server = await httpBehindTap(createRestApp(new BookStore()));
  });
  after(() => server.close());

  const post = (body: string, contentType = 'application/json') =>
    fetch(`${server.url}/v1/books`, { method: 'POST', headers: { 'Content-Type': contentType }, body });

  test('when a body is over the limit then the 413 carries its own phrase as the title, not "Bad Request"', async () => {
    const reply = await post(JSON.stringify({ title: 'x'.repeat(20_000), author: 'A' }));
    assert.equal(reply.status, 413);
    assert.equal(reply.headers.get('content-type'), 'application/problem+json; charset=utf-8');
    const problem = (await reply.json()) as { title: string; status: number; type: string };
    assert.deepEqual([problem.type, problem.title, problem.status], ['about:blank', 'Payload Too Large', 413]);
  });

  test('when the body is not JSON then the 400 says so, and the title is "Bad Request"', async () => {
    const reply = await post('{"title":');
    const problem = (await reply.json()) as { title: string; detail: string };
    assert.equal(reply.status, 400);
    assert.equal(problem.title, 'Bad Request');
    assert.equal(problem.detail, 'The body is not valid JSON.');
  });

  test('when the content type is not JSON then the 415 is titled "Unsupported Media Type"', async () => {
    const reply = await post('title=x', 'application/x-www-form-urlencoded');
    assert.equal(reply.status, 415);
    assert.equal(((await reply.json()) as { title: string }).title, 'Unsupported Media Type');
  });

  test('when the client is this tool then the same problem arrives over the tap', async () => {
    const client = createHttpClient(server.url);
    try {
      const reply = await client.send({ method: 'GET', path: '/v1/books/999' });
      assert.equal(reply.status, 404);
      assert.equal((reply.json as { title: string }).title, 'Not Found');
    } finally {
      client.close();
    }
  });
});
