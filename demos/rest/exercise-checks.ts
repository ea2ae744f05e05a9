/**
 * The checks of the exercise rest-books. Every response is validated against the rest
 * demo's own OpenAPI document (openapi.ts) with a JSON Schema 2020-12 validator (ajv),
 * the dialect OpenAPI 3.1 uses; status codes, Location and problem details follow
 * RFC 9110 and RFC 9457, revalidation with ETag RFC 9110 §13.1.2.
 */
import { createRequire } from 'node:module';
import type { ValidateFunction } from 'ajv';
import type { CheckContext, CheckResult, ExerciseChecks } from '../exercises/types.js';
import type { HttpReply } from '../wire/http-client.js';
import { openApiDocument } from './openapi.js';

const ok = (): CheckResult => ({ passed: true });
const fail = (got: string): CheckResult => ({ passed: false, got });

// ajv and ajv-formats are CommonJS with a default export; createRequire takes them as node does.
const require = createRequire(import.meta.url);
/**
 * One validator for every response schema: a new one would compile the 2020-12 meta-schema
 * and check the document against it again (about 0.1 s each time), and compile the
 * components the responses share again.
 */
let contract: import('ajv/dist/2020.js').default | undefined;
const validators = new Map<string, ValidateFunction>();

/** The schema of one response in the OpenAPI document, e.g. ('/v1/books', 'get', '200', 'application/json'). */
function validator(path: string, method: string, status: string, mediaType: string): ValidateFunction {
  const pointer = ['paths', path, method, 'responses', status, 'content', mediaType, 'schema']
    .map((part) => part.replace(/~/g, '~0').replace(/\//g, '~1'))
    .join('/');
  let validate = validators.get(pointer);
  if (!validate) {
    if (!contract) {
      const Ajv2020 = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js').default;
      const addFormats = require('ajv-formats') as typeof import('ajv-formats').default;
      contract = new Ajv2020({ allErrors: true, strict: false });
      addFormats(contract);
      // The whole document under one id, so its "#/components/schemas/…" references resolve.
      contract.addSchema(openApiDocument(), 'openapi.json');
    }
    validate = contract.getSchema(`openapi.json#/${pointer}`)!;
    validators.set(pointer, validate);
  }
  return validate;
}

function schemaProblems(validate: ValidateFunction, value: unknown): string | undefined {
  if (validate(value)) return undefined;
  return (validate.errors ?? [])
    .slice(0, 3)
    .map((error) => `${error.instancePath || '/'} ${error.message ?? ''}`.trim())
    .join('; ');
}

function contentType(reply: HttpReply): string {
  return String(reply.headers['content-type'] ?? '');
}

const isJson = (reply: HttpReply, type = 'application/json') =>
  contentType(reply).split(';')[0]!.trim().toLowerCase() === type;

function base(context: CheckContext): string {
  return new URL(context.url).pathname.replace(/\/$/, '');
}

/** The status, media type and schema of a response, as the contract states them; undefined when all fit. */
function contractFault(
  context: CheckContext,
  reply: HttpReply,
  expect: { status: number; path: string; method: string; mediaType?: string },
): string | undefined {
  const { say } = context;
  const mediaType = expect.mediaType ?? 'application/json';
  if (reply.status !== expect.status) return say.status({ status: reply.status });
  if (!isJson(reply, mediaType) || reply.json === undefined) {
    return say.notJson({ status: reply.status, contentType: contentType(reply) });
  }
  const problems = schemaProblems(validator(expect.path, expect.method, String(expect.status), mediaType), reply.json);
  return problems ? say.schema({ problems }) : undefined;
}

/** The books of the list, read whatever its media type (list-books judges that), to find an id. */
async function someBook(context: CheckContext): Promise<Record<string, unknown> | string> {
  const reply = await context.http.send({ path: `${base(context)}/v1/books`, headers: { Accept: 'application/json' } });
  const books = reply.json;
  if (!Array.isArray(books) || books.length === 0 || typeof books.at(-1)?.id !== 'string') {
    return context.say.value({ path: 'GET /v1/books', value: reply.text.slice(0, 80) || `status ${reply.status}` });
  }
  // The last book, not the first: a route that ignores the id and answers the first book shows here.
  return books.at(-1) as Record<string, unknown>;
}

async function listBooks(context: CheckContext): Promise<CheckResult> {
  const reply = await context.http.send({ path: `${base(context)}/v1/books`, headers: { Accept: 'application/json' } });
  const fault = contractFault(context, reply, { status: 200, path: '/v1/books', method: 'get' });
  if (fault) return fail(fault);
  return (reply.json as unknown[]).length > 0 ? ok() : fail(context.say.value({ path: 'GET /v1/books', value: '[]' }));
}

async function oneBook(context: CheckContext): Promise<CheckResult> {
  const wanted = await someBook(context);
  if (typeof wanted === 'string') return fail(wanted);
  const path = `${base(context)}/v1/books/${encodeURIComponent(String(wanted.id))}`;
  const reply = await context.http.send({ path, headers: { Accept: 'application/json' } });
  const fault = contractFault(context, reply, { status: 200, path: '/v1/books/{id}', method: 'get' });
  if (fault) return fail(fault);
  const book = reply.json as Record<string, unknown>;
  if (book.id !== wanted.id || book.title !== wanted.title) {
    return fail(context.say.value({ path: `GET /v1/books/${String(wanted.id)}`, value: JSON.stringify(book) }));
  }
  return ok();
}

async function addBook(context: CheckContext): Promise<CheckResult> {
  const { say } = context;
  const sent = { title: `Checked Book ${context.runId}`, author: 'awt-demo', year: 2008 };
  const reply = await context.http.send({ method: 'POST', path: `${base(context)}/v1/books`, body: sent });
  const fault = contractFault(context, reply, { status: 201, path: '/v1/books', method: 'post' });
  if (fault) return fail(fault);
  const book = reply.json as Record<string, unknown>;
  if (book.title !== sent.title || book.author !== sent.author || book.year !== sent.year) {
    return fail(say.value({ path: 'POST /v1/books', value: JSON.stringify(book) }));
  }
  const location = reply.headers.location;
  if (typeof location !== 'string' || location === '') return fail(say.noHeader({ name: 'Location' }));
  // Location may be relative (RFC 9110 §10.2.2): resolved against the URL of the request.
  const where = new URL(location, `http://host${base(context)}/v1/books`);
  const again = await context.http.send({
    path: `${where.pathname}${where.search}`,
    headers: { Accept: 'application/json' },
  });
  const found = again.json as Record<string, unknown> | undefined;
  if (again.status !== 200 || found?.id !== book.id) {
    return fail(say.value({ path: `GET ${location}`, value: `status ${again.status} ${again.text.slice(0, 80)}` }));
  }
  return ok();
}

async function invalidBook(context: CheckContext): Promise<CheckResult> {
  // No title: the contract's NewBook requires one.
  const reply = await context.http.send({
    method: 'POST',
    path: `${base(context)}/v1/books`,
    body: { author: 'awt-demo' },
  });
  const fault = contractFault(context, reply, {
    status: 400,
    path: '/v1/books',
    method: 'post',
    mediaType: 'application/problem+json',
  });
  return fault ? fail(fault) : ok();
}

async function notFound(context: CheckContext): Promise<CheckResult> {
  const path = `${base(context)}/v1/books/awt-no-such-book-${context.runId}`;
  const reply = await context.http.send({ path, headers: { Accept: 'application/json' } });
  const fault = contractFault(context, reply, {
    status: 404,
    path: '/v1/books/{id}',
    method: 'get',
    mediaType: 'application/problem+json',
  });
  return fault ? fail(fault) : ok();
}

async function etag(context: CheckContext): Promise<CheckResult> {
  const { say } = context;
  const wanted = await someBook(context);
  if (typeof wanted === 'string') return fail(wanted);
  const path = `${base(context)}/v1/books/${encodeURIComponent(String(wanted.id))}`;
  const first = await context.http.send({ path, headers: { Accept: 'application/json' } });
  const tag = first.headers.etag;
  if (first.status !== 200) return fail(say.status({ status: first.status }));
  if (typeof tag !== 'string' || tag === '') return fail(say.noHeader({ name: 'ETag' }));
  const second = await context.http.send({ path, headers: { Accept: 'application/json', 'If-None-Match': tag } });
  // 304 has no content (RFC 9110 §15.4.5): the client keeps what it has.
  if (second.status !== 304) return fail(`If-None-Match: ${tag} → ${say.status({ status: second.status })}`);
  return second.text === '' ? ok() : fail(say.value({ path: '304 body', value: second.text.slice(0, 80) }));
}

export const checks: ExerciseChecks = {
  'list-books': listBooks,
  'one-book': oneBook,
  'add-book': addBook,
  'invalid-book': invalidBook,
  'not-found': notFound,
  etag,
};
