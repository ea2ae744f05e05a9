/**
 * The checks of the exercise graphql-book-service, derived from this demo's own
 * contract: the documents are the lecture's (operations.ts), the field signatures are
 * compared with the demo's SDL (schema.ts), and GraphQL over HTTP conformance is
 * graphql-http's audit suite (https://graphql.github.io/graphql-over-http/draft/).
 */
import {
  buildClientSchema,
  buildSchema,
  getIntrospectionQuery,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  type IntrospectionQuery,
} from 'graphql';
import { serverAudits } from 'graphql-http';
import type { CheckContext, CheckResult, ExerciseChecks } from '../exercises/types.js';
import { booksQuery, lectureIntrospection, unknownField } from './operations.js';
import { typeDefs } from './schema.js';

interface GraphqlReply {
  status: number;
  contentType: string;
  /** The body parsed as JSON; undefined when it is not JSON. */
  body: { data?: Record<string, unknown> | null; errors?: Array<{ message?: unknown }> } | undefined;
}

const ok = (): CheckResult => ({ passed: true });
const fail = (got: string): CheckResult => ({ passed: false, got });

/** One POST as GraphQL over HTTP §5 describes it; the reply is read whatever its Content-Type (the audits judge that). */
async function post(context: CheckContext, query: string, variables?: Record<string, unknown>): Promise<GraphqlReply> {
  const target = new URL(context.url);
  const reply = await context.http.send({
    method: 'POST',
    path: `${target.pathname}${target.search}`,
    headers: { Accept: 'application/graphql-response+json, application/json' },
    body: variables ? { query, variables } : { query },
  });
  const json = reply.json;
  return {
    status: reply.status,
    contentType: String(reply.headers['content-type'] ?? ''),
    body:
      json !== null && typeof json === 'object' && !Array.isArray(json) ? (json as GraphqlReply['body']) : undefined,
  };
}

/** The data of a reply without errors, or what went wrong in the user's words. */
function dataOf(context: CheckContext, reply: GraphqlReply): Record<string, unknown> | string {
  const { say } = context;
  if (!reply.body) return say.notJson({ status: reply.status, contentType: reply.contentType });
  if (Array.isArray(reply.body.errors) && reply.body.errors.length > 0)
    return say.errors({ messages: messages(reply) });
  if (!reply.body.data || typeof reply.body.data !== 'object') return say.noData;
  return reply.body.data;
}

function messages(reply: GraphqlReply): string {
  return (reply.body?.errors ?? []).map((error) => JSON.stringify(error?.message ?? error)).join(', ');
}

const shown = (value: unknown) => {
  const text = JSON.stringify(value) ?? 'undefined';
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
};

function isBookList(value: unknown): value is Array<Record<string, unknown>> {
  return Array.isArray(value) && value.every((book) => book !== null && typeof book === 'object');
}

async function booksTitleAuthor(context: CheckContext): Promise<CheckResult> {
  const data = dataOf(context, await post(context, booksQuery));
  if (typeof data === 'string') return fail(data);
  const books = data.books;
  if (!isBookList(books) || books.length === 0)
    return fail(context.say.value({ path: 'data.books', value: shown(books) }));
  // The lecture's point: the client chose the fields, so each book has exactly these two.
  const wrong = books.findIndex(
    (book) =>
      Object.keys(book).sort().join() !== 'author,title' ||
      typeof book.title !== 'string' ||
      typeof book.author !== 'string',
  );
  return wrong < 0 ? ok() : fail(context.say.value({ path: `data.books[${wrong}]`, value: shown(books[wrong]) }));
}

const bookById = `query BookById($id: ID!) {
  book(id: $id) { id title author }
}`;
const bookIds = '{ books { id title } }';

