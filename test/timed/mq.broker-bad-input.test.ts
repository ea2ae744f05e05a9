/**
 * The embedded broker under hostile or broken clients: each case gets the answer the
 * spec asks for (AMQP 0-9-1 §4.2.2 for the header, §4.2.3 frames, §4.2.7 heartbeats,
 * §2.2.5 channels), and a well-behaved client on another connection keeps being served.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import amqp from 'amqplib';
import { startBroker, type EmbeddedBroker } from '../../demos/mq/broker/server.js';
import { bodyFrame, contentHeader, HEADER, method, openRaw, rawClient, type RawClient } from '../utils/raw-amqp.js';

const M = {
  ChannelOpen: 0x0014000a,
  ChannelClose: 0x00140028,
  BasicPublish: 0x003c0028,
  QueueDeclare: 0x0032000a,
};

// Each case is its own connection to the one broker (queues server-named and exclusive), and
// most of a case is waiting for the broker to close it, so the cases run side by side.
describe('the embedded broker and bad input', { concurrency: true }, () => {
  let broker: EmbeddedBroker;
  const leftovers: RawClient[] = [];

  before(async () => {
    // Heartbeat 1 s and a short handshake so the "silent client" cases finish quickly.
    broker = await startBroker({ port: 0, limits: { heartbeat: 1, handshakeMs: 1500 } });
  });
  after(async () => {
    for (const client of leftovers) client.destroy();
    await broker.close();
  });

  const raw = async (heartbeat?: number) => {
    const client = heartbeat === undefined ? await rawClient(broker.port) : await openRaw(broker.port, heartbeat);
    leftovers.push(client);
    return client;
  };

  /** A well-behaved amqplib client still gets its message round trip. */
  async function stillServes(): Promise<void> {
    const connection = await amqp.connect(broker.url);
    try {
      const channel = await connection.createChannel();
      const { queue } = await channel.assertQueue('', { exclusive: true });
      channel.sendToQueue(queue, Buffer.from('still here'));
      const message = await new Promise<amqp.ConsumeMessage>((resolve) =>
        channel.consume(queue, (m) => m && resolve(m), { noAck: true }),
      );
      assert.equal(String(message.content), 'still here');
    } finally {
      await connection.close();
    }
  }

  test('when a client sends HTTP instead of the protocol header then the broker answers with its header and closes', async () => {
    const client = await raw();
    client.send(Buffer.from('GET / HTTP/1.1\r\nHost: x\r\n\r\n'));
    await client.closed();
    assert.deepEqual(client.bytes(), HEADER);
    await stillServes();
  });

  test('when a client asks for another protocol version then the broker answers with 0-9-1 and closes', async () => {
    const client = await raw();
    client.send(Buffer.from('AMQP\x01\x01\x00\x0a', 'latin1'));
    await client.closed();
    assert.deepEqual(client.bytes(), HEADER);
    await stillServes();
  });

  test('when a frame is larger than frame_max then the broker closes the connection with 501 FRAME_ERROR', async () => {
    const client = await raw(0);
    const huge = Buffer.alloc(7);
    huge[0] = 1;
    huge.writeUInt16BE(1, 1);
    huge.writeUInt32BE(10 * 1024 * 1024, 3);
    client.send(huge);
    const close = await client.waitFor((f) => f.method === 'Connection.Close');
    assert.equal(close.fields?.replyCode, 501);
    assert.match(String(close.fields?.replyText), /^FRAME_ERROR - frame of \d+ bytes is larger than frame_max 131072/);
    await client.closed();
    await stillServes();
  });

  test('when a frame does not end in 0xce then the broker closes with 501 FRAME_ERROR', async () => {
    const client = await raw(0);
    const frame = method(M.ChannelOpen, 1, { outOfBand: '' });
    frame[frame.length - 1] = 0x00;
    client.send(frame);
    const close = await client.waitFor((f) => f.method === 'Connection.Close');
    assert.equal(close.fields?.replyCode, 501);
    await client.closed();
  });

  test('when a client sends half a frame and hangs up then nothing breaks and others are served', async () => {
    const client = await raw(0);
    client.send(method(M.ChannelOpen, 1, { outOfBand: '' }).subarray(0, 5));
    client.destroy();
    await stillServes();
  });

  test('when a method arrives on a channel that was never opened then the broker closes with 504 CHANNEL_ERROR', async () => {
    const client = await raw(0);
    client.send(method(M.QueueDeclare, 3, { queue: 'x', arguments: {} }));
    const close = await client.waitFor((f) => f.method === 'Connection.Close');
    assert.equal(close.fields?.replyCode, 504);
    assert.equal(close.fields?.classId, 50);
    assert.match(String(close.fields?.replyText), /^CHANNEL_ERROR - expected 'channel.open'/);
  });

  test('when a method arrives on a channel the client closed then the broker closes with 504 CHANNEL_ERROR', async () => {
    const client = await raw(0);
    client.send(method(M.ChannelOpen, 1, { outOfBand: '' }));
    await client.waitFor((f) => f.method === 'Channel.OpenOk');
    client.send(method(M.ChannelClose, 1, { replyCode: 200, replyText: 'bye', classId: 0, methodId: 0 }));
    await client.waitFor((f) => f.method === 'Channel.CloseOk');
    client.send(method(M.QueueDeclare, 1, { queue: 'x', arguments: {} }));
    const close = await client.waitFor((f) => f.method === 'Connection.Close');
    assert.equal(close.fields?.replyCode, 504);
  });

  test('when a body frame comes without a publish then the broker closes with 505 UNEXPECTED_FRAME', async () => {
    const client = await raw(0);
    client.send(method(M.ChannelOpen, 1, { outOfBand: '' }));
    await client.waitFor((f) => f.method === 'Channel.OpenOk');
    client.send(bodyFrame(1, Buffer.from('stray')));
    const close = await client.waitFor((f) => f.method === 'Connection.Close');
    assert.equal(close.fields?.replyCode, 505);
  });

  test('when a body is longer than its content header said then the broker closes with 501 FRAME_ERROR', async () => {
    const client = await raw(0);
    client.send(method(M.ChannelOpen, 1, { outOfBand: '' }));
    await client.waitFor((f) => f.method === 'Channel.OpenOk');
    client.send(method(M.BasicPublish, 1, { exchange: '', routingKey: 'nowhere' }));
    client.send(contentHeader(1, 3));
    client.send(bodyFrame(1, Buffer.from('far too long')));
    const close = await client.waitFor((f) => f.method === 'Connection.Close');
    assert.equal(close.fields?.replyCode, 501);
  });

  test('when a content header announces more than 128 MiB then the channel is closed with 406 before anything is buffered', async () => {
    const client = await raw(0);
    client.send(method(M.ChannelOpen, 1, { outOfBand: '' }));
    await client.waitFor((f) => f.method === 'Channel.OpenOk');
    client.send(method(M.BasicPublish, 1, { exchange: '', routingKey: 'nowhere' }));
    client.send(contentHeader(1, 2 ** 40));
    const close = await client.waitFor((f) => f.method === 'Channel.Close');
    assert.equal(close.fields?.replyCode, 406);
    assert.match(String(close.fields?.replyText), /larger than configured max size/);
  });

  test('when a method frame is cut short inside its arguments then the broker closes with 502 SYNTAX_ERROR', async () => {
    const client = await raw(0);
    client.send(method(M.ChannelOpen, 1, { outOfBand: '' }));
    await client.waitFor((f) => f.method === 'Channel.OpenOk');
    const frame = Buffer.from([1, 0, 1, 0, 0, 0, 6, 0, 0x32, 0, 0x0a, 0, 9, 0xce]);
    client.send(frame);
    const close = await client.waitFor((f) => f.method === 'Connection.Close');
    assert.equal(close.fields?.replyCode, 502);
  });

  test('when the login is wrong then the broker says 403 ACCESS_REFUSED and closes', async () => {
    const error = await amqp.connect(broker.url.replace('guest:guest', 'guest:wrong')).then(
      (c) => c.close().then(() => undefined),
      (e: Error) => e,
    );
    assert.match(String(error?.message), /ACCESS_REFUSED - Login was refused using authentication mechanism PLAIN/);
  });

  test('when the virtual host does not exist then the broker closes with 530 NOT_ALLOWED', async () => {
    const error = await amqp.connect(`${broker.url}/shop`).then(
      (c) => c.close().then(() => undefined),
      (e: Error) => e,
    );
    assert.match(String(error?.message), /ConnectionClose|NOT_ALLOWED/);
  });

  test('when a client never answers heartbeats then the broker closes its socket and serves the others', async () => {
    // Heartbeat 1 s negotiated, then silence: two silent intervals and the socket is gone (§4.2.7).
    const client = await raw(1);
    await client.closed(6000);
    assert.ok(
      client.frames.some((f) => f.frameType === 'heartbeat'),
      'the broker sent heartbeats first',
    );
    await stillServes();
  });

  test('when a client connects and never completes the handshake then the broker drops it after the handshake timeout', async () => {
    const client = await raw();
    client.send(HEADER);
    await client.waitFor((f) => f.method === 'Connection.Start');
    await client.closed(5000);
  });
});
