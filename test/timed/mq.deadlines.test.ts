/**
 * A broker that keeps the TCP connection but stops answering, and the advice given for
 * each way a broker can fail. Uses the real broker at AMQP_URL behind a proxy that can
 * be frozen (it keeps the connections open and stops passing bytes on).
 */
import assert from 'node:assert/strict';
import net from 'node:net';
import { describe, test } from 'node:test';
import { AwtError } from '../../demos/core/errors.js';
import { messages } from '../../demos/core/messages/index.js';
import { startMq } from '../../demos/mq/session.js';

const brokerUrl = new URL(process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672');

/** A TCP proxy to the broker; freeze() stops every byte from the broker while keeping the sockets open. */
async function freezableProxy() {
  let frozen = false;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const broker = net.connect(Number(brokerUrl.port || 5672), brokerUrl.hostname);
    for (const socket of [client, broker]) {
      sockets.add(socket);
      socket.on('error', () => undefined);
    }
    client.on('data', (chunk: Buffer) => broker.write(chunk));
    broker.on('data', (chunk: Buffer) => frozen || client.write(chunk));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = new URL(brokerUrl.href);
  url.hostname = '127.0.0.1';
  url.port = String((server.address() as net.AddressInfo).port);
  return {
    url: url.href,
    freeze: () => (frozen = true),
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

describe('a broker that stops answering', () => {
  test(
    'when the broker goes silent after the connection opened then a declare ends in AWT_BROKER_UNREACHABLE (stalled), not a hang',
    { timeout: 30_000 },
    async () => {
      const proxy = await freezableProxy();
      // A shorter patience than the product's 5 s: the frozen broker never answers, so each wait
      // below costs exactly this long; it still leaves the connect before the freeze room to finish.
      const session = await startMq({ amqpUrl: proxy.url, patienceMs: 1500 });
      try {
        const party = await session.connect({ name: 'shop', role: 'producer' });
        proxy.freeze();
        await assert.rejects(
          // The declare reaches the broker but its answer never returns, so the session cannot
          // delete the queue afterwards: the broker drops it itself once it is unused (x-expires).
          party.channel.assertQueue(session.queue('silent'), { durable: false, expires: 10_000 }),
          (error: unknown) =>
            error instanceof AwtError &&
            error.code === 'AWT_BROKER_UNREACHABLE' &&
            JSON.stringify(error.params).includes('"reason":"stalled","detail":"Queue.DeclareOk"') &&
            // The message says the patience this session had, not the default's 5 s.
            /stopped answering \(waited 1\.5 s for Queue\.DeclareOk\)/.test(error.describe(messages.en)[0]!) &&
            /\(1,5 s gewartet auf Queue\.DeclareOk\)/.test(error.describe(messages.de)[0]!),
        );
        await assert.rejects(
          party.openChannel(),
          (error: unknown) => error instanceof AwtError && JSON.stringify(error.params).includes('Channel.OpenOk'),
        );
      } finally {
        await proxy.close();
        await session.close();
      }
    },
  );
});

describe('advice for each broker failure', () => {
  const advice = (reason: string) =>
    new AwtError('AWT_BROKER_UNREACHABLE', { url: 'amqp://guest@127.0.0.1:5672', reason, detail: 'x' } as never);

  test('when the login is refused then the advice is about user and password, not about starting RabbitMQ', () => {
    for (const lang of ['en', 'de'] as const) {
      const [, hint] = advice('login').describe(messages[lang]);
      assert.match(hint!, /--amqp-url/);
      assert.doesNotMatch(hint!, /docker run|apt install/);
    }
    assert.match(advice('login').describe(messages.en)[1]!, /user and password/);
    assert.match(advice('login').describe(messages.de)[1]!, /Benutzer und Passwort/);
  });

  test('when nothing listens then the advice is to start RabbitMQ', () => {
    for (const reason of ['refused', 'timeout', 'unknown-host']) {
      assert.match(advice(reason).describe(messages.en)[1]!, /Start RabbitMQ/);
    }
    assert.match(advice('vhost').describe(messages.en)[1]!, /virtual host/);
    assert.match(advice('not-amqp').describe(messages.en)[1]!, /5672/);
  });
});
