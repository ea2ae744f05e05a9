import { createHash } from 'node:crypto';
import { header, httpExchanges } from '../../wire/http-facts.js';
import { HANDSHAKE_GUID as guid, websocketAccept } from '../../wire/websocket-frames.js';
import { opened } from '../clients.js';
import type { WebsocketStep } from './types.js';

export const handshakeStep: WebsocketStep = {
  id: 'handshake',
  async run({ session, lesson, items }) {
    await opened(session.connect('/echo', { as: 'echo' }));
    const exchange = httpExchanges(items()).find((e) => e.upgraded);
    if (!exchange) throw new Error('the echo handshake did not switch protocols');
    const key = header(exchange.request, 'Sec-WebSocket-Key') ?? '';
    const sha1 = createHash('sha1')
      .update(key + guid)
      .digest();
    const computed = sha1.toString('base64');
    const accept = header(exchange.response, 'Sec-WebSocket-Accept') ?? '';
    // The worked derivation must agree with the decoder's own (websocket-frames.ts) and with the server.
    const match =
      computed === accept && computed === websocketAccept(key) ? lesson.facts.matches : lesson.facts.differs;
    const offered = header(exchange.request, 'Sec-WebSocket-Extensions');
    const accepted = header(exchange.response, 'Sec-WebSocket-Extensions');
    return [
      lesson.facts.key({ key }),
      lesson.facts.sha1({ guid, sha1: sha1.toString('hex') }),
      lesson.facts.accept({ computed, header: accept, match }),
      lesson.facts.switched({ connection: exchange.connection }),
      ...(offered && !accepted ? [lesson.facts.declined({ offered: offered.split(';')[0]!.trim() })] : []),
    ];
  },
};
