/**
 * The checks of the exercise websocket-book-club: the book club of the websocket demo
 * (chat.ts, auth.ts, upgrade.ts), its message formats and token taken from there. The
 * handshake is RFC 6455 §4 (the ws client verifies Sec-WebSocket-Accept), the token a
 * bearer token (RFC 6750 §2.1 header, §2.3 query), close codes RFC 6455 §7.4.1, ping and
 * pong §5.5.2–5.5.3.
 */
import { WebSocket } from 'ws';
import type { CheckContext, CheckResult, ExerciseChecks } from '../exercises/types.js';
import { bookClubToken } from './auth.js';
import { chatBroadcast, chatRequest, unsupportedData } from './chat.js';
import { maxMessageBytes } from './limits.js';

const ok = (): CheckResult => ({ passed: true });
const fail = (got: string): CheckResult => ({ passed: false, got });

/** How long to wait for what should come together with, or just before, something else that did come. */
const closeGraceMs = 1000;

/** The sockets of one check, all ended when it ends, whatever happened. */
class Club {
  private readonly sockets: WebSocket[] = [];

  constructor(private readonly context: CheckContext) {
    context.signal.addEventListener('abort', () => this.end(), { once: true });
  }

  /** A member connecting; `token` picks where the bearer token goes (or none). */
  join(name: string, token: 'header' | 'query' | 'none' = 'header'): WebSocket {
    const url = new URL(this.context.url.replace(/^http/, 'ws'));
    url.searchParams.set('name', name);
    if (token === 'query') url.searchParams.set('access_token', bookClubToken);
    const ws = new WebSocket(url, {
      headers: token === 'header' ? { Authorization: `Bearer ${bookClubToken}` } : {},
      // Whatever the student's server sends is bounded, and its bytes stay readable in the trace (no deflate).
      maxPayload: maxMessageBytes,
      perMessageDeflate: false,
      // No handshake timeout of its own: the check's time limit (--timeout) ends a handshake that hangs (end()).
    });
    ws.on('error', () => {});
    this.sockets.push(ws);
    return ws;
  }

  end(): void {
    for (const ws of this.sockets) ws.terminate();
  }
}

type Opening = { opened: true } | { opened: false; status: number; headers: Record<string, unknown>; error?: string };

/** How the handshake ended: 101, another HTTP status, or a failure (a wrong Sec-WebSocket-Accept, a reset). */
function opening(ws: WebSocket): Promise<Opening> {
  if (ws.readyState === WebSocket.OPEN) return Promise.resolve({ opened: true });
  return new Promise((resolve) => {
    ws.once('open', () => resolve({ opened: true }));
    ws.once('unexpected-response', (_request, response) => {
      response.resume();
      resolve({ opened: false, status: response.statusCode ?? 0, headers: response.headers });
      ws.terminate();
    });
    ws.once('error', (error: Error) => resolve({ opened: false, status: 0, headers: {}, error: error.message }));
  });
}

function refused(context: CheckContext, result: Opening): string {
  if (result.opened) return '101';
  return result.error
    ? context.say.failedCall({ detail: result.error })
    : context.say.status({ status: result.status });
}

/** The first message that is JSON and satisfies `wanted`; others are passed over. Rejects when the socket closes. */
function nextWhere(ws: WebSocket, wanted: (message: Record<string, unknown>) => boolean): Promise<string> {
  return new Promise((resolve, reject) => {
    const onMessage = (data: Buffer, isBinary: boolean) => {
      const text = isBinary ? '' : data.toString('utf8');
      let message: unknown;
      try {
        message = JSON.parse(text);
      } catch {
        return;
      }
      if (message && typeof message === 'object' && wanted(message as Record<string, unknown>)) {
        ws.off('message', onMessage);
        resolve(text);
      }
    };
    ws.on('message', onMessage);
    ws.once('close', (code: number) => reject(Object.assign(new Error(`closed with ${code}`), { code })));
  });
}

async function handshake(context: CheckContext): Promise<CheckResult> {
  const club = new Club(context);
  try {
    // Node programs send the token in the Authorization header; browsers cannot, so they use access_token.
    for (const token of ['header', 'query'] as const) {
      const result = await opening(club.join(`Ada-${context.runId}`, token));
      if (!result.opened) {
        const how = token === 'header' ? `Authorization: Bearer ${bookClubToken}` : `?access_token=${bookClubToken}`;
        return fail(`${how} → ${refused(context, result)}`);
      }
    }
    return ok();
  } finally {
    club.end();
  }
}