async function bookByIdCheck(context: CheckContext): Promise<CheckResult> {
  const { say } = context;
  const listed = dataOf(context, await post(context, bookIds));
  if (typeof listed === 'string') return fail(listed);
  const books = listed.books;
  if (!isBookList(books) || books.length === 0) return fail(say.value({ path: 'data.books', value: shown(books) }));
  // The last book, not the first: a resolver that ignores the id and returns the first book shows here.
  const wanted = books.at(-1)!;
  const found = dataOf(context, await post(context, bookById, { id: wanted.id }));
  if (typeof found === 'string') return fail(found);
  const book = found.book as Record<string, unknown> | null | undefined;
  if (!book || book.id !== wanted.id || book.title !== wanted.title) {
    return fail(say.value({ path: `data.book (id ${shown(wanted.id)})`, value: shown(book) }));
  }
  // The contract: "One book, or null when there is none with this id."
  const missingId = `awt-no-such-book-${context.runId}`;
  const none = dataOf(context, await post(context, bookById, { id: missingId }));
  if (typeof none === 'string') return fail(none);
  return none.book === null
    ? ok()
    : fail(say.value({ path: `data.book (id "${missingId}")`, value: shown(none.book) }));
}

const addBookMutation = `mutation AddBook($title: String!, $author: String!) {
  addBook(title: $title, author: $author) { id title author }
}`;

async function addBook(context: CheckContext): Promise<CheckResult> {
  const { say } = context;
  const title = `Checked Book ${context.runId}`;
  const author = 'awt-demo';
  const added = dataOf(context, await post(context, addBookMutation, { title, author }));
  if (typeof added === 'string') return fail(added);
  const book = added.addBook as Record<string, unknown> | null | undefined;
  if (!book || book.title !== title || book.author !== author || typeof book.id !== 'string' || book.id === '') {
    return fail(say.value({ path: 'data.addBook', value: shown(book) }));
  }
  const listed = dataOf(context, await post(context, booksQuery));
  if (typeof listed === 'string') return fail(listed);
  const books = listed.books;
  const there = isBookList(books) && books.some((entry) => entry.title === title && entry.author === author);
  return there ? ok() : fail(say.notListed({ what: `"${title}"` }));
}

async function unknownFieldCheck(context: CheckContext): Promise<CheckResult> {
  const { say } = context;
  const reply = await post(context, unknownField);
  if (!reply.body) return fail(say.notJson({ status: reply.status, contentType: reply.contentType }));
  const errors = reply.body.errors;
  if (!Array.isArray(errors) || errors.length === 0 || !errors.every((error) => typeof error?.message === 'string')) {
    return fail(`${say.noErrors}; ${say.value({ path: 'data', value: shown(reply.body.data) })}`);
  }
  // A document that fails validation is not executed (GraphQL spec §6.1): no data at all.
  if (reply.body.data !== undefined && reply.body.data !== null) {
    return fail(say.value({ path: 'data', value: shown(reply.body.data) }));
  }
  return ok();
}

const mutationFields = '{ __schema { mutationType { fields { name } } } }';

/** The fields the exercise asks for, as the demo's SDL declares them. */
const required: Array<[type: 'Query' | 'Mutation' | 'Book', field: string]> = [
  ['Query', 'books'],
  ['Query', 'book'],
  ['Mutation', 'addBook'],
  ['Book', 'id'],
  ['Book', 'title'],
  ['Book', 'author'],
];

let contract: GraphQLSchema | undefined;

/** "book(id: ID!): Book" — its required arguments only: optional ones a student may leave out. */
function signature(field: GraphQLField<unknown, unknown> | undefined): string {
  if (!field) return '—';
  const args = field.args.filter((arg) => String(arg.type).endsWith('!'));
  const list = args.length > 0 ? `(${args.map((arg) => `${arg.name}: ${String(arg.type)}`).join(', ')})` : '';
  return `${field.name}${list}: ${String(field.type)}`;
}

