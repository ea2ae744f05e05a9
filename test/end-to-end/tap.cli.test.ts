import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import { after, describe, test } from 'node:test';
import amqp from 'amqplib';
import { WebSocket, WebSocketServer } from 'ws';
const amqpUrl = process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';
import { runCli, spawnCli, waitForOutput } from '../utils/cli.js';
import { HEADER, method, rawClient } from '../utils/raw-amqp.js';

const leftovers: Array<() => unknown> = [];
after(async () => {
  for (const dispose of leftovers.reverse()) await dispose();
});

async function listen(server: http.Server | net.Server): Promise<number> {
  // Every connection is destroyed at the end, so no keep-alive socket holds the close.
  const sockets = new Set<net.Socket>();
  server.on('connection', (socket: net.Socket) => sockets.add(socket.on('close', () => sockets.delete(socket))));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  leftovers.push(() => {
    for (const socket of sockets) socket.destroy();
    return new Promise((resolve) => server.close(resolve));
  });
  return (server.address() as net.AddressInfo).port;
}

function get(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) =>
    http
      .get(url, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on('error', reject),
  );
}

/** Starts `awt-demo tap`, waits for its banner and returns the address to use instead. */
async function startTapCli(args: string[]) {
  const child = spawnCli(['tap', ...args]);
  leftovers.push(() => child.kill('SIGKILL'));
  let banner = '';
  child.stderr!.on('data', (chunk: Buffer) => (banner += chunk.toString()));
  const seen = args.includes('--json')
    ? await new Promise<string>((resolve) => {
        const timer = setInterval(() => /Ctrl-C/.test(banner) && (clearInterval(timer), resolve(banner)), 20);
      })
    : await waitForOutput(child, /Ctrl-C ends the tap/);
  const url = /Use this address instead: (\S+)/.exec(seen)![1]!;
  const exit = new Promise<number | null>((resolve) => child.on('close', resolve));
  return { child, url, exit };
}

