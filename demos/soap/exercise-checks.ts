/**
 * The checks of the exercise soap-books. The client is generated from the soap demo's
 * own WSDL (wsdl.ts), with the student's endpoint (through the tap) as its address: a
 * service passes when a toolkit that only knows the contract can talk to it. Faults
 * follow SOAP 1.1 §4.4 (faultcode, faultstring, detail) and travel with status 500 (§6.2).
 */
import http from 'node:http';
import soap, { type Client } from 'soap';
import { Finding } from '../exercises/finding.js';
import type { CheckContext, CheckResult, ExerciseChecks } from '../exercises/types.js';
import { asList, faultOf, type ClientBook, type SoapFaultError } from './calls.js';
import { attribute, childrenNamed, parseXml, type XmlElement } from './xml-tree.js';
import { bookServiceWsdl, namespace, type Operation } from './wsdl.js';
import { ReplyOverLimit } from '../wire/http-client.js';

const ok = (): CheckResult => ({ passed: true });
const fail = (got: string): CheckResult => ({ passed: false, got });

const wsdlNs = 'http://schemas.xmlsoap.org/wsdl/';
const xsdNs = 'http://www.w3.org/2001/XMLSchema';

/** The operations the exercise asks for; the WSDL also names GetBookWithReviews, which is no part of it. */
export const exerciseOperations: readonly Operation[] = ['ListBooks', 'GetBook', 'AddBook'];

/** The endpoint as the student gave it, through the tap: the address every call goes to. */
function endpointOf(context: CheckContext): string {
  const url = new URL(context.url);
  url.search = '';
  url.hash = '';
  return url.href;
}

/** A client built from the demo's WSDL, never from what the student's server serves (that is the wsdl check's matter). */
async function contractClient(context: CheckContext): Promise<Client> {
  const endpoint = endpointOf(context);
  const wsdl = new soap.WSDL(bookServiceWsdl(endpoint), endpoint, {});
  await new Promise<void>((resolve, reject) => wsdl.onReady((error) => (error ? reject(error) : resolve())));
  return new soap.Client(wsdl, endpoint, { disableCache: true });
}

/** requiredBookFields, read once: the contract does not change while the checks run. */
let bookFields: readonly string[] | undefined;

/** The elements a Book must have: those of the contract's Book type without minOccurs="0". */
function requiredBookFields(): readonly string[] {
  return (bookFields ??= readBookFields());
}

function readBookFields(): string[] {
  const parsed = parseXml(bookServiceWsdl('http://localhost/'));
  if (!parsed.ok) throw new Error(`the demo's own WSDL does not parse: ${parsed.detail}`);
  const schema = childrenNamed(parsed.root, wsdlNs, 'types').flatMap((t) => childrenNamed(t, xsdNs, 'schema'));
  const book = schema
    .flatMap((s) => childrenNamed(s, xsdNs, 'complexType'))
    .find((type) => attribute(type, '', 'name') === 'Book');
  const elements = book
    ? childrenNamed(book, xsdNs, 'sequence').flatMap((s) => childrenNamed(s, xsdNs, 'element'))
    : [];
  return elements.filter((e) => attribute(e, '', 'minOccurs') !== '0').map((e) => attribute(e, '', 'name') ?? '');
}

/** What is wrong with a book as the client read it, or undefined. */
function bookFault(context: CheckContext, where: string, book: unknown): string | undefined {
  if (!book || typeof book !== 'object') return context.say.missing({ what: `${where} book` });
  const fields = book as Record<string, unknown>;
  for (const field of requiredBookFields()) {
    if (fields[field] === undefined || fields[field] === '')
      return context.say.missing({ what: `${where} book/${field}` });
  }
  // xsd:dateTime: the client turns it into a Date, an invalid one when the text was no date.
  const createdAt = fields.createdAt;
  if (!(createdAt instanceof Date) || Number.isNaN(createdAt.getTime())) {
    return context.say.value({ path: `${where} book/createdAt`, value: String(createdAt).slice(0, 60) });
  }
  return undefined;
}

