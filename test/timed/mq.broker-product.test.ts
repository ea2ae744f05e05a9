/**
 * The broker's name comes from the wire (Connection.Start's server-properties) and is shown
 * in the "Broker: …" line: whatever a terminal would act on stays visible text, and the
 * name is bounded, whoever answers at --amqp-url.
 */
import assert from 'node:assert/strict';
import net from 'node:net';
import { test } from 'node:test';
import { chooseBroker } from '../../demos/mq/choose-broker.js';
import { hasUnsafe } from '../../demos/render/escape.js';
import { method } from '../utils/raw-amqp.js';

test('when a broker names itself with terminal escapes and reordering characters then its name is shown escaped and bounded', async () => {
  const product = `Evil\u001b[2J\u202eMQ${'x'.repeat(200)}`;
  const server = net.createServer((socket) => {
    socket.on('error', () => undefined);
    socket.once('data', () =>
      socket.end(
        method(0x000a000a, 0, {
          versionMajor: 0,
          versionMinor: 9,
          serverProperties: { product, version: '1.0\u0007' },
          mechanisms: Buffer.from('PLAIN'),
          locales: Buffer.from('en_US'),
        }),
      ),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as net.AddressInfo;
    const chosen = await chooseBroker('auto', `amqp://guest:guest@127.0.0.1:${port}`, {});
    assert.equal(chosen.kind, 'external');
    assert.ok(chosen.product?.startsWith('Evil\\x1b[2J'), chosen.product);
    assert.equal(hasUnsafe(chosen.product!), false, JSON.stringify(chosen.product));
    assert.ok(chosen.product!.length < 100, `${chosen.product!.length} characters`);
    assert.match(chosen.product!, / 1\.0\\x07$/);
  } finally {
    server.close();
  }
});
