import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { collectTrace } from '../demos/core/collect-trace.js';
import { demo as graphqlDemo } from '../demos/graphql/demo.js';
import { httpExchanges } from '../demos/wire/http-facts.js';
import type { HttpExchange, Trace } from '../demos/wire/trace.js';

type Json = Record<string, unknown>;

describe('GraphQL demo, on the real server through the tap', () => {
  let trace: Trace;
  const exchanges = (id: string): HttpExchange[] => httpExchanges(trace.steps.find((s) => s.id === id)!.items);
  const body = (e: HttpExchange | undefined) => JSON.parse(e!.response!.body) as Json;

  before(async () => {
    trace = await collectTrace(graphqlDemo, 'de');
  });

  test('when the scenario runs then every request goes to the one endpoint POST /graphql', () => {
    const all = trace.steps.flatMap((s) => httpExchanges(s.items));
    assert.equal(all.length, 8);
    for (const e of all) assert.equal(e.request.startLine, 'POST /graphql HTTP/1.1');
  });

  test("when the lecture's query asks for title and author then each book has exactly those fields", () => {
    const [e] = exchanges('query');
    assert.equal((JSON.parse(e!.request.body) as { query: string }).query, '{ books { title author } }');
    const books = (body(e).data as { books: Json[] }).books;
    assert.equal(books.length, 6);
    for (const book of books) assert.deepEqual(Object.keys(book), ['title', 'author']);
  });

  test('when a book and its reviews are asked with a variable then one round trip brings both', () => {
    const all = exchanges('nested');
    assert.equal(all.length, 1);
    assert.deepEqual((JSON.parse(all[0]!.request.body) as { variables: Json }).variables, { id: '1' });
    const book = (body(all[0]).data as { book: { reviews: Json[] } }).book;
    assert.deepEqual(Object.keys(book), ['title', 'author', 'reviews']);
    assert.deepEqual(Object.keys(book.reviews[0]!), ['rating', 'comment']);
  });

  test("when the lecture's mutation runs then the new book comes back with id, title and author only", () => {
    const added = (body(exchanges('mutation')[0]).data as { addBook: Json }).addBook;
    assert.deepEqual(added, { id: '7', title: 'Clean Code', author: 'Robert C. Martin' });
  });

  test('when a field does not exist then the answer is 400 with an errors array and no data', () => {
    const [e] = exchanges('unknownField');
    assert.equal(e!.response!.status, 400);
    const answer = body(e);
    assert.equal('data' in answer, false);
    assert.match((answer.errors as Array<{ message: string }>)[0]!.message, /Cannot query field "publisher"/);
  });

  test('when a book does not exist then the status is 200 and the book is null', () => {
    const [e] = exchanges('missing');
    assert.equal(e!.response!.status, 200);
    assert.deepEqual(body(e), { data: { book: null } });
  });

  test("when the lecture's introspection query runs then Query's fields and arguments come back", () => {
    const schema = (body(exchanges('introspection')[0]).data as { __schema: { queryType: { fields: Json[] } } })
      .__schema;
    const names = schema.queryType.fields.map((f) => f.name);
    assert.deepEqual(names, ['books', 'book']);
  });

  test('when the schema evolves then isbn is deprecated with a reason and still answers', () => {
    const [old, types] = exchanges('evolution');
    assert.deepEqual(body(old).data, { book: { title: 'Clean Code', isbn: '0132350882', isbn13: '9780132350884' } });
    const fields = (body(types).data as { __type: { fields: Array<{ name: string; isDeprecated: boolean }> } }).__type
      .fields;
    assert.deepEqual(
      fields.filter((f) => f.isDeprecated).map((f) => f.name),
      ['isbn'],
    );
    assert.match(trace.steps.at(-1)!.facts.join('\n'), /isbn ist veraltet/);
  });

  test('when bytes are counted then the exchanges add up to the bytes on the socket', () => {
    const all = trace.steps.flatMap((s) => httpExchanges(s.items));
    const sum = all.reduce((n, e) => n + e.response!.headBytes + e.response!.bodyBytes, 0);
    assert.equal(sum, trace.totals.bytesDown);
  });
});