describe('awt-demo tap, through the built bin', () => {
  test('when a client sends a request through the tap then it is shown side by side, and Ctrl-C ends with 130', async () => {
    const port = await listen(
      http.createServer((_req, res) =>
        res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"hello":"tap"}'),
      ),
    );
    const { child, url, exit } = await startTapCli([`http://127.0.0.1:${port}/api`, '--width', '120']);
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/api$/);
    const shown = waitForOutput(child, /"hello": "tap"/);
    const reply = await get(`${url}/books`);
    assert.deepEqual(reply, { status: 200, body: '{"hello":"tap"}' });
    const output = await shown;
    assert.match(output, /GET \/api\/books HTTP\/1\.1 +│ HTTP\/1\.1 200 OK/);
    child.kill('SIGINT');
    assert.equal(await exit, 130);
  });

  test('when --json is given then stdout has one JSON object a line, WebSocket frames after the upgrade', async () => {
    const server = http.createServer();
    const wss = new WebSocketServer({ server });
    wss.on('connection', (socket) => socket.on('message', (data) => socket.send(`echo ${String(data)}`)));
    leftovers.push(() => wss.close());
    const port = await listen(server);
    const { child, url, exit } = await startTapCli([`http://127.0.0.1:${port}`, '--json']);
    let stdout = '';
    child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const ws = new WebSocket(url.replace(/^http/, 'ws'));
    const echoed = new Promise<string>((resolve) => ws.once('message', (data) => resolve(String(data))));
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    ws.send('hi');
    assert.equal(await echoed, 'echo hi');
    ws.close();
    await new Promise((resolve) => ws.once('close', resolve));
    child.kill('SIGINT');
    assert.equal(await exit, 130);
    const items = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { kind: string; upgraded?: boolean; text?: string });
    assert.equal(items[0]!.kind, 'http');
    assert.equal(items[0]!.upgraded, true);
    assert.ok(items.some((item) => item.kind === 'ws-frame'));
  });

  test('when the target does not listen then tap says so and exits 3 without waiting', async () => {
    const probe = net.createServer();
    const port = await listen(probe);
    await new Promise((resolve) => probe.close(resolve));
    const result = await runCli(['tap', `http://127.0.0.1:${port}/`], { timeoutMs: 10_000 });
    assert.equal(result.code, 3);
    assert.match(result.stderr, /Nothing answers at http:\/\/127\.0\.0\.1:\d+\/: no server accepts connections/);
    assert.doesNotMatch(result.stderr, /\n\s+at /);
  });

  test('when the URL is not http:// or amqp:// then it is a usage error (2) naming the forms', async () => {
    const result = await runCli(['tap', 'https://example.org/']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /expected http:\/\/host:port\/path \| amqp:\/\//);
  });

  test('when the server answers garbage then the bytes are reported as undecoded and the tap keeps running, and once the server stops each refused connection is reported', async () => {
    const garbage = net.createServer((socket) => {
      socket.on('error', () => undefined);
      socket.end(Buffer.from([0x00, 0xff, 0x13, 0x37, 0x0a, 0x0a]));
    });
    const port = await listen(garbage);
    const { child, url, exit } = await startTapCli([`http://127.0.0.1:${port}`]);
    // Both: the request (never answered) and the server's bytes that are not HTTP. This server
    // writes as soon as it accepts, so its bytes may cross the wire before the request does, or
    // after: either order is the wire's.
    const shown = waitForOutput(
      child,
      /no response: the connection closed first[\s\S]*6 B not decoded|6 B not decoded[\s\S]*no response: the connection closed first/,
    );
    await get(url).catch(() => undefined);
    const output = await shown;
    assert.match(output, /6 B not decoded/);
    assert.match(output, /GET \/ HTTP\/1\.1/);
    // Still forwarding: a second connection goes through too.
    await get(url).catch(() => undefined);
    // The target stops after the tap started (closed to new connections at once; the
    // callback would wait for the old ones).
    garbage.close();
    const refused = waitForOutput(child, /connection #\d+: the target did not accept it \(ECONNREFUSED\)/);
    await assert.rejects(get(url));
    await refused;
    child.kill('SIGINT');
    assert.equal(await exit, 130);
  });

  test('when the target resets a connection it had accepted then the tap does not call it unreachable', async () => {
    const resetting = http.createServer((req, res) => {
      if (req.url === '/reset') req.socket.resetAndDestroy();
      else res.end('ok');
    });
    const port = await listen(resetting);
    const { child, url } = await startTapCli([`http://127.0.0.1:${port}`, '--no-color']);
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await assert.rejects(get(`${url}reset`));
    // A request after it: once its answer is shown, whatever the tap said of the reset is shown too.
    const shown = waitForOutput(child, /GET \/ok HTTP\/1\.1[\s\S]*200 OK/);
    assert.equal((await get(`${url}ok`)).body, 'ok');
    await shown;
    assert.match(output, /GET \/reset HTTP\/1\.1/);
    assert.doesNotMatch(output, /did not accept/);
  });

  test('when an AMQP client talks to RabbitMQ through the tap then its frames are shown, a slow set-up folded too', async () => {
    const { child, url, exit } = await startTapCli([amqpUrl, '--width', '120']);
    assert.match(url, /^amqp:\/\/guest:guest@127\.0\.0\.1:\d+$/);
    const shown = waitForOutput(child, /Queue\.DeclareOk queue=amq\.gen-/);
    const connection = await amqp.connect(url);
    const channel = await connection.createChannel();
    await channel.assertQueue('', { exclusive: true });
    await connection.close();
    const output = await shown;
    assert.match(output, /connection set-up: AMQP 0-9-1, PLAIN login as guest/);

    // A client that answers Connection.Start only after the quiet that ends a burst of frames
    // (a busy machine's client): its set-up is still one line, not two parts of frames.
    const slowShown = waitForOutput(child, /Connection\.OpenOk|connection set-up/);
    const slow = await rawClient(Number(new URL(url).port));
    leftovers.push(() => slow.destroy());
    slow.send(HEADER);
    await slow.waitFor((f) => f.method === 'Connection.Start');
    await new Promise((resolve) => setTimeout(resolve, 400));
    const login = {
      clientProperties: {},
      mechanism: 'PLAIN',
      response: Buffer.from('\x00guest\x00guest'),
      locale: 'en_US',
    };
    slow.send(method(0x000a000b, 0, login));
    // RabbitMQ's limits taken as they come, as a client does; no heartbeats.
    const { channelMax, frameMax } = (await slow.waitFor((f) => f.method === 'Connection.Tune')).fields!;
    slow.send(method(0x000a001f, 0, { channelMax, frameMax, heartbeat: 0 }));
    slow.send(method(0x000a0028, 0, { virtualHost: '/', capabilities: '', insist: false }));
    await slow.waitFor((f) => f.method === 'Connection.OpenOk');
    assert.match(await slowShown, /connection set-up: AMQP 0-9-1, PLAIN login as guest/);
    child.kill('SIGINT');
    assert.equal(await exit, 130);
  });
});
