/**
 * Bearer tokens for the write operations (RFC 6750). In OAuth 2.0 an authorization
 * server issues the token after the user logged in there; the API only checks it. The
 * demo stands in for that server with tokens issued ahead of time, one per scope set.
 */
import type { NextFunction, Request, Response } from 'express';
import { sendProblem } from './problem.js';

/** Token → the scopes it was issued with. */
export type AccessTokens = ReadonlyMap<string, readonly string[]>;

/** The scope a client needs to add a book. */
export const writeScope = 'books:write';
export const realm = 'books';

/** Opaque demo tokens; a real one is signed and expires (a JWT, or looked up by introspection, RFC 7662). */
export const demoTokens = {
  writer: 'awt.write.3f9c1e7a52d04b68',
  reader: 'awt.read.8b2e6d0f41c9a357',
} as const;

export const demoAccessTokens: AccessTokens = new Map([
  [demoTokens.writer, ['books:read', writeScope]],
  [demoTokens.reader, ['books:read']],
]);

/**
 * RFC 6750 §3: no credentials → 401 with a challenge that names the scheme and realm (and
 * no error code, §3.1); an unknown token → 401 invalid_token; a token without the scope
 * → 403 insufficient_scope. It runs before the body is read: a stranger's body is not parsed.
 */
export function requireScope(tokens: AccessTokens, scope: string) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const authorization = req.get('authorization');
    if (authorization === undefined) {
      res.set('WWW-Authenticate', `Bearer realm="${realm}"`);
      return sendProblem(res, 401, 'Send a bearer token in the Authorization header.');
    }
    const token = /^Bearer +([\w.~+/-]+=*)$/i.exec(authorization)?.[1];
    const scopes = token === undefined ? undefined : tokens.get(token);
    if (!scopes) {
      res.set('WWW-Authenticate', `Bearer realm="${realm}", error="invalid_token"`);
      return sendProblem(res, 401, 'The bearer token is not one this API accepts.');
    }
    if (!scopes.includes(scope)) {
      res.set('WWW-Authenticate', `Bearer realm="${realm}", error="insufficient_scope", scope="${scope}"`);
      return sendProblem(res, 403, `The token lacks the scope ${scope}.`);
    }
    next();
  };
}
