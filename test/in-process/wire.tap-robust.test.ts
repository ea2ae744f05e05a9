/**
 * The tap as a proxy: it must behave on the socket exactly as if it were not there —
 * half-close, large answers cut by a close, a slow reader — and a failing decoder or
 * live view must not cost a single forwarded byte.
 */
import assert from 'node:assert/strict';
import net from 'node:net';
import { describe, test } from 'node:test';
import type { DecoderFactory } from '../../demos/wire/decoder.js';
import { httpDecoder } from '../../demos/wire/http-decoder.js';
import { httpExchanges } from '../../demos/wire/http-facts.js';
import { liveWindow, startTap, type Tap } from '../../demos/wire/tap.js';
import type { WireItem } from '../../demos/wire/trace.js';
import { decodeChunks } from '../utils/decode.js';

const countingDecoder: DecoderFactory = () => ({ push: () => undefined, end: () => undefined });

/** A raw TCP server with a tap in front; `onSocket` plays the server's part. */
async function tapped(
  onSocket: (socket: net.Socket) => void,
  options: { decoder?: DecoderFactory; onItem?: (item: WireItem) => void } = {},
): Promise<{ tap: Tap; close(): Promise<void> } & AsyncDisposable> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer({ allowHalfOpen: true }, (socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    onSocket(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const tap = await startTap({
    target: { host: '127.0.0.1', port: (server.address() as net.AddressInfo).port },
    decoder: options.decoder ?? countingDecoder,
    ...(options.onItem ? { onItem: options.onItem } : {}),
  });
  const close = async () => {
    await tap.close();
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  };
  return { tap, close, [Symbol.asyncDispose]: close };
}

function connect(tap: Tap, options: { allowHalfOpen?: boolean } = {}): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ port: tap.port, host: '127.0.0.1', ...options }, () => resolve(socket));
    socket.once('error', reject);
  });
}

/** Everything the socket receives until the other side ends it. */
function readAll(socket: net.Socket): Promise<Buffer> {
  const chunks: Buffer[] = [];
  socket.on('data', (chunk: Buffer) => chunks.push(chunk));
  return new Promise((resolve, reject) => {
    socket.once('end', () => resolve(Buffer.concat(chunks)));
    socket.once('error', reject);
  });
}