/**
 * The connections of one check, ended with it. Through the process-wide agent a later check
 * could take a pooled socket that the tap has just ended, before this process has read its
 * end on a busy machine, and fail with ECONNRESET and an empty trace.
 */
const agents = new WeakMap<CheckContext, http.Agent>();
function agentOf(context: CheckContext): http.Agent {
  let agent = agents.get(context);
  if (!agent) {
    const own = new http.Agent({ keepAlive: true });
    context.signal.addEventListener('abort', () => own.destroy(), { once: true });
    agents.set(context, (agent = own));
  }
  return agent;
}

/**
 * Call options: the check's signal and connections of its own, so neither a call nor its
 * socket outlives the check. The check's time limit (--timeout) is the only one: a shorter
 * one of the client's own failed a slow but correct server on a busy machine. The soap
 * package hands them to axios, whose maxContentLength bounds the answer.
 */
const callOptions = (context: CheckContext) => ({
  signal: context.signal,
  httpAgent: agentOf(context),
  maxContentLength: context.maxReplyBytes,
  // A redirect would leave the tap (and could name any host): the 3xx itself is the answer.
  maxRedirects: 0,
});

/** One operation through the generated client; what it answers is the student's, so nothing about it is assumed. */
async function invoke(
  context: CheckContext,
  client: Client,
  operation: Operation,
  args: object,
): Promise<{ book?: unknown } | null | undefined> {
  const method = client[`${operation}Async`] as (args: object, options: object) => Promise<[unknown]>;
  let result: unknown;
  try {
    [result] = await method.call(client, args, callOptions(context));
  } catch (error) {
    // axios says so only in its message ("maxContentLength size of … exceeded").
    if (/maxContentLength/.test(String((error as { message?: unknown }).message))) {
      throw new ReplyOverLimit('too-large', `over ${context.maxReplyBytes} B`);
    }
    // An answer that is no XML at all (an HTML page, plain text): said so, with what it was,
    // not the soap package's "Cannot parse response" or a fault it made up from the text.
    const response = (error as { response?: { status?: number; headers?: Record<string, unknown> } }).response;
    const type = String(response?.headers?.['content-type'] ?? '');
    if (response?.status !== undefined && !/xml/i.test(type)) {
      throw new Finding(context.say.notXml({ detail: `status ${response.status}, Content-Type: ${type || '—'}` }));
    }
    throw error;
  }
  return result && typeof result === 'object' ? (result as { book?: unknown }) : undefined;
}

async function listed(context: CheckContext, client: Client): Promise<ClientBook[]> {
  const result = await invoke(context, client, 'ListBooks', {});
  return asList(result?.book as ClientBook | ClientBook[] | undefined);
}

/** An answer in one short line; an empty one says so. */
function shown(context: CheckContext, answer: unknown): string {
  const json = JSON.stringify(answer);
  return json === undefined || json === '{}' || json === 'null' ? context.say.empty : json.slice(0, 120);
}

async function wsdlServed(context: CheckContext): Promise<CheckResult> {
  const { say } = context;
  const url = new URL(context.url);
  const reply = await context.http.send({ path: `${url.pathname}?wsdl` });
  if (reply.status !== 200) return fail(say.status({ status: reply.status }));
  const parsed = parseXml(reply.text);
  if (!parsed.ok) return fail(say.notXml({ detail: parsed.detail }));
  const root: XmlElement = parsed.root;
  if (root.uri !== wsdlNs || root.local !== 'definitions') {
    return fail(
      say.value({
        path: 'root element',
        value: `<${root.name}> (Content-Type: ${reply.headers['content-type'] ?? '—'})`,
      }),
    );
  }
  const target = attribute(root, '', 'targetNamespace');
  if (target !== namespace) return fail(say.value({ path: 'targetNamespace', value: String(target) }));
  const offered = childrenNamed(root, wsdlNs, 'portType')
    .flatMap((portType) => childrenNamed(portType, wsdlNs, 'operation'))
    .map((operation) => attribute(operation, '', 'name'));
  const lacking = exerciseOperations.filter((operation) => !offered.includes(operation));
  return lacking.length === 0 ? ok() : fail(say.missing({ what: `portType/operation ${lacking.join(', ')}` }));
}

