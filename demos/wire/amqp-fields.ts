/**
 * Payload decoding for AMQP 0-9-1 frames, built on amqplib's generated codec.
 *
 * amqplib's lib/defs.js is generated from the 0-9-1 XML spec (plus RabbitMQ's
 * extensions) and already knows every method's argument list, so the tap reuses it
 * rather than re-implementing §4.2.5 (data fields) by hand. What this file adds:
 * spec-style names ("Basic.Publish"), JSON-safe values and hidden secrets.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';

/** The slice of amqplib's lib/defs.js we use (it ships no .d.ts for it). */
interface AmqplibDefs {
  /** Decodes method arguments (id = class << 16 | method) or, for a bare class id, content properties. */
  decode(id: number, args: Buffer): Record<string, unknown>;
  info(id: number): { classId?: number; name: string };
}

let defs: AmqplibDefs | undefined;

/**
 * amqplib's package.json "exports" only exposes its entry points, so
 * `import 'amqplib/lib/defs.js'` fails with ERR_PACKAGE_PATH_NOT_EXPORTED. An absolute
 * path next to the resolved entry point is not subject to "exports". Loaded on first use
 * so that importing the tap never pulls amqplib into `--help` (see DESIGN.md).
 */
function amqplibDefs(): AmqplibDefs {
  if (!defs) {
    const require = createRequire(import.meta.url);
    defs = require(join(dirname(require.resolve('amqplib')), 'lib', 'defs.js')) as AmqplibDefs;
  }
  return defs;
}

/** Class names by class id, from amqp0-9-1.xml (Confirm = 85 is a RabbitMQ extension). */
const CLASS_NAMES: Record<number, string> = {
  10: 'Connection',
  20: 'Channel',
  30: 'Access',
  40: 'Exchange',
  50: 'Queue',
  60: 'Basic',
  85: 'Confirm',
  90: 'Tx',
};

export interface DecodedMethod {
  method: string;
  fields?: Record<string, unknown>;
  error?: string;
}

/**
 * A method frame payload, §4.2.4: class-id (short), method-id (short), arguments.
 * A payload we cannot decode is reported, not thrown: the frame boundary is still known.
 */
export function decodeMethodPayload(payload: Buffer): DecodedMethod {
  if (payload.length < 4) return { method: 'unknown', error: `method payload too short (${payload.length} bytes)` };
  const classId = payload.readUInt16BE(0);
  const methodId = payload.readUInt16BE(2);
  let method = `${CLASS_NAMES[classId] ?? classId}.${methodId}`;
  try {
    const id = payload.readUInt32BE(0);
    const className = CLASS_NAMES[classId];
    const name = amqplibDefs().info(id).name;
    if (className && name.startsWith(className)) method = `${className}.${name.slice(className.length)}`;
    const raw = hideSecrets(method, amqplibDefs().decode(id, payload.subarray(4)));
    return { method, fields: toPlain(raw) as Record<string, unknown> };
  } catch (err) {
    return { method, error: `cannot decode ${method}: ${(err as Error).message}` };
  }
}

export interface DecodedHeader {
  bodySize: number;
  properties?: Record<string, unknown>;
  error?: string;
}

/**
 * A content header payload, §4.2.6.1: class-id, weight (always 0), body size
 * (longlong), property flags and property list (only the Basic class has content).
 */
export function decodeHeaderPayload(payload: Buffer): DecodedHeader {
  if (payload.length < 14) {
    return { bodySize: 0, error: `content header too short (${payload.length} bytes)` };
  }
  const classId = payload.readUInt16BE(0);
  // No real body reaches 2^53 bytes, so Number() loses nothing that matters.
  const bodySize = Number(payload.readBigUInt64BE(4));
  try {
    const properties = toPlain(amqplibDefs().decode(classId, payload.subarray(12))) as Record<string, unknown>;
    return { bodySize, properties };
  } catch (err) {
    return { bodySize, error: `cannot decode properties of class ${classId}: ${(err as Error).message}` };
  }
}

/** UTF-8 text of a body frame, cut to `maxBytes` without splitting a character. */
export function bodyText(payload: Buffer, maxBytes: number): { text: string; truncated: boolean } {
  const truncated = payload.length > maxBytes;
  // StringDecoder holds back a trailing partial character instead of emitting U+FFFD.
  const text = new StringDecoder('utf8').write(truncated ? payload.subarray(0, maxBytes) : payload);
  return { text, truncated };
}

/**
 * amqplib hands back Buffers (longstr, byte arrays), `undefined` for absent properties
 * and, in principle, bigint; trace data must survive JSON.stringify unchanged.
 * Text stays text; other bytes become `{ base64 }`.
 */
export function toPlain(value: unknown): unknown {
  if (Buffer.isBuffer(value)) return isText(value) ? value.toString('utf8') : { base64: value.toString('base64') };
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  if (Array.isArray(value)) return value.map(toPlain);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) if (v !== undefined) out[key] = toPlain(v);
    return out;
  }
  return value;
}

function isText(buf: Buffer): boolean {
  const text = buf.toString('utf8');
  // eslint-disable-next-line no-control-regex
  return Buffer.byteLength(text) === buf.length && !/[\u0000-\u0008\u000e-\u001f\u007f\ufffd]/.test(text);
}

/**
 * Traces get saved and shared, so SASL secrets never enter them. For PLAIN
 * (RFC 4616: authzid NUL authcid NUL passwd) the shape and user stay visible,
 * because "the password crosses the wire in clear text" is the lesson.
 */
const SECRET_FIELDS: Record<string, string> = {
  'Connection.StartOk': 'response',
  'Connection.SecureOk': 'response',
  'Connection.UpdateSecret': 'newSecret',
};

function hideSecrets(method: string, fields: Record<string, unknown>): Record<string, unknown> {
  const key = SECRET_FIELDS[method];
  const secret = key ? fields[key] : undefined;
  if (!key || !Buffer.isBuffer(secret)) return fields;
  const parts = fields.mechanism === 'PLAIN' ? secret.toString('utf8').split('\u0000') : [];
  const shown = parts.length === 3 ? `${parts[0]}\u2400${parts[1]}\u2400<redacted>` : '<redacted>';
  return { ...fields, [key]: shown };
}
