import assert from 'node:assert/strict';
import http from 'node:http';
import { describe, test } from 'node:test';
import { WebSocket } from 'ws';
import type { Trace } from '../../demos/wire/trace.js';
import { ansi, pinnedView, quitAfterSteps, runCli, spawnCli, waitForOutput } from '../utils/cli.js';

// Each test is its own child process: three at a time.
describe('awt-demo websocket, through the built bin', { concurrency: 3 }, () => {
  test('when it runs piped in German at 80 columns then all ten steps print, within the width, without colour', async () => {
    const result = await runCli(['websocket', '--lang', 'de', '--width', '80']);
    assert.equal(result.code, 0, result.stderr);
    for (let i = 1; i <= 10; i++) assert.match(result.stdout, new RegExp(`━━ Schritt ${i}/10 `));
    assert.match(result.stdout, /HTTP\/1\.1 101 Switching Protocols/);
    assert.match(result.stdout, /FIN +Opcode +MASK Schlüssel +Länge +Bytes = Header \+ Nutzdaten/);
    assert.match(result.stdout, /1009 Nachricht zu groß/);
    assert.match(result.stdout, /^ {2}Short Polling +\d+ +[\d.]+ B /m);
    assert.match(result.stdout, /━━ Zusammenfassung/);
    assert.doesNotMatch(result.stdout, ansi);
    for (const line of result.stdout.split('\n'))
      assert.ok([...line].length <= 80, `line of ${[...line].length}: ${line}`);
  });

  test('when --json runs then the trace has the ten steps and the frames as data', async () => {
    const result = await runCli(['websocket', '--json']);
    assert.equal(result.code, 0, result.stderr);
    const trace = JSON.parse(result.stdout) as Trace;
    assert.equal(trace.demo, 'websocket');
    assert.equal(trace.steps.length, 10);
    const kinds = new Set(trace.steps.flatMap((s) => s.items.map((item) => item.kind)));
    assert.deepEqual([...kinds].sort(), ['http', 'ws-frame']);
    assert.equal(trace.steps.find((s) => s.id === 'pingPong')!.roundTrips, 2);
  });

  test('when --step reads "q" after two steps then it stops cleanly', async () => {
    // The run cli.snapshots pins: the same two steps, in its view.
    await quitAfterSteps('websocket', 2, 10, pinnedView('en'));
  });

  test("when --serve runs then the index links the chat page, a client's frames show live, and Ctrl-C ends it with 130", async () => {
    const child = spawnCli(['websocket', '--serve', '--width', '120']);
    try {
      const banner = await waitForOutput(child, /Ctrl-C stops the server/);
      const url = /listens on (http:\/\/127\.0\.0\.1:\d+)\//.exec(banner)![1]!;
      assert.match(banner, /curl -i -X POST http:\/\/127\.0\.0\.1:\d+\/books/);
      const get = (path: string) =>
        new Promise<string>((resolve, reject) =>
          http
            .get(`${url}${path}`, (res) => {
              let body = '';
              res.on('data', (chunk: Buffer) => (body += chunk.toString()));
              res.on('end', () => resolve(body));
            })
            .on('error', reject),
        );
      assert.match(banner, /open http:\/\/127\.0\.0\.1:\d+\/chat\.html in two browser windows/);
      assert.match(await get('/'), /<a href="\/chat\.html">/);
      assert.match(await get('/chat.html'), /<script src="\/app\.js"><\/script>/);

      const live = waitForOutput(child, /▶ #\d+ +1 +0x1 text +1 [0-9a-f]{8} .*"text":"Hello from the terminal"/);
      const ws = new WebSocket(`${url.replace('http', 'ws')}/chat?access_token=book-club&name=Zoe`);
      await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
      ws.send(JSON.stringify({ type: 'chat', text: 'Hello from the terminal' }));
      await live;
      ws.close();

      child.kill('SIGINT');
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      assert.equal(code, 130);
    } finally {
      child.kill('SIGKILL');
    }
  });
});
