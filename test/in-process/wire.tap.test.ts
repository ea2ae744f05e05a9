import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import { describe, test } from 'node:test';
import { AwtError, listenError } from '../../demos/core/errors.js';
import { createHttpClient } from '../../demos/wire/http-client.js';
import { httpBehindTap } from '../../demos/wire/http-behind-tap.js';
import { httpExchanges } from '../../demos/wire/http-facts.js';

const echo: http.RequestListener = (req, res) => {
  let body = '';
  req.on('data', (chunk: Buffer) => (body += chunk.toString()));
  req.on('end', () => {
    // Chunked on purpose: no Content-Length, so Node frames the body in chunks.
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    res.write('you sent: ');
    res.end(body);
  });
};

describe('wire tap', () => {
  test('when a client talks through the tap then the bytes counted equal the bytes sent, both ways', async () => {
    const server = await httpBehindTap(echo);
    const client = createHttpClient(server.url);
    try {
      const reply = await client.send({ method: 'POST', path: '/echo', body: 'héllo' });
      assert.equal(reply.text, 'you sent: héllo');
      await client.send({ path: '/again' });
      const [first, second] = httpExchanges(server.tap.items);
      assert.equal(first!.request.body, 'héllo');
      assert.equal(first!.response!.chunked, true);
      assert.equal(second!.onConnection, 2);
      const [connection] = server.tap.connections;
      const up = [first!, second!].reduce((n, e) => n + Buffer.byteLength(e.request.raw), 0);
      const down = [first!, second!].reduce((n, e) => n + Buffer.byteLength(e.response!.raw), 0);
      assert.equal(connection!.bytesUp, up);
      assert.equal(connection!.bytesDown, down);
    } finally {
      client.close();
      await server.close();
    }
  });

  test('when the tap is closed then its port no longer accepts connections', async () => {
    const server = await httpBehindTap(echo);
    await server.close();
    await assert.rejects(
      new Promise((resolve, reject) =>
        net.connect(server.tap.port, '127.0.0.1', () => resolve(undefined)).on('error', reject),
      ),
      /ECONNREFUSED/,
    );
  });

  test('when the port asked for is taken then the error becomes AWT_PORT_IN_USE, not a crash', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = blocker.address() as net.AddressInfo;
      await assert.rejects(httpBehindTap(echo, { port }), (error: unknown) => {
        const said = listenError(error);
        assert.ok(said instanceof AwtError);
        assert.equal(said.code, 'AWT_PORT_IN_USE');
        assert.deepEqual(said.params, { port });
        assert.equal(said.exitCode, 4);
        return true;
      });
    } finally {
      blocker.close();
    }
  });
});
