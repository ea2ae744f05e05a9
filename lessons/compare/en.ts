/**
 * What compare and table teach, in English: the use cases, why a paradigm does not fit
 * one, and the lecture's criteria. de.ts has the same keys.
 */
import type { ParadigmId, UseCaseId } from '../../demos/core/paradigms.js';

export const en = {
  useCases: {
    1: 'List the title and author of all books',
    2: 'One book with its reviews',
    3: 'Add a book',
    4: 'A book that does not exist',
    5: 'The list again (caching)',
    6: 'Be told when a new book arrives',
  } as Record<UseCaseId, string>,
  /** Why a paradigm is not used for a use case; said instead of forcing it. */
  notAFit: {
    rest: {},
    graphql: {},
    soap: {
      6: 'request/response only: a SOAP client would have to poll',
    },
    websocket: {
      1: 'WebSocket carries messages, not requests for resources: a list query needs a protocol of your own on top (or GraphQL over it)',
      2: 'WebSocket has no request/response of its own: asking for one book would need a protocol on top',
      3: 'adding is a request that wants an answer; HTTP does it (the demo POSTs, the socket pushes the news)',
      4: '"not found" is the answer to a request, and WebSocket has no requests of its own',
      5: 'a live stream has nothing to cache',
    },
    mq: {
      1: 'a queue carries messages, it is not a database to query; the list belongs to a service behind a request/reply',
      2: 'looking data up is request/response, not messaging',
      4: 'there is nothing to look up in a queue',
      5: 'messages are consumed, not cached',
    },
  } as Record<ParadigmId, Partial<Record<UseCaseId, string>>>,
  /**
   * The lecture notes' table ("Etablierte Architekturen im Vergleich"), all 11 criteria:
   * SOAP, REST and GraphQL with the notes' judgements; WebSocket and the message queue
   * judged by the same criteria (additions, marked as such).
   */
  criteria: {
    architecture: [
      'Architecture type',
      'protocol-based',
      'architectural style',
      'query language and runtime',
      'protocol over a TCP connection',
      'messaging via a broker',
    ],
    transport: [
      'Transport protocol',
      'HTTP, SMTP, TCP',
      'HTTP',
      'HTTP (mostly POST)',
      'TCP, after an HTTP upgrade',
      'AMQP over TCP',
    ],
    format: ['Data format', 'XML', 'JSON, XML', 'JSON', 'any: text or binary frames', 'any bytes, with a content type'],
    endpoints: [
      'Endpoints',
      'one per service, not one per operation: SOAPAction and the Body name the operation',
      'several, one per resource',
      'one single endpoint',
      'one socket per client',
      'exchanges and queues',
    ],
    flexibility: [
      'Query flexibility',
      'low: fixed operations',
      'medium: through different endpoints',
      'high: queries defined by the client',
      'free: the application defines its messages',
      'routing by key, pattern or headers',
    ],
    versioning: [
      'Versioning',
      'through WSDL files',
      'often through URL versioning (e.g. /v1/)',
      'not required: the schema can be extended (old fields marked @deprecated)',
      'in the message protocol (subprotocol)',
      'in the message format',
    ],
    caching: [
      'Caching',
      'complex, rarely used',
      'well supported by HTTP caching',
      'limited: depends on the complexity of the query',
      'none (a live stream)',
      'none: messages are consumed',
    ],
    errors: [
      'Error handling',
      'standardised error codes in XML',
      'HTTP status codes + optional error messages',
      'error objects in JSON',
      'close codes (RFC 6455)',
      'acks, nacks, dead-letter queues',
    ],
    security: [
      'Security mechanisms',
      'WS-Security (e.g. XML signatures)',
      'TLS/HTTPS, OAuth, API keys',
      'TLS/HTTPS, OAuth, API keys',
      'TLS (wss://), a token at the handshake',
      'TLS, users and permissions per vhost',
    ],
    uses: [
      'Typical uses',
      'enterprise applications, legacy systems',
      'web APIs, microservices, mobile applications',
      'modern SPAs, mobile apps, data-heavy applications',
      'chat, live updates, games',
      'decoupling, load distribution, events',
    ],
    complexity: [
      'Complexity',
      'high: extensive specifications',
      'medium: depends on the design',
      'high: especially with complex schemas',
      'medium: state per connection',
      'medium to high: a broker to run',
    ],
  } as Record<string, [string, string, string, string, string, string]>,
  /** Cells where this tool corrects the notes: the footnote says what the notes say and why. */
  corrections: {
    endpoints: {
      soap: 'Correction of the lecture notes, which say "several, one per operation". A SOAP service has one address (soap:address in its wsdl:port); every operation is a POST to that URL, and the SOAPAction header and the first element in the Body say which one (awt-demo soap shows it on the wire).',
    },
  } as Partial<Record<string, Partial<Record<'soap' | 'rest' | 'graphql', string>>>>,
  /** The footnote of the columns the notes do not have. */
  additions:
    "Addition: WebSocket and message queues are not in the lecture notes' table; this tool judges them by the same criteria.",
};

export type CompareLesson = typeof en;
