import assert from 'node:assert/strict';
import http from 'node:http';
import type net from 'node:net';
import { after, describe, test } from 'node:test';
import { AwtError } from '../../demos/core/errors.js';
import { startLlmClient, chatPath } from '../../demos/graphql/llm-client.js';
import { startGraphql, type GraphqlSession } from '../../demos/graphql/session.js';
import { textToQueryStep } from '../../demos/graphql/step-text-to-query.js';
import { checkQuery, queryInAnswer, schemaFromIntrospection, shownAnswer } from '../../demos/graphql/text-to-query.js';
import { httpExchanges } from '../../demos/wire/http-facts.js';
import { numberWords } from '../../demos/core/numbers.js';
import { en } from '../../lessons/graphql/en.js';
import { createSchema } from '../../demos/graphql/schema.js';
import { BookStore } from '../../demos/books/store.js';
import { introspectionFromSchema } from 'graphql';

type Chat = { model: string; messages: Array<{ role: string; content: string }> };

/** An OpenAI-compatible endpoint on 127.0.0.1 that answers from a list, one body per request. */
async function standIn(answers: Array<{ status?: number; body: string }>) {
  const requests: Chat[] = [];
  const server = http.createServer((req, res) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString()));
    req.on('end', () => {
      requests.push(JSON.parse(text) as Chat);
      const answer = answers[Math.min(requests.length - 1, answers.length - 1)]!;
      res.writeHead(answer.status ?? 200, { 'Content-Type': 'application/json' }).end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
  return {
    url,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const completion = (content: string) => JSON.stringify({ choices: [{ message: { role: 'assistant', content } }] });

describe('text to query, with a stand-in model endpoint', () => {
  const leftovers: Array<() => Promise<void>> = [];
  after(async () => {
    for (const close of leftovers.reverse()) await close();
  });

  async function run(url: string): Promise<{ facts: string[]; session: GraphqlSession }> {
    const session = await startGraphql({ llmUrl: url, llmModel: 'stand-in' });
    leftovers.push(() => session.close());
    const facts = (await textToQueryStep.run({
      session,
      lesson: en,
      numbers: numberWords('en'),
      items: () => [],
    })) as string[];
    return { facts, session };
  }

  test('when the model first hallucinates a field then validation rejects it, the errors go back, and the valid query runs', async () => {
    const model = await standIn([
      { body: completion('```graphql\n{ books { title publisher } }\n```') },
      { body: completion('{ books { title author reviews { rating } } }') },
    ]);
    leftovers.push(model.close);
    const { facts, session } = await run(model.url);
    assert.equal(model.requests.length, 2);
    const [first, second] = model.requests;
    assert.equal(first!.model, 'stand-in');
    assert.match(first!.messages[0]!.content, /type Book \{/);
    assert.equal(first!.messages[1]!.content, en.question);
    assert.match(second!.messages.at(-1)!.content, /Cannot query field "publisher" on type "Book"/);
    const text = facts.join('\n');
    assert.match(text, /written live by the model stand-in/);
    assert.match(text, /Answer 1: \{ books \{ title publisher \} \}/);
    assert.match(text, /rejected by validate\(\), nothing ran: Cannot query field "publisher"/);
    assert.match(facts.at(-1)!, /HTTP 200; by Robert C\. Martin among the 6 books: Clean Code \(ratings 5, 4\)/);
    // Prompt and answers crossed the model's tap; the rejected query never reached the GraphQL server.
    const onModelTap = httpExchanges(session.llm!.tap.items);
    assert.equal(onModelTap.length, 2);
    assert.equal(onModelTap[0]!.request.startLine, 'POST /v1/chat/completions HTTP/1.1');
    const graphql = httpExchanges(session.taps[0]!.items).map((e) => e.request.body);
    assert.equal(graphql.length, 2);
    assert.doesNotMatch(graphql.join('\n'), /publisher/);
  });

  test('when the model never gives a valid query then nothing is sent to the GraphQL server', async () => {
    const model = await standIn([{ body: completion('mutation { addBook(title: "x", author: "y") { id } }') }]);
    leftovers.push(model.close);
    const { facts, session } = await run(model.url);
    assert.match(facts.at(-1)!, /No valid query in 2 answers: nothing was sent/);
    assert.equal(httpExchanges(session.taps[0]!.items).length, 1);
  });

  test('when the model answers with terminal controls then the facts show them escaped and cut short', async () => {
    const hostile = `{ books { title } } \u001b]0;owned\u0007 ${'x'.repeat(500)}`;
    const model = await standIn([{ body: completion(hostile) }]);
    leftovers.push(model.close);
    const { facts } = await run(model.url);
    const text = facts.join('\n');
    assert.equal(text.includes('\u001b') || text.includes('\u0007'), false);
    assert.match(text, /\\x1b\]0;owned\\x07/);
    for (const fact of facts) assert.ok(fact.length < 400, fact);
  });

  for (const [name, answer, reason] of [
    ['not JSON', { body: '<html>hello</html>' }, 'not-json'],
    ['JSON without choices', { body: '{"error":"model not found"}' }, 'no-content'],
    ['HTTP 404', { status: 404, body: '{"error":"not found"}' }, 'status'],
    ['an answer too long for a query', { body: completion('{'.repeat(9000)) }, 'too-long'],
  ] as const) {
    test(`when the endpoint answers ${name} then the step fails with AWT_LLM_BAD_ANSWER (${reason})`, async () => {
      const model = await standIn([answer]);
      leftovers.push(model.close);
      await assert.rejects(
        run(model.url),
        (error: unknown) =>
          error instanceof AwtError &&
          error.code === 'AWT_LLM_BAD_ANSWER' &&
          (error.params as { reason: string }).reason === reason,
      );
    });
  }

  test('when nothing listens at the URL then the step fails with AWT_LLM_UNREACHABLE', async () => {
    const closed = await standIn([]);
    await closed.close();
    await assert.rejects(
      run(closed.url),
      (error: unknown) =>
        error instanceof AwtError &&
        error.code === 'AWT_LLM_UNREACHABLE' &&
        (error.params as { reason: string }).reason === 'refused',
    );
  });

  test('when the endpoint does not answer in time then the wait ends with AWT_LLM_UNREACHABLE (timeout)', async () => {
    const silent = http.createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    leftovers.push(async () => {
      silent.closeAllConnections();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    });
    const url = `http://127.0.0.1:${(silent.address() as net.AddressInfo).port}`;
    const client = await startLlmClient(url, { timeoutMs: 300 });
    leftovers.push(() => client.close());
    await assert.rejects(
      client.complete([{ role: 'user', content: 'hello' }]),
      (error: unknown) =>
        error instanceof AwtError &&
        error.code === 'AWT_LLM_UNREACHABLE' &&
        (error.params as { reason: string }).reason === 'timeout',
    );
  });
});

describe('text to query, the pure parts', () => {
  const { schema } = schemaFromIntrospection(introspectionFromSchema(createSchema(new BookStore())));

  test('when a query names a field the schema lacks then checkQuery rejects it without running it', () => {
    const checked = checkQuery(schema, '{ books { title rating } }');
    assert.equal(checked.ok, false);
    assert.match(!checked.ok ? checked.errors[0]! : '', /Cannot query field "rating" on type "Book"/);
  });

  test('when the answer is not GraphQL at all then checkQuery reports the syntax error', () => {
    const checked = checkQuery(schema, 'Sure! Here is your query.');
    assert.equal(checked.ok, false);
    assert.match(!checked.ok ? checked.errors[0]! : '', /Syntax Error/);
  });

  test('when the answer is in a code fence then the query inside it is taken', () => {
    assert.equal(queryInAnswer('Here:\n```graphql\n{ books { title } }\n```\nDone.'), '{ books { title } }');
    assert.equal(queryInAnswer('  { books { title } }\n'), '{ books { title } }');
  });

  test('when model text is shown then it is one line and bounded', () => {
    assert.equal(shownAnswer('a\n\n  b'), 'a b');
    assert.equal(shownAnswer('y'.repeat(300), 20).length, 20);
  });

  test('when the URL is a base, a /v1 or the full path then the chat path is /v1/chat/completions under it', () => {
    assert.equal(chatPath(new URL('http://h:1')), '/v1/chat/completions');
    assert.equal(chatPath(new URL('http://h:1/v1/')), '/v1/chat/completions');
    assert.equal(chatPath(new URL('http://h:1/api/v1/chat/completions')), '/api/v1/chat/completions');
  });
});
