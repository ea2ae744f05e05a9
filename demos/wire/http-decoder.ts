/**
 * HTTP/1.1 decoder (RFC 9112) for the wire tap, built on http-parser-js, a pure-JS
 * port of Node's own parser. One parser per direction; requests and responses are
 * paired in order, which is what HTTP/1.1 guarantees on one connection (no
 * multiplexing: keep-alive runs exchanges one after another, §9.3).
 */
import { HTTPParser } from 'http-parser-js';
import type { ConnectionDecoder, DecoderFactory, Direction, WireSink } from './decoder.js';
import type { HttpExchange, HttpMessage, HttpRequest, HttpResponse } from './trace.js';

/** Once a connection switches protocols (101), its bytes go to another decoder. */
export type UpgradeHandler = (
  connection: number,
  emit: WireSink,
  exchange: HttpExchange,
) => ConnectionDecoder | undefined;

interface HeaderInfo {
  versionMajor: number;
  versionMinor: number;
  headers: string[];
  method: number;
  url: string;
  statusCode: number;
  statusMessage: string;
  upgrade: boolean;
}

interface Pending {
  message: Omit<HttpMessage, 'raw' | 'lastByteAt'> & {
    method?: string;
    target?: string;
    status?: number;
    statusText?: string;
  };
  start: number;
  bodyParts: Buffer[];
}

/** Parses one direction; reports each complete message with its exact byte range. */
class MessageStream {
  private readonly parser: InstanceType<typeof HTTPParser>;
  private readonly bytes: Buffer[] = [];
  /** `bytes` joined, made once per chunk: many pipelined messages in one chunk must not copy it each. */
  private joined: Buffer | undefined;
  private streamLength = 0;
  private chunkStart = 0;
  private messageStart = 0;
  private current: Pending | undefined;
  private now = 0;
  private firstByteAt = 0;
  private firstByteAtSet = false;
  failed: string | undefined;
  /** Set once a message asks to switch protocols; the rest is not HTTP. */
  upgradedAt: number | undefined;

  constructor(
    kind: 'REQUEST' | 'RESPONSE',
    private readonly onMessage: (message: HttpMessage & Record<string, unknown>, upgrade: boolean) => void,
    /** For responses: true when the paired request was HEAD (no body follows). */
    private readonly skipBody: (status: number) => boolean = () => false,
  ) {
    this.parser = new HTTPParser(kind);
    // http-parser-js keeps its read position in `offset` while it runs callbacks; with
    // it we cut each message's exact bytes out of the stream.
    const parser = this.parser as InstanceType<typeof HTTPParser> & { offset: number };
    parser[HTTPParser.kOnHeadersComplete] = (info: HeaderInfo) => {
      const headers: Array<[string, string]> = [];
      for (let i = 0; i < info.headers.length; i += 2) headers.push([info.headers[i]!, info.headers[i + 1]!]);
      const version = `HTTP/${info.versionMajor}.${info.versionMinor}`;
      const isRequest = kind === 'REQUEST';
      const method = isRequest ? (HTTPParser.methods[info.method] ?? String(info.method)) : undefined;
      const headBytes = this.chunkStart + parser.offset - this.messageStart;
      this.current = {
        start: this.messageStart,
        bodyParts: [],
        message: {
          startLine: isRequest
            ? `${method} ${info.url} ${version}`
            : `${version} ${info.statusCode} ${info.statusMessage}`,
          headers,
          body: '',
          headBytes,
          bodyBytes: 0,
          contentBytes: 0,
          chunked: headers.some(([n, v]) => n.toLowerCase() === 'transfer-encoding' && /chunked/i.test(v)),
          firstByteAt: this.firstByteAt,
          ...(isRequest ? { method, target: info.url } : { status: info.statusCode, statusText: info.statusMessage }),
        },
      };
      if (info.upgrade) this.upgradedAt = -1;
      // 1xx, 204 and 304 responses never have a body (RFC 9112 §6.3); nor does a response to HEAD.
      if (!isRequest && (info.statusCode < 200 || info.statusCode === 204 || info.statusCode === 304)) return 1;
      return !isRequest && this.skipBody(info.statusCode) ? 1 : 0;
    };
    parser[HTTPParser.kOnBody] = (chunk: Buffer, offset: number, length: number) => {
      this.current?.bodyParts.push(Buffer.from(chunk.subarray(offset, offset + length)));
    };
    parser[HTTPParser.kOnMessageComplete] = () => {
      const pending = this.current;
      if (!pending) return;
      const end = this.chunkStart + parser.offset;
      this.joined ??= Buffer.concat(this.bytes);
      const raw = this.joined.subarray(pending.start, end);
      const body = Buffer.concat(pending.bodyParts);
      const upgrade = this.upgradedAt === -1;
      this.onMessage(
        {
          ...pending.message,
          body: body.toString('utf8'),
          contentBytes: body.length,
          bodyBytes: end - pending.start - pending.message.headBytes,
          raw: raw.toString('utf8'),
          lastByteAt: this.now,
        },
        upgrade,
      );
      if (upgrade) this.upgradedAt = end;
      this.messageStart = end;
      this.current = undefined;
      // With pipelining the next message may start in this very chunk.
      this.firstByteAtSet = end < this.streamLength;
    };
  }