async function broadcast(context: CheckContext): Promise<CheckResult> {
  const { say } = context;
  const club = new Club(context);
  try {
    const names = ['Ada', 'Grace', 'Alan'].map((name) => `${name}-${context.runId}`);
    const members = names.map((name) => club.join(name));
    // Listen for every handshake at once: a member may be open before the one before it.
    const openings = members.map(opening);
    for (const [i, pending] of openings.entries()) {
      const result = await pending;
      if (!result.opened) return fail(`${names[i]}: ${refused(context, result)}`);
    }
    const text = `Shall we read Clean Code next? (${context.runId})`;
    const expected = chatBroadcast(names[0]!, text);
    const heard = members.map(() => false);
    const hearing = members.map((ws, i) =>
      nextWhere(ws, (m) => m.type === expected.type && m.from === expected.from && m.text === expected.text).then(
        () => (heard[i] = true),
        () => false,
      ),
    );
    // Once any member got any message, the others have had their chance a moment later.
    const anyMessage = new Promise<void>((resolve) => members.forEach((ws) => ws.once('message', () => resolve())));
    members[0]!.send(JSON.stringify(chatRequest(text)));
    await Promise.race([
      Promise.all(hearing),
      anyMessage.then(() => new Promise((resolve) => setTimeout(resolve, closeGraceMs))),
    ]);
    const deaf = heard.indexOf(false);
    if (deaf >= 0) return fail(say.notHeard({ member: names[deaf]!, message: JSON.stringify(expected) }));
    return ok();
  } finally {
    club.end();
  }
}

async function noToken(context: CheckContext): Promise<CheckResult> {
  const { say } = context;
  const club = new Club(context);
  try {
    const result = await opening(club.join(`Mallory-${context.runId}`, 'none'));
    if (result.opened) return fail(say.upgraded);
    if (result.status !== 401) return fail(refused(context, result));
    // RFC 9110 §11.6.1: a 401 names the scheme to use, here Bearer (RFC 6750 §3).
    const challenge = String(result.headers['www-authenticate'] ?? '');
    if (!/^Bearer\b/i.test(challenge))
      return fail(
        challenge
          ? say.header({ name: 'WWW-Authenticate', value: challenge })
          : say.noHeader({ name: 'WWW-Authenticate' }),
      );
    return ok();
  } finally {
    club.end();
  }
}

async function binary(context: CheckContext): Promise<CheckResult> {
  const { say } = context;
  const club = new Club(context);
  try {
    const ws = club.join(`Alan-${context.runId}`);
    const result = await opening(ws);
    if (!result.opened) return fail(refused(context, result));
    const closing = new Promise<{ code: number; reason: string }>((resolve) =>
      ws.once('close', (code: number, reason: Buffer) =>
        resolve({ code, reason: reason.toString('utf8').slice(0, 120) }),
      ),
    );
    ws.send(Buffer.from([0xca, 0xfe, 0xba, 0xbe]), { binary: true });
    // A ping behind the binary frame: a server that kept the connection answers it, and then the wait ends.
    ws.ping('still there?');
    const pong = new Promise<'pong'>((resolve) => ws.once('pong', () => resolve('pong')));
    const first = await Promise.race([closing, pong]);
    const closed =
      first === 'pong'
        ? await Promise.race([
            closing,
            new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), closeGraceMs)),
          ])
        : first;
    if (!closed) return fail(say.stayedOpen);
    // 1005: a close frame without a code; 1006: no close frame at all (RFC 6455 §7.4.1).
    return closed.code === unsupportedData ? ok() : fail(say.closed({ code: closed.code, reason: closed.reason }));
  } finally {
    club.end();
  }
}

async function pong(context: CheckContext): Promise<CheckResult> {
  const { say } = context;
  const club = new Club(context);
  try {
    const ws = club.join(`Grace-${context.runId}`);
    const result = await opening(ws);
    if (!result.opened) return fail(refused(context, result));
    const payload = `awt-${context.runId}`;
    const answered = new Promise<string>((resolve, reject) => {
      ws.once('pong', (data: Buffer) => resolve(data.toString('utf8')));
      ws.once('close', (code: number) => reject(Object.assign(new Error(`closed with ${code}`), { code })));
    });
    // A chat message behind the ping: once its broadcast is back, the server has read the ping too.
    const text = `ping sent (${context.runId})`;
    const behind = nextWhere(ws, (m) => m.type === 'chat' && m.text === text).then(
      () => new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), closeGraceMs)),
      () => undefined,
    );
    ws.ping(payload);
    ws.send(JSON.stringify(chatRequest(text)));
    // RFC 6455 §5.5.3: the pong carries the ping's application data unchanged.
    const got = await Promise.race([answered, behind]);
    if (got === undefined) return fail(say.noPong);
    return got === payload ? ok() : fail(say.value({ path: 'pong', value: JSON.stringify(got) }));
  } finally {
    club.end();
  }
}

export const checks: ExerciseChecks = {
  handshake,
  broadcast,
  'no-token': noToken,
  binary,
  pong,
};