async function introspection(context: CheckContext): Promise<CheckResult> {
  const { say } = context;
  // First the lecture's own query, then the mutations, then the whole schema to compare with the contract.
  const lecture = dataOf(context, await post(context, lectureIntrospection));
  if (typeof lecture === 'string') return fail(lecture);
  const queryFields = (lecture.__schema as { queryType?: { fields?: Array<{ name?: unknown }> } } | undefined)
    ?.queryType?.fields;
  const names = Array.isArray(queryFields) ? queryFields.map((field) => field?.name) : [];
  if (!names.includes('books')) return fail(say.missing({ what: 'Query.books' }));
  const mutations = dataOf(context, await post(context, mutationFields));
  if (typeof mutations === 'string') return fail(mutations);
  const mutationNames = ((mutations.__schema as { mutationType?: { fields?: Array<{ name?: unknown }> } | null })
    ?.mutationType?.fields ?? []) as Array<{ name?: unknown }>;
  if (!mutationNames.some((field) => field?.name === 'addBook')) return fail(say.missing({ what: 'Mutation.addBook' }));

  const full = dataOf(context, await post(context, getIntrospectionQuery()));
  if (typeof full === 'string') return fail(full);
  let theirs: GraphQLSchema;
  try {
    theirs = buildClientSchema(full as unknown as IntrospectionQuery);
  } catch (error) {
    return fail(say.failedCall({ detail: (error as Error).message }));
  }
  contract ??= buildSchema(typeDefs);
  for (const [type, name] of required) {
    const expected = signature((contract.getType(type) as GraphQLObjectType).getFields()[name]);
    const actualType = theirs.getType(type) as GraphQLObjectType | undefined;
    const actual = signature(actualType?.getFields?.()[name]);
    if (actual !== expected) return fail(say.signature({ field: `${type}.${name}`, got: actual, expected }));
  }
  return ok();
}

/** At most this many failing audits keep their trace, so a failing check stays readable. */
const tracedAudits = 2;

/** Statuses whose response has no body (Fetch §2.2.3 "null body status"). */
const nullBodyStatuses = new Set([101, 204, 205, 304]);

/**
 * fetch for graphql-http's audits, through the check's own client: one connection through
 * the tap, closed with the check, and an answer bounded as every other check's is.
 */
function fetchThrough(context: CheckContext): typeof fetch {
  return async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const reply = await context.http.send({
      method: init?.method ?? 'GET',
      path: `${url.pathname}${url.search}`,
      headers: Object.fromEntries(new Headers(init?.headers).entries()),
      ...(typeof init?.body === 'string' ? { body: init.body } : {}),
    });
    const headers = new Headers();
    for (const [name, value] of Object.entries(reply.headers)) {
      for (const one of [value ?? []].flat()) headers.append(name, one);
    }
    // A status Fetch cannot represent fails the audit with this error, as a refused connection would.
    return new Response(nullBodyStatuses.has(reply.status) ? null : reply.text, { status: reply.status, headers });
  };
}

async function graphqlOverHttp(context: CheckContext): Promise<CheckResult> {
  const { say } = context;
  const fetchFn = fetchThrough(context);
  const failed: string[] = [];
  const advice: string[] = [];
  const traceOnly: number[] = [];
  // One audit after the other (graphql-http's auditServer runs them all at once), so each one's trace is known.
  for (const audit of serverAudits({ url: context.url, fetchFn })) {
    if (context.signal.aborted) break;
    const from = context.items().length;
    const result = await audit.fn();
    if (result.status === 'ok') continue;
    if (result.name.startsWith('MUST')) {
      failed.push(`${result.id} ${result.name}`);
      if (failed.length <= tracedAudits) {
        for (let i = from; i < context.items().length; i++) traceOnly.push(i);
      }
    } else if (result.name.startsWith('SHOULD')) {
      advice.push(say.should({ id: result.id, name: result.name, reason: result.reason }));
    }
  }
  return failed.length === 0
    ? { passed: true, advice }
    : { passed: false, got: say.audits({ failed: failed.join('; ') }), advice, traceOnly };
}

export const checks: ExerciseChecks = {
  'books-title-author': booksTitleAuthor,
  'book-by-id': bookByIdCheck,
  'add-book': addBook,
  'unknown-field': unknownFieldCheck,
  introspection,
  'graphql-over-http': graphqlOverHttp,
};

/** The documents these checks add to the lecture's, for the test that validates them against the demo's SDL. */
export const documents = { bookIds, bookById, addBookMutation, mutationFields };
