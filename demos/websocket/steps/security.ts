/**
 * Who may open a socket, as a browser meets it: the server checks Origin at the handshake
 * (RFC 6455 §10.2), and the browser's WebSocket API sets no Authorization header, so the
 * token rides in the URL (RFC 6750 §2.3) and with it into every access log.
 */
import { httpExchanges } from '../../wire/http-facts.js';
import { closed, opened, refusedWith } from '../clients.js';
import type { WebsocketStep } from './types.js';

/** A page somewhere else that the user happens to have open. */
export const foreignOrigin = 'https://books.example.net';

export const securityStep: WebsocketStep = {
  id: 'security',
  async run({ session, lesson, items }) {
    // A valid token, as a cookie would bring it along: the foreign page still must not get in.
    const refused = await refusedWith(session.connect('/chat', { origin: foreignOrigin, query: { name: 'Eve' } }));
    const own = new URL(session.url).origin;
    const grace = session.connect('/chat', { origin: own, token: 'query', query: { name: 'Grace' } });
    await opened(grace);
    grace.close(1000, 'bye');
    await closed(grace);

    const [, joined] = httpExchanges(items());
    const target = joined?.request.target ?? '';
    const status = joined?.response?.status ?? 0;
    const sentAuthorization = joined?.request.headers.some(([name]) => name.toLowerCase() === 'authorization');
    return [
      lesson.facts.foreignOrigin({ origin: foreignOrigin, status: refused }),
      lesson.facts.tokenInUrl({ origin: own, status, authorization: Boolean(sentAuthorization) }),
      // The Common Log Format line (without its timestamp) a web server or proxy writes for it.
      lesson.facts.accessLog({ line: `127.0.0.1 - - "GET ${target} HTTP/1.1" ${status} 0` }),
    ];
  },
};
