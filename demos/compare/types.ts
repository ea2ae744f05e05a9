/** What `compare` measures, as plain data (rendered as a table, JSON, Markdown or CSV). */
import type { BrokerInfo } from '../wire/trace.js';
import type { ParadigmId, UseCaseId } from '../core/paradigms.js';

export { paradigmIds, useCaseIds, type ParadigmId, type UseCaseId } from '../core/paradigms.js';

export interface Bytes {
  total: number;
  /** Headers, envelopes, frame headers: what the protocol adds around the data. */
  overhead: number;
  /** The application data itself (bodies, frame payloads). */
  payload: number;
}

export interface Measurement {
  /** Request/response pairs the client waited for. */
  roundTrips: number;
  /** TCP connections that carried bytes for this use case. */
  connections: number;
  up: Bytes;
  down: Bytes;
  /** Data fields that came back, and how many the use case needed (over-fetching). */
  fieldsReceived: number | null;
  fieldsNeeded: number | null;
  /** Median wall time of the whole use case over `repetitions` runs, in ms. */
  latencyMs: number;
  repetitions: number;
  /** A measured remark, already in words (e.g. "304, no body"). */
  note?: string;
  /** Credentials the client sent in this use case, measured in the request bytes (part of `up`). */
  credentials?: Credentials;
  /** A polling client: the interval that sets its latency, and the latency measured at several intervals. */
  polling?: PollingLatency;
}

export interface Credentials {
  /** 'ws-security': the SOAP header's wsse:Security element; 'authorization': the HTTP header line. */
  kind: 'ws-security' | 'authorization';
  bytes: number;
}

export interface PollingLatency {
  intervalMs: number;
  /** Median latency per interval, the measured one included, shortest interval first. */
  byInterval: Array<{ intervalMs: number; latencyMs: number }>;
}

export type Cell =
  { fit: true; measurement: Measurement } | { fit: false; reason: string } | { fit: 'skipped'; reason: string };

export interface UseCaseComparison {
  id: UseCaseId;
  title: string;
  cells: Partial<Record<ParadigmId, Cell>>;
}

export interface Comparison {
  lang: string;
  paradigms: ParadigmId[];
  /** The AMQP broker the message-queue column used. */
  broker?: BrokerInfo;
  /** Set-up cost per paradigm (connect, handshake), measured once, not part of any use case. */
  setup: Partial<Record<ParadigmId, Cell>>;
  useCases: UseCaseComparison[];
}
