import type { Measurement } from '../../demos/compare/types.js';
import { httpDecoder } from '../../demos/wire/http-decoder.js';
import type { HttpExchange, StepTrace } from '../../demos/wire/trace.js';
import { decodeChunks } from './decode.js';

const request =
  'POST /graphql HTTP/1.1\r\nHost: 127.0.0.1:4000\r\nContent-Type: application/json\r\nContent-Length: 38\r\n\r\n{"query":"{ books { title author } }"}';
const answer = JSON.stringify({ data: { books: [{ title: 'Clean Code', author: 'Robert C. Martin' }] } });
const response = `HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(answer)}\r\n\r\n${answer}`;

/** A GraphQL round trip decoded from fixed bytes: the same every time. */
export function fixedExchange(): HttpExchange {
  return decodeChunks(httpDecoder(), [
    ['up', request],
    ['down', response],
  ])[0] as HttpExchange;
}

export function fixedStep(exchange = fixedExchange()): StepTrace {
  return {
    index: 1,
    id: 'query',
    title: 'The lecture query',
    notice: ['Only the fields you ask for come back.'],
    facts: ['Fields asked for: title, author.'],
    figures: [],
    items: [exchange],
    roundTrips: 1,
    bytesUp: exchange.request.raw.length,
    bytesDown: exchange.response!.raw.length,
    connectionsOpened: 1,
  };
}

/** A JSON answer long enough to be cut. */
export function longExchange(lines: number): HttpExchange {
  const body = JSON.stringify({ items: Array.from({ length: lines }, (_v, i) => i) });
  const bytes = `HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`;
  return decodeChunks(httpDecoder(), [
    ['up', 'GET /items HTTP/1.1\r\nHost: x\r\n\r\n'],
    ['down', bytes],
  ])[0] as HttpExchange;
}

/** One paradigm's figures for one use case: a single JSON round trip, unless `overrides` say otherwise. */
export function measurement(overrides: Partial<Measurement> = {}): Measurement {
  return {
    roundTrips: 1,
    connections: 1,
    up: { total: 500, overhead: 400, payload: 100 },
    down: { total: 300, overhead: 200, payload: 100 },
    fieldsReceived: null,
    fieldsNeeded: null,
    latencyMs: 2,
    repetitions: 3,
    ...overrides,
  };
}