  /** Returns the bytes left over after an upgrade (they belong to the new protocol). */
  push(chunk: Buffer, at: number): Buffer | undefined {
    if (this.failed) return undefined;
    if (this.upgradedAt !== undefined && this.upgradedAt >= 0) return chunk;
    this.now = at;
    if (!this.firstByteAtSet) {
      this.firstByteAt = at;
      this.firstByteAtSet = true;
    }
    this.bytes.push(chunk);
    this.joined = undefined;
    this.chunkStart = this.streamLength;
    this.streamLength += chunk.length;
    const result = this.parser.execute(chunk);
    if (result instanceof Error) {
      this.failed = result.message;
      return undefined;
    }
    if (this.upgradedAt !== undefined && this.upgradedAt >= 0) {
      return chunk.subarray(this.upgradedAt - this.chunkStart);
    }
    // Keep only the unfinished message; earlier bytes are already in emitted items.
    this.compact();
    return undefined;
  }

  private compact(): void {
    if (this.messageStart === 0) return;
    const rest = (this.joined ?? Buffer.concat(this.bytes)).subarray(this.messageStart);
    this.bytes.length = 0;
    this.bytes.push(rest);
    this.joined = rest;
    if (this.current) this.current.start -= this.messageStart;
    this.streamLength -= this.messageStart;
    this.chunkStart -= this.messageStart;
    this.messageStart = 0;
  }

  /**
   * The server declined the upgrade this stream asked for (any answer but 101, RFC 9110
   * §7.8): the connection stays HTTP/1.1, and the bytes after the request are the next
   * request. The caller pushes them again.
   */
  resume(): void {
    if (this.upgradedAt === undefined) return;
    this.upgradedAt = undefined;
    this.bytes.length = 0;
    this.joined = undefined;
    this.streamLength = 0;
    this.chunkStart = 0;
    this.messageStart = 0;
    this.firstByteAtSet = false;
  }

  /** EOF: a body delimited by connection close ends here (RFC 9112 §6.3 rule 8). */
  finish(): void {
    if (!this.failed && this.upgradedAt === undefined) this.parser.finish();
  }
}

export function httpDecoder(options: { onUpgrade?: UpgradeHandler } = {}): DecoderFactory {
  return (connection, emit) => new HttpConnectionDecoder(connection, emit, options.onUpgrade);
}

class HttpConnectionDecoder implements ConnectionDecoder {
  private readonly waiting: HttpRequest[] = [];
  private readonly requests: MessageStream;
  private readonly responses: MessageStream;
  private count = 0;
  private upgraded: ConnectionDecoder | undefined;
  /** Switched to a protocol no decoder knows: its bytes are only counted (by the tap). */
  private opaque = false;
  private pendingAfterUpgrade: Array<[Direction, Buffer, number]> = [];
  private pendingBytes = 0;
  /** The request that asked to switch protocols; its answer decides what the held bytes are. */
  private upgradeRequest: HttpRequest | undefined;

