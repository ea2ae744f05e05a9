import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { collectTrace } from '../../demos/core/collect-trace.js';
import { demo as graphqlDemo } from '../../demos/graphql/demo.js';
import { httpExchanges } from '../../demos/wire/http-facts.js';
import type { HttpExchange, HttpMessage, Trace } from '../../demos/wire/trace.js';

type Json = Record<string, unknown>;

describe('GraphQL demo, on the real server through the tap', () => {
  let trace: Trace;
  const exchanges = (id: string): HttpExchange[] => httpExchanges(trace.steps.find((s) => s.id === id)!.items);
  const body = (e: HttpExchange | undefined) => JSON.parse(e!.response!.body) as Json;
  const step = (id: string) => trace.steps.find((s) => s.id === id)!;
  const header = (message: HttpMessage | undefined, name: string) =>
    message?.headers.find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1];

  before(async () => {
    trace = await collectTrace(graphqlDemo, 'de');
  });

  test('when the scenario runs then every request goes to the one endpoint /graphql, by POST but for the cached GETs', () => {
    const all = trace.steps.flatMap((s) => httpExchanges(s.items));
    assert.equal(all.length, 17);
    for (const e of all) assert.match(e.request.startLine, /^(POST \/graphql|GET \/graphql\?query=\S+) HTTP\/1\.1$/);
    const gets = all.filter((e) => e.request.startLine.startsWith('GET'));
    assert.deepEqual(
      gets.map((e) => trace.steps.find((s) => s.items.includes(e))!.id),
      ['caching', 'caching'],
    );
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

  test('when introspection asks for ofType then book(id) shows NON_NULL of ID, where the lecture saw name null', () => {
    type Field = { name: string; args: Array<{ type: Json }> };
    const fieldsOf = (e: HttpExchange | undefined) =>
      (body(e).data as { __schema: { queryType: { fields: Field[] } } }).__schema.queryType.fields;
    const [lecture, unwrapped] = exchanges('introspection');
    assert.deepEqual(fieldsOf(lecture).find((f) => f.name === 'book')!.args[0]!.type, { name: null });
    assert.deepEqual(fieldsOf(unwrapped).find((f) => f.name === 'book')!.args[0]!.type, {
      name: null,
      kind: 'NON_NULL',
      ofType: { name: 'ID', kind: 'SCALAR' },
    });
    assert.match(step('introspection').facts.join('\n'), /book\(id\): .*NON_NULL.*ID \(SCALAR\).* ID!/);
  });

  test('when the resolver log is asked for then the table names each resolver, its calls and store reads', () => {
    const [e] = exchanges('resolvers');
    assert.equal(header(e!.request, 'X-Demo-Resolver-Log'), 'on');
    const log = body(e).extensions as { resolvers: Json[]; storeReads: number };
    assert.deepEqual(log.resolvers, [
      { resolver: 'Query.book', own: true, calls: 1, storeReads: 1 },
      { resolver: 'Book.title', own: false, calls: 1, storeReads: 0 },
      { resolver: 'Book.reviews', own: true, calls: 1, storeReads: 1 },
      { resolver: 'Review.rating', own: false, calls: 2, storeReads: 0 },
    ]);
    assert.equal(log.storeReads, 2);
    const [figure] = step('resolvers').figures;
    assert.equal(figure?.kind, 'table');
    assert.deepEqual(figure.kind === 'table' && figure.rows.map((row) => row[0]), [
      'Resolver',
      'Query.book',
      'Book.title',
      'Book.reviews',
      'Review.rating',
    ]);
  });

  test('when books and their reviews are read one by one then N+1 reads, with DataLoader 2, and the same data', () => {
    const [naive, batched] = exchanges('batching');
    assert.equal(header(naive!.request, 'X-Demo-Batching'), undefined);
    assert.equal(header(batched!.request, 'X-Demo-Batching'), 'dataloader');
    const books = (body(naive).data as { books: unknown[] }).books.length;
    const reads = (e: HttpExchange | undefined) => (body(e).extensions as { storeReads: number }).storeReads;
    assert.equal(reads(naive), 1 + books);
    assert.equal(reads(batched), 2);
    assert.deepEqual(body(naive).data, body(batched).data);
    const facts = step('batching').facts.join('\n');
    assert.match(facts, new RegExp(`Einzeln: ${1 + books} Lesezugriffe für ${books} Bücher`));
    assert.match(facts, /Mit DataLoader: 2 Lesezugriffe/);
  });

  test('when no --llm-url is given then recorded answers are labelled, the hallucinated one is rejected and the valid one runs', () => {
    const all = exchanges('textToQuery');
    // The introspection query and the one valid query; the rejected one never reaches the server.
    assert.equal(all.length, 2);
    const sent = (e: HttpExchange) => (JSON.parse(e.request.body) as { query: string }).query;
    assert.match(sent(all[0]!), /query IntrospectionQuery/);
    assert.equal(sent(all[1]!), '{ books { title author reviews { rating } } }');
    const facts = step('textToQuery').facts;
    assert.match(facts.join('\n'), /AUFGEZEICHNET/);
    assert.match(facts.join('\n'), /Antwort 1: \{ books\(author: "Robert C. Martin"\) \{ title rating \} \}/);
    assert.match(facts.join('\n'), /abgelehnt.*Unknown argument "author".*Cannot query field "rating"/);
    assert.match(facts.at(-1)!, /HTTP 200; von Robert C. Martin .*Clean Code \(Rezensionen mit Bewertung 5 und 4\)/);
  });

  test('when a query is sent by GET then it carries Cache-Control and an ETag, and the conditional GET gets 304', () => {
    const [post, get, conditional] = exchanges('caching');
    assert.equal(header(post!.response, 'etag'), undefined);
    assert.equal(header(post!.response, 'cache-control'), undefined);
    const etag = header(get!.response, 'etag');
    assert.match(etag ?? '', /^"[\w-]+"$/);
    assert.equal(header(get!.response, 'cache-control'), 'public, max-age=60');
    assert.equal(header(conditional!.request, 'if-none-match'), etag);
    assert.equal(conditional!.response!.status, 304);
    assert.equal(conditional!.response!.bodyBytes, 0);
    assert.equal(get!.response!.body, post!.response!.body);
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
    assert.match(step('evolution').facts.join('\n'), /isbn ist veraltet/);
  });

  test('when bytes are counted then the exchanges add up to the bytes on the socket', () => {
    const all = trace.steps.flatMap((s) => httpExchanges(s.items));
    const sum = all.reduce((n, e) => n + e.response!.headBytes + e.response!.bodyBytes, 0);
    assert.equal(sum, trace.totals.bytesDown);
  });
});
