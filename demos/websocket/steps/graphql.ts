import { createClient } from 'graphql-ws';
import { WebSocket } from 'ws';
import { header, httpExchanges } from '../../wire/http-facts.js';
import { bookClubToken } from '../auth.js';
import { wsUrl } from '../clients.js';
import { framesIn, type WebsocketStep } from './types.js';

const subscription = 'subscription { bookAdded { id title author } }';

export const graphqlSubscriptionStep: WebsocketStep = {
  id: 'graphqlSubscription',
  async run({ session, lesson, items }) {
    let ids = 0;
    const client = createClient({
      // graphql-ws builds the socket itself and sets no headers: the token goes in the query (RFC 6750 §2.3).
      url: wsUrl(session.url, '/graphql', { access_token: bookClubToken }),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      // Short ids instead of UUIDs keep the messages readable; they only need to be unique per connection.
      generateID: () => String(++ids),
    });
    try {
      const listening = session.servers.graphql.whenSubscribed();
      const closed = new Promise<void>((resolve) => client.on('closed', () => resolve()));
      let stop = () => {};
      const first = new Promise<{ bookAdded: { title: string } }>((resolve, reject) => {
        stop = client.subscribe<{ bookAdded: { title: string } }>(
          { query: subscription },
          { next: (result) => resolve(result.data!), error: reject, complete: () => {} },
        );
      });
      await listening;
      await session.http.send({
        method: 'POST',
        path: '/books',
        headers: { Accept: 'application/json' },
        body: { title: 'Domain-Driven Design Distilled', author: 'Vaughn Vernon', year: 2016 },
      });
      const { bookAdded } = await first;
      // Unsubscribing sends "complete"; with no subscription left the lazy client closes with 1000.
      stop();
      await closed;
      const upgrade = httpExchanges(items()).find((e) => e.upgraded);
      const types = framesIn(items())
        .filter((f) => f.opcodeName === 'text')
        .map((f) => (JSON.parse(f.payloadText ?? '{}') as { type?: string }).type ?? '?');
      return [
        lesson.facts.protocol({ protocol: header(upgrade?.response, 'Sec-WebSocket-Protocol') ?? '–' }),
        lesson.facts.messages({ types: types.join(' → ') }),
        lesson.facts.received({ title: bookAdded.title }),
      ];
    } finally {
      await client.dispose();
    }
  },
};
