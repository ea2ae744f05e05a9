/** The SOAP lesson, in English. lessons/soap/de.ts has the same keys. */
import { numberWords } from '../../demos/core/numbers.js';

const numbers = numberWords('en');

export const en = {
  title: 'SOAP with the soap package: WSDL, envelopes, faults, WS-Security',
  summary: 'a WSDL 1.1 contract, XML envelopes for four operations, SOAP Faults and a UsernameToken, on the wire',
  steps: {
    wsdl: {
      title: 'GET ?wsdl: the contract a client is generated from',
      notice: [
        'The WSDL names the operations, the XML types of their messages (XSD) and the address to send them to. The soap package reads it and builds a client with one method per operation. --full shows the whole document.',
      ],
    },
    listBooks: {
      title: 'ListBooks: a whole SOAP envelope',
      notice: [
        'Every call is a POST of an XML envelope to the same URL; the SOAPAction header and the element inside soap:Body name the operation.',
        "The answer holds the same books with the same six fields (id, title, author, year, isbn, createdAt) as REST's GET /v1/books and the GraphQL query { books { id title author year isbn createdAt } }, both asked in this run: only the wrapping differs.",
      ],
    },
    getBook: {
      title: 'GetBook(1), GetBookWithReviews(1): one URL for all',
      notice: [
        'SOAP has no URL per book: the id travels inside the envelope. GetBookWithReviews is an operation of its own and returns the book with its reviews in one round trip.',
      ],
    },
    addBook: {
      title: 'AddBook: writing needs a WS-Security token',
      notice: [
        'AddBook changes data, so the service wants to know who calls: the soap:Header carries a WS-Security UsernameToken (step 7 shows what happens without one).',
        'The XSD types turn the XML answer back into typed values in the client.',
      ],
    },
    fault: {
      title: 'GetBook(999): a SOAP Fault with HTTP 500',
      notice: [
        'SOAP 1.1 reports an error as a Fault in the Body: faultcode soap:Client means "your request is at fault", and over HTTP every Fault comes with status 500 (SOAP 1.1 §6.2), where REST answers 404.',
        'The generated client turns the Fault into a rejected promise.',
      ],
    },
    invalid: {
      title: 'An invalid AddBook (empty title): the shared rules',
      notice: [
        "The same rules check a new book in every paradigm: the Fault's detail lists the same problem codes as REST's 400 and GraphQL's errors, which were asked with the same book in this run.",
      ],
    },
    security: {
      title: 'WS-Security: AddBook without a token, then with one',
      notice: [
        'Without a UsernameToken the call is refused with the WS-Security Fault wsse:FailedAuthentication; with a valid token it passes.',
        'The token is a PasswordDigest: Base64(SHA-1(nonce + created + password)). The password itself never crosses the wire, and a nonce used once cannot be replayed.',
      ],
    },
    serverFault: {
      title: 'GetBook(1) while the store is down: a soap:Server Fault',
      notice: [
        'SOAP 1.1 §4.4.1 names the culprit. soap:Client (step 5): "your message is wrong", so sending it again unchanged is pointless. soap:Server: "your message was fine, I failed to process it", so the same request may succeed later.',
        'Here the service cannot reach its book store for one call. Both Faults travel with HTTP 500 (§6.2): only the faultcode tells the client whether a retry makes sense.',
      ],
    },
  },
  facts: {
    wsdl: (p: { bytes: number; lines: number; operations: string }) =>
      `The WSDL: ${numbers.bytes(p.bytes)} in ${p.lines} lines, with the operations ${p.operations}.`,
    generated: (p: { methods: string }) => `The client generated from it offers: ${p.methods}.`,
    bodySizes: (p: { books: number; soap: number; rest: number; graphql: number; ratio: number }) =>
      `The same ${p.books} books, answer bodies: SOAP ${numbers.bytes(p.soap)} of XML, REST ${numbers.bytes(p.rest)} and GraphQL ${numbers.bytes(p.graphql)} of JSON; SOAP needs ${numbers.ratio(p.ratio)} × the bytes of REST.`,
    totalSizes: (p: { soap: number; rest: number; graphql: number }) =>
      `With status line and headers: SOAP ${numbers.bytes(p.soap)}, REST ${numbers.bytes(p.rest)}, GraphQL ${numbers.bytes(p.graphql)}.`,
    oneEndpoint: (p: { calls: number; target: string; actions: string }) =>
      `${p.calls} calls, one URL: each is POST ${p.target}; only the SOAPAction (${p.actions}) and the Body's element differ.`,
    withReviews: (p: { title: string; reviews: number }) =>
      `GetBookWithReviews: "${p.title}" with ${p.reviews} reviews, in one round trip.`,
    created: (p: { id: string; year: string; createdAt: string }) =>
      `New book with id ${p.id}. In the client, year is of type ${p.year} and createdAt of type ${p.createdAt}, as the XSD says.`,
    fault: (p: { status: number; code: string; string: string; detail: string }) =>
      `HTTP ${p.status}; faultcode ${p.code}, faultstring "${p.string}", detail ${p.detail}`,
    surfaced: (p: { message: string }) =>
      `The promise is rejected with an Error "${p.message}"; error.root.Envelope.Body.Fault holds the parsed Fault.`,
    problems: (p: { soap: string; rest: string; graphql: string }) =>
      `Fault detail: ${p.soap}. REST's 400 for the same book: ${p.rest}. GraphQL's errors: ${p.graphql}.`,
    sameCodes: 'The same problem codes in all three paradigms.',
    differentCodes: 'The problem codes differ between the paradigms: a bug in the shared rules.',
    refused: (p: { status: number; code: string; reason: string }) =>
      `Without a token: HTTP ${p.status}, faultcode ${p.code}: ${p.reason}`,
    accepted: (p: { id: string }) => `With a token: AddBook passed, new book with id ${p.id}.`,
    noPassword: (p: { count: number; bytes: number }) =>
      p.count === 0
        ? `The password is nowhere in the ${numbers.bytes(p.bytes)} the client sent in this step.`
        : `The password occurs ${p.count} times in the ${numbers.bytes(p.bytes)} the client sent in this step.`,
    serverFault: (p: { status: number; code: string; string: string }) =>
      `Store down: HTTP ${p.status}; faultcode ${p.code}, faultstring "${p.string}"`,
    retried: (p: { status: number; title: string }) =>
      `The same GetBook(1) once the store answers again: HTTP ${p.status}, "${p.title}". The retry was right.`,
  },
};

export type SoapLesson = typeof en;
