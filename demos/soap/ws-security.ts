/**
 * WS-Security UsernameToken checks on the server (OASIS WSS UsernameToken Profile 1.0).
 * Two kinds of password are accepted (§3.1):
 * - PasswordText: the password itself; readable by anyone on the wire unless TLS protects it.
 * - PasswordDigest: Base64(SHA-1(nonce + created + password)). The password never travels;
 *   a fresh Created and a never-seen Nonce keep a recorded message from being replayed (§3.1).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { attribute, childrenNamed, type XmlElement } from './xml-tree.js';
import { wsseNs } from './fault.js';

export const wsuNs = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd';
const profile = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0';
export const passwordText = `${profile}#PasswordText`;
export const passwordDigest = `${profile}#PasswordDigest`;

/** The one account of the demo; the lesson and `--serve` name it. */
export const demoAccount = { username: 'student', password: 's3cret' } as const;

/** How old a digest's Created may be, and how far in the future (clock skew). */
const freshForMs = 5 * 60_000;
const skewMs = 60_000;

export type TokenCheck = { ok: true; username: string } | { ok: false; reason: string };

/** Nonces seen within the freshness window; a second use is a replay. Bounded, so it cannot be flooded. */
export class NonceCache {
  private readonly seen = new Map<string, number>();
  constructor(private readonly max = 10_000) {}

  /** False when the nonce was already used. */
  remember(nonce: string, now: number): boolean {
    for (const [old, at] of this.seen) {
      if (now - at <= freshForMs + skewMs && this.seen.size < this.max) break;
      this.seen.delete(old);
    }
    if (this.seen.has(nonce)) return false;
    this.seen.set(nonce, now);
    return true;
  }
}

function sameText(a: string, b: string): boolean {
  // Hashing first gives equal lengths, so the comparison takes the same time for every guess.
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(a), digest(b));
}

export function digestOf(nonceBase64: string, created: string, password: string): string {
  return createHash('sha1')
    .update(Buffer.concat([Buffer.from(nonceBase64, 'base64'), Buffer.from(created + password, 'utf8')]))
    .digest('base64');
}

/** Checks the <wsse:Security> header block; `security` is undefined when the request has none. */
export function checkUsernameToken(security: XmlElement | undefined, now: Date, nonces: NonceCache): TokenCheck {
  if (!security) return { ok: false, reason: 'The request has no wsse:Security header.' };
  const [token] = childrenNamed(security, wsseNs, 'UsernameToken');
  if (!token) return { ok: false, reason: 'The wsse:Security header has no wsse:UsernameToken.' };
  const text = (local: string, uri = wsseNs) => childrenNamed(token, uri, local)[0];
  const username = text('Username')?.text.trim() ?? '';
  const password = text('Password');
  if (!password) return { ok: false, reason: 'The UsernameToken has no wsse:Password.' };
  // Without a Type the password is plain text (UsernameToken Profile 1.0 §4).
  const type = attribute(password, '', 'Type') ?? passwordText;
  const known = username === demoAccount.username;

  if (type === passwordText) {
    const ok = sameText(password.text, demoAccount.password) && known;
    return ok ? { ok: true, username } : { ok: false, reason: 'Unknown user or wrong password.' };
  }
  if (type !== passwordDigest) return { ok: false, reason: `Unsupported password type ${type}.` };

  const nonce = text('Nonce')?.text.trim();
  const created = (text('Created', wsuNs) ?? text('Created'))?.text.trim();
  if (!nonce || !created) return { ok: false, reason: 'A PasswordDigest needs a wsse:Nonce and a wsu:Created.' };
  const age = now.getTime() - Date.parse(created);
  if (Number.isNaN(age) || age > freshForMs || age < -skewMs) {
    return { ok: false, reason: `The token was created at ${created}: not within five minutes of now.` };
  }
  if (!(sameText(password.text.trim(), digestOf(nonce, created, demoAccount.password)) && known)) {
    return { ok: false, reason: 'Unknown user or wrong password.' };
  }
  // Remembered only once the digest is right, so nobody can burn the nonces of others.
  if (!nonces.remember(nonce, now.getTime())) return { ok: false, reason: 'This nonce was used before: a replay.' };
  return { ok: true, username };
}
