/**
 * What the embedded broker does beyond the demo's steps, as RabbitMQ does it: TTL and
 * dead-lettering, max-length, queue expiry, Basic.Get, requeue and redelivery, recover,
 * exclusive consumers, auto-delete, purge and delete, and the 540 refusals.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import amqp from 'amqplib';
import { startBroker, type EmbeddedBroker } from '../../demos/mq/broker/server.js';

type Err = Error & { code?: number };

describe('the embedded broker behaves like RabbitMQ', () => {
  let broker: EmbeddedBroker;
  let connection: amqp.ChannelModel;
  const errors: Err[] = [];

  before(async () => {
    broker = await startBroker({ port: 0 });
    connection = await amqp.connect(broker.url);
    connection.on('error', (e: Err) => errors.push(e));
  });
  after(async () => {
    await connection.close().catch(() => undefined);
    await broker.close();
  });

  const channel = async () => {
    const ch = await connection.createChannel();
    ch.on('error', (e: Err) => errors.push(e));
    return ch;
  };

  /** Runs `work` on a fresh connection and returns the error that closed it (hard errors). */
  async function connectionError(work: (ch: amqp.Channel) => Promise<unknown>): Promise<Err> {
    const c = await amqp.connect(broker.url);
    const closed = new Promise<Err>((resolve) => c.on('error', resolve));
    const ch = await c.createChannel();
    ch.on('error', () => undefined);
    await (async () => work(ch))().catch(() => undefined);
    return closed;
  }

  const next = (ch: amqp.Channel, queue: string, options: amqp.Options.Consume = { noAck: true }) =>
    new Promise<amqp.ConsumeMessage>((resolve) => void ch.consume(queue, (m) => m && resolve(m), options));

  test('when a message outlives x-message-ttl then it is dead-lettered with reason expired', async () => {
    const ch = await channel();
    await ch.assertExchange('dlx-ttl', 'fanout', { durable: false });
    const { queue: dead } = await ch.assertQueue('', { exclusive: true });
    await ch.bindQueue(dead, 'dlx-ttl', '');
    await ch.assertQueue('short-lived', { messageTtl: 20, deadLetterExchange: 'dlx-ttl' });
    ch.sendToQueue('short-lived', Buffer.from('stale'));
    const message = await next(ch, dead);
    const death = (message.properties.headers?.['x-death'] as unknown as Array<Record<string, unknown>>)[0]!;
    assert.equal(String(message.content), 'stale');
    assert.equal(death.reason, 'expired');
    assert.equal(death.queue, 'short-lived');
    assert.equal(message.properties.headers?.['x-first-death-reason'], 'expired');
    assert.equal((await ch.checkQueue('short-lived')).messageCount, 0);
  });

  test('when a per-message expiration passes then the message is gone from the queue', async () => {
    const ch = await channel();
    await ch.assertQueue('expiring', { durable: false });
    ch.sendToQueue('expiring', Buffer.from('x'), { expiration: '10' });
    ch.sendToQueue('expiring', Buffer.from('y'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const got = await ch.get('expiring', { noAck: true });
    assert.equal(got && String(got.content), 'y');
  });

  test('when x-max-length is exceeded then the oldest message is dropped and dead-lettered as maxlen', async () => {
    const ch = await channel();
    await ch.assertExchange('dlx-max', 'fanout', { durable: false });
    const { queue: dead } = await ch.assertQueue('', { exclusive: true });
    await ch.bindQueue(dead, 'dlx-max', '');
    await ch.assertQueue('bounded', { maxLength: 2, deadLetterExchange: 'dlx-max' });
    for (const n of [1, 2, 3]) ch.sendToQueue('bounded', Buffer.from(String(n)));
    const dropped = await next(ch, dead);
    assert.equal(String(dropped.content), '1');
    assert.equal(
      (dropped.properties.headers?.['x-death'] as unknown as Array<Record<string, unknown>>)[0]!.reason,
      'maxlen',
    );
    assert.equal((await ch.checkQueue('bounded')).messageCount, 2);
  });

  test('when a queue with x-expires is unused for that long then it is deleted', async () => {
    const ch = await channel();
    await ch.assertQueue('ephemeral', { expires: 30 });
    await new Promise((resolve) => setTimeout(resolve, 120));
    const probe = await channel();
    const error = await probe.checkQueue('ephemeral').then(
      () => undefined,
      (e: Err) => e,
    );
    assert.equal(error?.code, 404);
  });

  test('when Basic.Get finds messages then GetOk counts the rest, and an empty queue answers GetEmpty', async () => {
    const ch = await channel();
    await ch.assertQueue('gettable', { durable: false });
    ch.sendToQueue('gettable', Buffer.from('a'));
    ch.sendToQueue('gettable', Buffer.from('b'));
    const first = await ch.get('gettable');
    assert.ok(first);
    assert.equal(String(first.content), 'a');
    assert.equal(first.fields.messageCount, 1);
    ch.ack(first);
    await ch.get('gettable', { noAck: true });
    assert.equal(await ch.get('gettable'), false);
  });

  test('when a delivery is nacked with requeue then it comes back first, marked redelivered', async () => {
    const ch = await channel();
    await ch.assertQueue('requeue', { durable: false });
    ch.sendToQueue('requeue', Buffer.from('one'));
    ch.sendToQueue('requeue', Buffer.from('two'));
    const first = await ch.get('requeue');
    assert.ok(first && !first.fields.redelivered);
    ch.nack(first, false, true);
    const again = await ch.get('requeue', { noAck: true });
    assert.ok(again);
    assert.equal(String(again.content), 'one');
    assert.equal(again.fields.redelivered, true);
  });

  test('when Basic.Recover is sent then unacked deliveries are redelivered', async () => {
    const ch = await channel();
    await ch.assertQueue('recover', { durable: false });
    ch.sendToQueue('recover', Buffer.from('again'));
    const seen: amqp.ConsumeMessage[] = [];
    const twice = new Promise<void>((resolve) => {
      void ch.consume('recover', (m) => {
        if (m) seen.push(m);
        if (seen.length === 2) resolve();
      });
    });
    while (seen.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    await ch.recover();
    await twice;
    assert.deepEqual(
      seen.map((m) => m.fields.redelivered),
      [false, true],
    );
  });

  test('when a queue has an exclusive consumer then a second consumer is refused with 403', async () => {
    const ch = await channel();
    await ch.assertQueue('solo', { durable: false });
    await ch.consume('solo', () => undefined, { exclusive: true });
    const other = await channel();
    const error = await other
      .consume('solo', () => undefined)
      .then(
        () => undefined,
        (e: Err) => e,
      );
    assert.equal(error?.code, 403);
    assert.match(String(error?.message), /ACCESS_REFUSED - queue 'solo' in vhost '\/' in exclusive use/);
  });

  test('when the last consumer of an auto-delete queue cancels then the queue is gone', async () => {
    const ch = await channel();
    await ch.assertQueue('auto', { autoDelete: true, durable: false });
    const { consumerTag } = await ch.consume('auto', () => undefined);
    await ch.cancel(consumerTag);
    const error = await (await channel()).checkQueue('auto').then(
      () => undefined,
      (e: Err) => e,
    );
    assert.equal(error?.code, 404);
  });

  test('when a queue is deleted under a consumer then the client is told with Basic.Cancel', async () => {
    const ch = await channel();
    await ch.assertQueue('doomed', { durable: false });
    const cancelled = new Promise<null>((resolve) => void ch.consume('doomed', (m) => m === null && resolve(m)));
    await (await channel()).deleteQueue('doomed');
    assert.equal(await cancelled, null);
  });

  test('when purge and delete ifEmpty are used then counts and refusals are as in RabbitMQ', async () => {
    const ch = await channel();
    await ch.assertQueue('full', { durable: false });
    ch.sendToQueue('full', Buffer.from('1'));
    ch.sendToQueue('full', Buffer.from('2'));
    await ch.checkQueue('full');
    const refused = await ch.deleteQueue('full', { ifEmpty: true }).then(
      () => undefined,
      (e: Err) => e,
    );
    assert.equal(refused?.code, 406);
    const again = await channel();
    assert.equal((await again.purgeQueue('full')).messageCount, 2);
    assert.equal((await again.deleteQueue('full', { ifEmpty: true })).messageCount, 0);
  });

  test('when a delivery tag is acked that was never delivered then the channel closes with 406', async () => {
    const ch = await channel();
    const closed = new Promise<Err>((resolve) => ch.once('error', resolve));
    ch.ack({ fields: { deliveryTag: 42 } } as amqp.Message);
    const error = await closed;
    assert.equal(error.code, 406);
    assert.match(error.message, /PRECONDITION_FAILED - unknown delivery tag 42/);
  });

  test('when a consumer tag is reused on a channel then the connection closes with 530', async () => {
    const error = await connectionError(async (ch) => {
      await ch.assertQueue('tagged', { durable: false });
      await ch.consume('tagged', () => undefined, { consumerTag: 'same' });
      await ch.consume('tagged', () => undefined, { consumerTag: 'same' });
    });
    assert.equal(error.code, 530);
  });

  test('when what the broker does not implement is asked for then it refuses with 540, never silently', async () => {
    const size = await connectionError((ch) => qosWithSize(ch));
    assert.equal(size.code, 540);
    const priority = await connectionError((ch) => ch.assertQueue('prio', { maxPriority: 5 }));
    assert.equal(priority.code, 540);
    assert.match(priority.message, /x-max-priority/);
    const e2e = await connectionError((ch) => ch.bindExchange('amq.fanout', 'amq.direct', ''));
    assert.equal(e2e.code, 540);
  });

  test('when an exchange type does not exist then the connection closes with 503 COMMAND_INVALID', async () => {
    const error = await connectionError((ch) => ch.assertExchange('weird', 'x-consistent-hash'));
    assert.equal(error.code, 503);
    assert.match(error.message, /invalid exchange type 'x-consistent-hash'/);
  });

  test('when names start with amq. or the default exchange is bound then 403 ACCESS_REFUSED', async () => {
    const ch = await channel();
    const reserved = await ch.assertQueue('amq.mine').then(
      () => undefined,
      (e: Err) => e,
    );
    assert.match(String(reserved?.message), /ACCESS_REFUSED - queue name 'amq.mine' contains reserved prefix 'amq.\*'/);
    const ch2 = await channel();
    await ch2.assertQueue('plain', { durable: false });
    const bound = await ch2.bindQueue('plain', '', 'x').then(
      () => undefined,
      (e: Err) => e,
    );
    assert.match(String(bound?.message), /operation not permitted on the default exchange/);
  });

  test('when the connection of an exclusive queue closes then the queue is deleted', async () => {
    const owner = await amqp.connect(broker.url);
    const ch = await owner.createChannel();
    const { queue } = await ch.assertQueue('', { exclusive: true });
    assert.match(queue, /^amq\.gen-[A-Za-z0-9_-]{22}$/);
    const locked = await (await channel()).checkQueue(queue).then(
      () => undefined,
      (e: Err) => e,
    );
    assert.equal(locked?.code, 405);
    await owner.close();
    const gone = await (await channel()).checkQueue(queue).then(
      () => undefined,
      (e: Err) => e,
    );
    assert.equal(gone?.code, 404);
  });
});

/** amqplib has no API for prefetch-size; Basic.Qos with a size goes through its low-level rpc. */
function qosWithSize(ch: amqp.Channel): Promise<unknown> {
  const rpc = (ch as unknown as { rpc(id: number, fields: object, expect: number): Promise<unknown> }).rpc.bind(ch);
  return rpc(0x003c000a, { prefetchSize: 1024, prefetchCount: 1, global: false }, 0x003c000b);
}
