import assert from 'node:assert/strict';
import net from 'node:net';
import { after, describe, test } from 'node:test';
import { AwtError } from '../../demos/core/errors.js';
import { resolveBrokerUrl, viaTap } from '../../demos/core/broker-url.js';
import { numberWords } from '../../demos/core/numbers.js';
import { startMq } from '../../demos/mq/session.js';
import { mqStep } from '../../demos/mq/step.js';
import type { MqSession } from '../../demos/mq/session.js';
import { stalled, within } from '../../demos/mq/wait.js';
import { en } from '../../lessons/mq/en.js';
import { closedPort } from '../utils/closed-port.js';
import { runMqStep } from '../utils/mq.js';
import { assertNothingLeft } from '../utils/broker-leftovers.js';

const brokerUrl = process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';

/** A TCP server that behaves like no AMQP broker: `silent` accepts and says nothing, `http` answers HTTP. */
async function impostor(kind: 'silent' | 'http') {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    if (kind === 'http') socket.once('data', () => socket.end('HTTP/1.1 400 Bad Request\r\n\r\n'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    url: `amqp://guest:guest@127.0.0.1:${port}`,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

async function brokerError(url: string): Promise<{ error: AwtError; ms: number }> {
  const started = performance.now();
  // --broker rabbitmq: auto would start the embedded broker when nothing answers.
  const error = await startMq({ amqpUrl: url, broker: 'rabbitmq' }).then(
    async (session) => {
      await session.close();
      throw new Error(`connected to ${url}`);
    },
    (e: unknown) => e,
  );
  assert.ok(error instanceof AwtError, String(error));
  return { error, ms: performance.now() - started };
}

describe('the broker URL', () => {
  test('when --amqp-url is given then it wins over AMQP_URL, which wins over the default', () => {
    const env = { AMQP_URL: 'amqp://env:pw@10.0.0.1:5673/shop' };
    assert.equal(resolveBrokerUrl('amqp://flag@127.0.0.2', env).shown, 'amqp://flag@127.0.0.2');
    const fromEnv = resolveBrokerUrl(undefined, env);
    assert.deepEqual([fromEnv.host, fromEnv.port, fromEnv.shown], ['10.0.0.1', 5673, 'amqp://env@10.0.0.1:5673/shop']);
    const fallback = resolveBrokerUrl(undefined, {});
    assert.deepEqual([fallback.host, fallback.port], ['127.0.0.1', 5672]);
    assert.equal(resolveBrokerUrl('amqp://[::1]:5999', {}).host, '::1');
  });

  test('when the URL is not amqp:// then AWT_BAD_OPTION names where it came from and hides the password', () => {
    assert.throws(
      () => resolveBrokerUrl('amqps://reader:s3cret@broker.example', {}),
      (error: AwtError) =>
        error.code === 'AWT_BAD_OPTION' &&
        error.exitCode === 2 &&
        JSON.stringify(error.params) ===
          JSON.stringify({
            option: '--amqp-url',
            value: 'amqps://reader@broker.example',
            expected: 'amqp://user:password@host:port/vhost',
          }),
    );
    assert.throws(
      () => resolveBrokerUrl(undefined, { AMQP_URL: 'localhost:5672' }),
      (error: AwtError) =>
        error.code === 'AWT_BAD_OPTION' && (error.params as { option: string }).option === 'AMQP_URL',
    );
  });

  test('when the tap stands in front then the URL keeps user, password, vhost and query', () => {
    const address = resolveBrokerUrl('amqp://reader:s3cret@10.0.0.1:5673/shop?heartbeat=5', {});
    assert.equal(viaTap(address, 4100), 'amqp://reader:s3cret@127.0.0.1:4100/shop?heartbeat=5');
  });
});

describe('reaching the broker', () => {
  const leftovers: Array<() => Promise<void>> = [];
  after(async () => {
    for (const close of leftovers) await close();
  });

  test('when nothing listens on the port then AWT_BROKER_UNREACHABLE (refused, exit code 3) comes at once', async () => {
    const port = await closedPort();
    const { error, ms } = await brokerError(`amqp://guest:guest@127.0.0.1:${port}`);
    assert.equal(error.code, 'AWT_BROKER_UNREACHABLE');
    assert.equal(error.exitCode, 3);
    assert.deepEqual(error.params, {
      url: `amqp://guest@127.0.0.1:${port}`,
      reason: 'refused',
      detail: 'ECONNREFUSED',
    });
    assert.ok(ms < 1000, `${ms} ms`);
  });

  test('when the port accepts but never answers then the check gives up within 3 s', async () => {
    const server = await impostor('silent');
    leftovers.push(server.close);
    const { error, ms } = await brokerError(server.url);
    assert.equal((error.params as { reason: string }).reason, 'timeout');
    assert.ok(ms < 3000, `${ms} ms`);
  });

  test('when something other than AMQP answers then it is named as not an AMQP broker', async () => {
    const server = await impostor('http');
    leftovers.push(server.close);
    const { error, ms } = await brokerError(server.url);
    assert.equal((error.params as { reason: string }).reason, 'not-amqp');
    assert.ok(ms < 3000, `${ms} ms`);
  });

  test('when the password is wrong then the broker refuses the login, and the message says so', async () => {
    const url = new URL(brokerUrl);
    url.password = 'not-the-password';
    const { error } = await brokerError(url.href);
    assert.equal((error.params as { reason: string }).reason, 'login');
    assert.match((error.params as { detail: string }).detail, /ACCESS_REFUSED/);
    assert.doesNotMatch(JSON.stringify(error.params), /not-the-password/);
  });
});

describe('names and clean-up', () => {
  test('when a step has run then none of the queues and exchanges it declared is left on the broker', async () => {
    const { declared } = await runMqStep('dead-letter');
    assert.equal(declared.queues.length, 2);
    assert.equal(declared.exchanges.length, 1);
    const names = [...declared.queues, ...declared.exchanges];
    assert.ok(
      names.every((name) => /^awt-[0-9a-f]{6}\./.test(name)),
      names.join(', '),
    );
    await assertNothingLeft(brokerUrl, declared);
  });

  test('when two sessions run side by side then their names differ', async () => {
    const [a, b] = await Promise.all([startMq(), startMq()]);
    try {
      assert.notEqual(a.queue('orders'), b.queue('orders'));
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});

describe('failures in the middle of a run', () => {
  test('when the broker went away during a step then the step fails with AWT_BROKER_UNREACHABLE (lost), not a stack trace', async () => {
    const session = {
      lost: true,
      address: resolveBrokerUrl(undefined, {}),
      closeParties: async () => undefined,
    } as unknown as MqSession;
    const step = mqStep('hello', async () => {
      throw new Error('Channel closed');
    });
    await assert.rejects(
      step.run({ session, lesson: en, numbers: numberWords('en'), items: () => [] }),
      (error: AwtError) =>
        error.code === 'AWT_BROKER_UNREACHABLE' && (error.params as { reason: string }).reason === 'lost',
    );
  });

  test('when the broker stops answering then a wait ends in AWT_BROKER_UNREACHABLE (stalled)', async () => {
    await assert.rejects(
      within(new Promise(() => undefined), 20, () => stalled('amqp://guest@127.0.0.1:5672', 'Basic.Deliver', 20)),
      (error: AwtError) =>
        error.exitCode === 3 && JSON.stringify(error.params).includes('"reason":"stalled","detail":"Basic.Deliver"'),
    );
  });
});