describe('the tap as a TCP proxy', () => {
  test('when the client half-closes then the server still answers, and the answer reaches the client', async () => {
    await using server = await tapped((socket) => {
      const got: Buffer[] = [];
      socket.on('data', (chunk: Buffer) => got.push(chunk));
      // Answers only after the client's FIN, as a shutdown(SHUT_WR) protocol does.
      socket.on('end', () => socket.end(`you said ${Buffer.concat(got).toString()}`));
    });
    const client = await connect(server.tap, { allowHalfOpen: true });
    const answer = readAll(client);
    client.end('hello');
    assert.equal((await answer).toString(), 'you said hello');
    client.destroy();
  });

  test('when the server writes a large answer and closes at once then every byte reaches a slow client', async () => {
    const size = 24 * 1024 * 1024;
    await using server = await tapped((socket) => socket.end(Buffer.alloc(size, 0x61)));
    const client = await connect(server.tap);
    client.pause();
    // The server has closed long before the client reads: the tap must flush, not drop.
    await new Promise((resolve) => setTimeout(resolve, 300));
    client.resume();
    const received = await readAll(client);
    assert.equal(received.length, size);
    client.destroy();
  });

  test('when the server does not read then the client is held back (backpressure), not buffered in the tap', async () => {
    await using server = await tapped((socket) => socket.pause());
    const client = await connect(server.tap);
    const chunk = Buffer.alloc(1024 * 1024);
    let written = 0;
    // Bounded: at most 512 MiB are offered; a tap without backpressure takes all of them.
    while (written < 512 * 1024 * 1024) {
      written += chunk.length;
      if (!client.write(chunk)) {
        const drained = await Promise.race([
          new Promise((resolve) => client.once('drain', () => resolve(true))),
          new Promise((resolve) => setTimeout(() => resolve(false), 500)),
        ]);
        if (!drained) break;
      }
    }
    assert.ok(written < 256 * 1024 * 1024, `${written / 1024 / 1024} MiB went into the tap`);
    client.destroy();
  });

  test('when the decoder throws then the bytes are still forwarded and the failure is one undecoded item', async () => {
    const items: WireItem[] = [];
    const failing: DecoderFactory = () => ({
      push: () => {
        throw new RangeError('Maximum call stack size exceeded');
      },
      end: () => undefined,
    });
    await using server = await tapped((socket) => socket.pipe(socket), {
      decoder: failing,
      onItem: (item) => items.push(item),
    });
    const client = await connect(server.tap, { allowHalfOpen: true });
    const echo = readAll(client);
    client.write('one');
    client.end('two');
    assert.equal((await echo).toString(), 'onetwo');
    await server.tap.settled();
    assert.equal(items.length, 1);
    assert.match((items[0] as { reason: string }).reason, /decoder failed: Maximum call stack/);
    client.destroy();
  });

  test('when the live view throws then the tap keeps forwarding and decoding', async () => {
    let calls = 0;
    await using server = await tapped((socket) => socket.end('HTTP/1.1 204 No Content\r\n\r\n'), {
      decoder: httpDecoder(),
      onItem: () => {
        calls++;
        throw new Error('render failed');
      },
    });
    for (let i = 0; i < 3; i++) {
      const client = await connect(server.tap);
      const answer = readAll(client);
      client.write('GET / HTTP/1.1\r\nHost: x\r\n\r\n');
      assert.match((await answer).toString(), /^HTTP\/1\.1 204/);
      client.destroy();
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    await server.tap.settled();
    assert.equal(calls, 3);
  });

  test('when a live consumer is attached then the tap keeps a bounded window of recent items', async () => {
    let seen = 0;
    await using server = await tapped(
      (socket) => {
        socket.on('data', (chunk: Buffer) => {
          const requests = chunk.toString().split('\r\n\r\n').length - 1;
          socket.write('HTTP/1.1 204 No Content\r\n\r\n'.repeat(requests));
        });
      },
      { decoder: httpDecoder(), onItem: () => seen++ },
    );
    const client = await connect(server.tap);
    const total = liveWindow * 3;
    let answered = 0;
    const done = new Promise<void>((resolve) =>
      client.on('data', (chunk: Buffer) => {
        answered += chunk.toString().split('HTTP/1.1 204').length - 1;
        if (answered >= total) resolve();
      }),
    );
    client.write('GET / HTTP/1.1\r\nHost: x\r\n\r\n'.repeat(total));
    await done;
    await server.tap.settled();
    assert.equal(seen, total);
    assert.ok(server.tap.items.length <= liveWindow * 2, `${server.tap.items.length} items kept`);
    client.destroy();
  });
});

describe('the HTTP decoder after a declined upgrade', () => {
  test('when "Upgrade: h2c" is answered 200 then the next request on the connection is still recorded', () => {
    const items = decodeChunks(httpDecoder(), [
      [
        'up',
        'GET /books HTTP/1.1\r\nHost: x\r\nConnection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\nHTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA\r\n\r\nGET /again HTTP/1.1\r\nHost: x\r\n\r\n',
      ],
      ['down', 'HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n[]'],
      ['down', 'HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nsame'],
      ['up', 'GET /third HTTP/1.1\r\nHost: x\r\n\r\n'],
      ['down', 'HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n'],
    ]);
    const exchanges = httpExchanges(items);
    assert.deepEqual(
      exchanges.map((e) => [e.request.target, e.response?.status, e.onConnection]),
      [
        ['/books', 200, 1],
        ['/again', 200, 2],
        ['/third', 200, 3],
      ],
    );
    assert.equal(
      items.some((i) => i.kind === 'undecoded'),
      false,
    );
  });
});