  constructor(
    private readonly connection: number,
    private readonly emit: WireSink,
    private readonly onUpgrade?: UpgradeHandler,
  ) {
    this.requests = new MessageStream('REQUEST', (message, upgrade) => {
      this.waiting.push(message as unknown as HttpRequest);
      if (upgrade) this.upgradeRequest = message as unknown as HttpRequest;
    });
    this.responses = new MessageStream(
      'RESPONSE',
      (message, upgrade) => this.pair(message as unknown as HttpResponse, upgrade),
      () => this.waiting[0]?.method === 'HEAD',
    );
  }

  push(direction: Direction, chunk: Buffer, at: number): void {
    if (this.upgraded) return this.upgraded.push(direction, chunk, at);
    if (this.opaque) return;
    const stream = direction === 'up' ? this.requests : this.responses;
    const rest = stream.push(chunk, at);
    if (rest && rest.length > 0) {
      // Bytes after an upgrade request wait for the answer: after a 101 they belong to the
      // new protocol, after any other answer they are the next HTTP request.
      // pair() may have switched protocols while the parser ran.
      const upgraded = this.upgraded as ConnectionDecoder | undefined;
      if (upgraded) upgraded.push(direction, rest, at);
      else if (!this.opaque) this.hold(direction, rest, at);
    }
    const failed = stream.failed;
    if (failed) {
      // An answer that is not HTTP: the requests waiting for one will never be paired, and
      // on the wire they came before it, so they are reported first.
      if (direction === 'down') this.unanswered(at);
      this.emit({ kind: 'undecoded', connection: this.connection, at, direction, bytes: chunk.length, reason: failed });
    }
  }

  /** Bytes waiting for the answer to an upgrade request; bounded, as a client may never stop sending. */
  private hold(direction: Direction, bytes: Buffer, at: number): void {
    if (this.pendingBytes + bytes.length > maxHeldBytes) {
      this.emit({
        kind: 'undecoded',
        connection: this.connection,
        at,
        direction,
        bytes: bytes.length,
        reason: 'upgrade-pending',
      });
      return;
    }
    this.pendingBytes += bytes.length;
    this.pendingAfterUpgrade.push([direction, Buffer.from(bytes), at]);
  }

  private pair(response: HttpResponse, upgrade: boolean): void {
    const request = this.waiting.shift();
    if (!request) return;
    const exchange: HttpExchange = {
      kind: 'http',
      connection: this.connection,
      onConnection: ++this.count,
      at: request.firstByteAt,
      request,
      response,
      durationMs: round(response.lastByteAt - request.firstByteAt),
      ...(upgrade ? { upgraded: true } : {}),
    };
    this.emit(exchange);
    if (!upgrade && request !== this.upgradeRequest) return;
    const held = this.pendingAfterUpgrade;
    this.pendingAfterUpgrade = [];
    this.pendingBytes = 0;
    if (upgrade) {
      this.upgraded = this.onUpgrade?.(this.connection, this.emit, exchange);
      if (!this.upgraded) this.opaque = true;
      for (const [direction, bytes, at] of held) this.upgraded?.push(direction, bytes, at);
    } else if (request === this.upgradeRequest) {
      this.upgradeRequest = undefined;
      // Declined (e.g. "Upgrade: h2c" answered 200): keep reading HTTP/1.1 on this connection.
      this.requests.resume();
      for (const [direction, bytes, at] of held) this.push(direction, bytes, at);
    }
  }

  end(at: number): void {
    if (this.upgraded) return this.upgraded.end(at);
    this.responses.finish();
    this.unanswered(at);
  }

  /** A request that never got an answer is still part of the story. */
  private unanswered(at: number): void {
    for (const request of this.waiting.splice(0)) {
      this.emit({
        kind: 'http',
        connection: this.connection,
        onConnection: ++this.count,
        at: request.firstByteAt,
        request,
        durationMs: round(at - request.firstByteAt),
      });
    }
  }
}

/** Bytes held while an upgrade request waits for its answer. */
const maxHeldBytes = 1024 * 1024;

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}