async function listBooks(context: CheckContext): Promise<CheckResult> {
  const books = await listed(context, await contractClient(context));
  if (books.length === 0) return fail(context.say.value({ path: 'ListBooksResponse', value: context.say.empty }));
  for (const book of books) {
    const fault = bookFault(context, 'ListBooksResponse', book);
    if (fault) return fail(fault);
  }
  return ok();
}

async function getBook(context: CheckContext): Promise<CheckResult> {
  const client = await contractClient(context);
  // The last book, not the first: an operation that ignores the id and answers the first book shows here.
  const wanted = (await listed(context, client)).at(-1);
  if (!wanted?.id) return fail(context.say.missing({ what: 'ListBooksResponse/book/id' }));
  const result = await invoke(context, client, 'GetBook', { id: wanted.id });
  const fault = bookFault(context, 'GetBookResponse', result?.book);
  if (fault) return fail(fault);
  const book = result!.book as ClientBook;
  if (book.id !== wanted.id || book.title !== wanted.title) {
    return fail(context.say.value({ path: `GetBook(${wanted.id})`, value: shown(context, book) }));
  }
  return ok();
}

async function addBook(context: CheckContext): Promise<CheckResult> {
  const { say } = context;
  const client = await contractClient(context);
  const sent = { title: `Checked Book ${context.runId}`, author: 'awt-demo', year: 2008 };
  const result = await invoke(context, client, 'AddBook', sent);
  const fault = bookFault(context, 'AddBookResponse', result?.book);
  if (fault) return fail(fault);
  const book = result!.book as ClientBook;
  if (book.title !== sent.title || book.author !== sent.author || book.year !== sent.year) {
    return fail(say.value({ path: 'AddBookResponse', value: shown(context, book) }));
  }
  const books = await listed(context, client);
  return books.some((b) => b.id === book.id && b.title === sent.title)
    ? ok()
    : fail(say.notListed({ what: `${sent.title} (ListBooks)` }));
}

async function bookNotFound(context: CheckContext): Promise<CheckResult> {
  const { say } = context;
  const client = await contractClient(context);
  const id = `awt-no-such-book-${context.runId}`;
  let answer: unknown;
  try {
    answer = await invoke(context, client, 'GetBook', { id });
  } catch (error) {
    const parsed = (error as SoapFaultError).root?.Envelope?.Body?.Fault;
    if (!parsed) throw error;
    // The soap package answers a thrown Error with SOAP 1.2's Code and Reason inside a 1.1 envelope.
    const own = faultOf(error as SoapFaultError);
    const soap12 = parsed as { Code?: { Value?: unknown }; Reason?: { Text?: unknown } };
    const fault = {
      ...own,
      code: own.code || String(soap12.Code?.Value ?? ''),
      string: own.string || String(soap12.Reason?.Text ?? ''),
    };
    const status = (error as SoapFaultError).response?.status;
    // SOAP 1.1 §6.2: a Fault goes with 500 Internal Server Error.
    if (status !== 500)
      return fail(`${say.fault({ code: fault.code, text: fault.string })}, ${say.status({ status: status ?? 0 })}`);
    // SOAP 1.1 §4.4.1: Client means the message itself was at fault (here: an id that names no book).
    if (!/(^|:)Client(\.|$)/.test(fault.code)) return fail(say.fault({ code: fault.code, text: fault.string }));
    const detail = fault.detail as Record<string, unknown> | undefined;
    if (!detail || typeof detail !== 'object' || !('BookNotFound' in detail)) {
      return fail(say.missing({ what: 'Fault/detail/BookNotFound' }));
    }
    return ok();
  }
  return fail(say.noFault({ answer: shown(context, answer) }));
}

export const checks: ExerciseChecks = {
  wsdl: wsdlServed,
  'list-books': listBooks,
  'get-book': getBook,
  'add-book': addBook,
  'book-not-found': bookNotFound,
};
