/**
 * Who may join: whoever shows the book club's bearer token (RFC 6750). Node clients
 * send it in the Authorization header (§2.1); the browser's WebSocket API cannot set
 * headers, so a page sends it as the access_token query parameter (§2.3).
 */
import type http from 'node:http';

/** The club's shared secret; a real server would check a signed, expiring token. */
export const token = 'book-club';

export function isAuthorised(request: http.IncomingMessage, url: URL): boolean {
  const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
  return (bearer ?? url.searchParams.get('access_token')) === token;
}
