import type { FieldProblem } from '../books/validation.js';
import type { Step } from '../core/demo.js';
import { header, httpExchanges } from '../wire/http-facts.js';
import type { HttpExchange } from '../wire/trace.js';
import type { SoapLesson } from '../../lessons/soap/en.js';
import { asList, call, expectFault, faultOf } from './calls.js';
import { codeOf } from './neighbours.js';
import type { SoapSession } from './session.js';
import { demoAccount } from './ws-security.js';

type SoapStep = Step<SoapSession, SoapLesson>;

/** Books the scenario adds, neither of them in the seed. */
const integrationPatterns = {
  title: 'Enterprise Integration Patterns',
  author: 'Gregor Hohpe, Bobby Woolf',
  year: 2003,
  isbn: '9780321200686',
};
const enterpriseArchitecture = {
  title: 'Patterns of Enterprise Application Architecture',
  author: 'Martin Fowler',
  year: 2002,
  isbn: '9780321127426',
};
/** The invalid book every paradigm is asked to add in step 6. */
const untitled = { title: '', author: 'Anonymous' };

const last = (exchanges: HttpExchange[]) => exchanges.at(-1)!;
/** The detail element as it was on the wire. */
const detailXml = (body: string) => /<detail>([\s\S]*)<\/detail>/.exec(body)?.[1] ?? '';
const typeName = (value: unknown) => (value instanceof Date ? 'Date' : typeof value);

export const soapSteps: SoapStep[] = [
  {
    id: 'wsdl',
    async run({ session, lesson, items }) {
      await session.connect();
      const body = last(httpExchanges(items())).response?.body ?? '';
      const ports = session.client.describe() as Record<string, Record<string, Record<string, unknown>>>;
      const operations = Object.values(ports).flatMap((service) =>
        Object.values(service).flatMap((port) => Object.keys(port)),
      );
      return [
        lesson.facts.wsdl({
          bytes: Buffer.byteLength(body),
          lines: body.split('\n').length,
          operations: operations.join(', '),
        }),
        lesson.facts.generated({ methods: operations.map((op) => `${op}Async()`).join(', ') }),
      ];
    },
  },
  {
    id: 'listBooks',
    async run({ session, lesson, items }) {
      const result = await call(session.client, 'ListBooks', {});
      const response = last(httpExchanges(items())).response!;
      const { rest, graphql } = await session.compare.listBooks();
      return [
        lesson.facts.bodySizes({
          books: asList(result.book).length,
          soap: response.contentBytes,
          rest: rest.body,
          graphql: graphql.body,
          ratio: response.contentBytes / rest.body,
        }),
        lesson.facts.totalSizes({
          soap: response.headBytes + response.bodyBytes,
          rest: rest.total,
          graphql: graphql.total,
        }),
      ];
    },
  },
  {
    id: 'getBook',
    async run({ session, lesson, items }) {
      await call(session.client, 'GetBook', { id: '1' });
      const withReviews = await call(session.client, 'GetBookWithReviews', { id: '1' });
      const calls = httpExchanges(items());
      return [
        lesson.facts.oneEndpoint({
          calls: calls.length,
          target: [...new Set(calls.map((e) => e.request.target))].join(', '),
          actions: calls.map((e) => header(e.request, 'soapaction') ?? '').join(', '),
        }),
        lesson.facts.withReviews({ title: withReviews.book.title, reviews: asList(withReviews.review).length }),
      ];
    },
  },
  {
    id: 'addBook',
    async run({ session, lesson }) {
      const { book } = await call(session.clientWithToken, 'AddBook', integrationPatterns);
      return [lesson.facts.created({ id: book.id, year: typeName(book.year), createdAt: typeName(book.createdAt) })];
    },
  },
  {
    id: 'fault',
    async run({ session, lesson, items }) {
      const error = await expectFault(call(session.client, 'GetBook', { id: '999' }));
      const fault = faultOf(error);
      const response = last(httpExchanges(items())).response!;
      return [
        lesson.facts.fault({
          status: response.status,
          code: fault.code,
          string: fault.string,
          detail: detailXml(response.body),
        }),
        lesson.facts.surfaced({ message: error.message }),
      ];
    },
  },
  {
    id: 'invalid',
    async run({ session, lesson }) {
      const fault = faultOf(await expectFault(call(session.clientWithToken, 'AddBook', untitled)));
      const detail = fault.detail as { InvalidBook?: { problem?: FieldProblem | FieldProblem[] } } | undefined;
      const soap = asList(detail?.InvalidBook?.problem).map(codeOf);
      const others = await session.compare.problemsFor(untitled);
      const same = [others.rest, others.graphql].every((codes) => codes.join() === soap.join());
      return [
        lesson.facts.problems({
          soap: soap.join(', '),
          rest: others.rest.join(', '),
          graphql: others.graphql.join(', '),
        }),
        same ? lesson.facts.sameCodes : lesson.facts.differentCodes,
      ];
    },
  },
  {
    id: 'security',
    async run({ session, lesson, items }) {
      const refused = faultOf(await expectFault(call(session.client, 'AddBook', enterpriseArchitecture)));
      const { book } = await call(session.clientWithToken, 'AddBook', enterpriseArchitecture);
      const exchanges = httpExchanges(items());
      const sent = exchanges.map((e) => e.request.raw).join('');
      return [
        lesson.facts.refused({
          status: exchanges[0]?.response?.status ?? 0,
          code: refused.code,
          reason: refused.string,
        }),
        lesson.facts.accepted({ id: book.id }),
        lesson.facts.noPassword({ count: sent.split(demoAccount.password).length - 1, bytes: Buffer.byteLength(sent) }),
      ];
    },
  },
  {
    id: 'serverFault',
    async run({ session, lesson, items }) {
      session.outage.down = true;
      let error;
      try {
        error = await expectFault(call(session.client, 'GetBook', { id: '1' }));
      } finally {
        session.outage.down = false;
      }
      const fault = faultOf(error);
      // The same request again, once the store answers: a Server Fault is worth a retry.
      const { book } = await call(session.client, 'GetBook', { id: '1' });
      const [failed, retried] = httpExchanges(items());
      return [
        lesson.facts.serverFault({
          status: failed?.response?.status ?? 0,
          code: fault.code,
          string: fault.string,
        }),
        lesson.facts.retried({ status: retried?.response?.status ?? 0, title: book.title }),
      ];
    },
  },
];
