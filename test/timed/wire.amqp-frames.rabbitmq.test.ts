import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import net from 'node:net';
import amqp from 'amqplib';
import { createAmqpFrameDecoder, type AmqpFrameItem } from '../../demos/wire/amqp-frames.js';
import { amqpMethodSummary } from '../utils/amqp-summary.js';

type Dir = 'up' | 'down';

const BODY = '{"title":"Dune","author":"Frank Herbert"}';

/** A loopback TCP proxy in front of the broker that feeds every chunk to the decoder before forwarding it. */
async function startDecodingProxy(target: URL) {
  const items: AmqpFrameItem[] = [];
  const forwarded = { up: 0, down: 0 };
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const decoder = createAmqpFrameDecoder(1, (item) => items.push(item));
    const broker = net.connect(Number(target.port || 5672), target.hostname);
    const pipe = (from: net.Socket, to: net.Socket, direction: Dir) => {
      sockets.add(from);
      from.on('data', (chunk) => {
        forwarded[direction] += chunk.length;
        decoder.push(direction, chunk, performance.now());
        to.write(chunk);
      });
      from.on('close', () => {
        decoder.end(performance.now());
        to.destroy();
      });
      from.on('error', () => to.destroy());
    };
    pipe(client, broker, 'up');
    pipe(broker, client, 'down');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = new URL(target);
  url.hostname = '127.0.0.1';
  url.port = String((server.address() as net.AddressInfo).port);
  const close = async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  };
  return { url, items, forwarded, close };
}

/** Rejects instead of hanging, so `finally` still cleans up when the broker stays silent. */
function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no ${what} within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

describe('AMQP 0-9-1 frame decoder against RabbitMQ', () => {
  it('when amqplib publishes, consumes and acks through a tap then the frames appear in the right directions', async () => {
    const brokerUrl = new URL(process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672');
    const proxy = await startDecodingProxy(brokerUrl);
    const { items } = proxy;
    const queue = `awt-demo.test.${randomUUID()}`;
    let connection: amqp.ChannelModel | undefined;
    try {
      connection = await within(amqp.connect(proxy.url.href), 5000, `connection to ${brokerUrl.host}`);
      const channel = await connection.createChannel();
      await channel.assertQueue(queue, { autoDelete: true });
      channel.publish('', queue, Buffer.from(BODY), { contentType: 'application/json' });
      const received = new Promise<amqp.ConsumeMessage>((resolve) => {
        void channel.consume(queue, (message) => {
          if (!message) return;
          channel.ack(message);
          resolve(message);
        });
      });
      const delivered = await within(received, 5000, 'Basic.Deliver');
      // Basic.Ack has no reply; a later round trip on the same channel proves it passed the tap.
      await channel.deleteQueue(queue);
      await connection.close();
      connection = undefined;

      const listing = () => items.map((i) => `${i.direction} ${amqpMethodSummary(i)}`).join('\n');
      const at = (direction: Dir, method: string, match: (f: Record<string, unknown>) => boolean = () => true) => {
        const index = items.findIndex((i) => i.direction === direction && i.method === method && match(i.fields ?? {}));
        assert.ok(index >= 0, `${direction} ${method} not found in:\n${listing()}`);
        return index;
      };
      const tag = delivered.fields.deliveryTag;
      const user = decodeURIComponent(brokerUrl.username);
      assert.equal(items[0]?.frameType, 'protocol-header');
      assert.equal(items[0]?.direction, 'up');
      const order = [
        at('down', 'Connection.Start'),
        at('up', 'Connection.StartOk', (f) => f.response === `\u2400${user}\u2400<redacted>`),
        at('down', 'Connection.Tune'),
        at('up', 'Connection.Open'),
        at('up', 'Channel.Open'),
        at('up', 'Queue.Declare', (f) => f.queue === queue && f.autoDelete === true),
        at('down', 'Queue.DeclareOk', (f) => f.queue === queue),
        at('up', 'Basic.Publish', (f) => f.exchange === '' && f.routingKey === queue),
        at('down', 'Basic.Deliver', (f) => f.routingKey === queue && f.deliveryTag === tag),
        at('up', 'Basic.Ack', (f) => f.deliveryTag === tag),
      ];
      assert.deepEqual(
        order,
        [...order].sort((a, b) => a - b),
        `frames out of protocol order:\n${listing()}`,
      );
      const [header, body] = items.slice(order[8]! + 1).filter((i) => i.direction === 'down');
      assert.equal(header?.properties?.contentType, 'application/json');
      assert.equal(body?.body, BODY);
      assert.deepEqual(
        items.filter((i) => i.error),
        [],
      );
      for (const direction of ['up', 'down'] as const) {
        const decoded = items.filter((i) => i.direction === direction).reduce((sum, i) => sum + i.wireBytes, 0);
        assert.equal(decoded, proxy.forwarded[direction], `every ${direction} byte belongs to exactly one frame`);
      }
    } finally {
      if (connection) {
        const open = connection;
        await within(
          open.createChannel().then((channel) => channel.deleteQueue(queue)),
          2000,
          'Queue.DeleteOk',
        ).catch(() => undefined);
        await within(open.close(), 2000, 'Connection.CloseOk').catch(() => undefined);
      }
      await proxy.close();
    }
  });
});
