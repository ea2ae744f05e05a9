/**
 * Trace data: what crossed the wire, as plain JSON-serialisable data.
 * Nothing here knows about rendering; renderers are pure functions of these types.
 */
import type { AmqpFrameItem } from './amqp-frames.js';
import type { WebSocketFrameItem } from './websocket-frames.js';

/** One HTTP/1.1 message (request or response) exactly as it was on the socket. */
export interface HttpMessage {
  /** "POST /graphql HTTP/1.1" or "HTTP/1.1 200 OK" */
  startLine: string;
  /** Header fields in wire order, names as sent. */
  headers: Array<[name: string, value: string]>;
  /** The decoded body (chunked framing removed), as UTF-8 text. */
  body: string;
  /** Bytes of start line + headers + the blank line. */
  headBytes: number;
  /** Bytes of the body as sent, including chunked framing when there was any. */
  bodyBytes: number;
  /** Bytes of the body after removing chunked framing. */
  contentBytes: number;
  chunked: boolean;
  /** The exact bytes of the whole message, decoded as UTF-8 (for `--raw`). */
  raw: string;
  /** ms since the tap started: first byte seen / last byte seen. */
  firstByteAt: number;
  lastByteAt: number;
}

export interface HttpRequest extends HttpMessage {
  method: string;
  target: string;
}

export interface HttpResponse extends HttpMessage {
  status: number;
  statusText: string;
}

/** A request and its response on one connection: one round trip. */
export interface HttpExchange {
  kind: 'http';
  connection: number;
  /** Position of this exchange on its connection, from 1 (keep-alive reuses connections). */
  onConnection: number;
  at: number;
  request: HttpRequest;
  /** Missing when the connection closed before a response came. */
  response?: HttpResponse;
  /** Last response byte minus first request byte, in ms. */
  durationMs: number;
  /** The connection switched protocols after this exchange (101 Switching Protocols). */
  upgraded?: boolean;
  /**
   * Which process called which, when the demo runs several (microservices). Not on the
   * wire as such: `to` is the process behind the tap, `from` the caller its User-Agent names.
   */
  hop?: HttpHop;
}

export interface HttpHop {
  from: string;
  to: string;
  /** Traffic that keeps a system running (heartbeats) rather than answering a request: folded unless --full. */
  background?: boolean;
}

/** Bytes that a decoder could not make sense of; shown rather than dropped. */
export interface UndecodedBytes {
  kind: 'undecoded';
  connection: number;
  at: number;
  direction: 'up' | 'down';
  bytes: number;
  reason: string;
}

/**
 * Everything a decoder can emit. Each protocol adds its own member here.
 */
export type WireItem = HttpExchange | UndecodedBytes | AmqpFrameItem | WebSocketFrameItem;

/** The items of one kind, typed as that kind: `itemsOfKind(items, 'http')` are HttpExchanges. */
export function itemsOfKind<K extends WireItem['kind']>(
  items: readonly WireItem[],
  kind: K,
): Array<Extract<WireItem, { kind: K }>> {
  return items.filter((item): item is Extract<WireItem, { kind: K }> => item.kind === kind);
}

/** Per-connection byte counts, measured on the socket. */
export interface ConnectionStats {
  id: number;
  openedAt: number;
  closedAt?: number;
  bytesUp: number;
  bytesDown: number;
}

/** Numbers a step measured, laid out by the renderer: a table, or a bar chart. */
export type Figure =
  | {
      kind: 'table';
      /** The first row is the header. Cells are text already in the chosen language and number format. */
      rows: string[][];
      /** Per column; numbers are right-aligned so their digits line up. */
      align: Array<'left' | 'right'>;
    }
  | { kind: 'bars'; title: string; bars: Array<{ label: string; value: number; display: string }> }
  /** A program to read beside the wire: its title in the chosen language, its lines verbatim. */
  | { kind: 'code'; title: string; lines: string[] };

export interface StepTrace {
  /** 1-based position in the scenario. */
  index: number;
  id: string;
  title: string;
  /** What to notice, one or two lines, in the chosen language. */
  notice: string[];
  /** Facts computed from this run (measured, never typed in). */
  facts: string[];
  /** Tables and charts of figures measured in this run, as data; the renderer draws them. */
  figures: Figure[];
  items: WireItem[];
  /** Request/response pairs in this step (each waits for its answer). */
  roundTrips: number;
  bytesUp: number;
  bytesDown: number;
  /** Connections opened during this step. */
  connectionsOpened: number;
}

export interface TraceTotals {
  roundTrips: number;
  connections: number;
  bytesUp: number;
  bytesDown: number;
}

/** Which message broker a run talked to (the mq demo and its measuring adapters). */
export interface BrokerInfo {
  /** 'external': RabbitMQ (or another broker) at --amqp-url / $AMQP_URL; 'embedded': awt-demo's own. */
  kind: 'external' | 'embedded';
  /** Without the password. */
  url: string;
  /** What an external broker calls itself in Connection.Start, e.g. "RabbitMQ 3.10.8". */
  product?: string;
  /** --broker auto found no broker at this URL and started the embedded one. */
  fallbackFrom?: string;
}

export interface Trace {
  demo: string;
  title: string;
  lang: string;
  /** Demos that talk to a message broker: which one this run used. */
  broker?: BrokerInfo;
  steps: StepTrace[];
  totals: TraceTotals;
}
