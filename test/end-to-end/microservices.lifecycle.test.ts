/**
 * Every service is a child of awt-demo. When awt-demo dies without a chance to clean up
 * (SIGKILL), the children notice the closed IPC channel and exit: no process and no
 * listening port is left behind.
 */
import assert from 'node:assert/strict';
import net from 'node:net';
import { describe, test } from 'node:test';
import { isAlive, spawnCli, waitForOutput } from '../utils/cli.js';

const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });

async function until(check: () => Promise<boolean> | boolean, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return check();
}

describe('awt-demo microservices --serve: the processes', () => {
  test('when awt-demo is killed with SIGKILL then its service processes exit and no port stays open', async () => {
    const child = spawnCli(['microservices', '--serve']);
    try {
      const shown = await waitForOutput(child, /Every request anyone sends/, 120_000);
      const services = [...shown.matchAll(/kill -9 (\d+)\s+# ([\w-]+) \(port (\d+), tap (\d+)\)/g)].map((m) => ({
        pid: Number(m[1]),
        name: m[2]!,
        port: Number(m[3]),
        tap: Number(m[4]),
      }));
      assert.ok(services.length >= 4, shown);
      for (const s of services) assert.ok(isAlive(s.pid), `${s.name} runs`);
      assert.ok(await listening(services[0]!.port), 'a service listens before');
      // The gateway, as a client would see it, answers through its tap.
      const gateway = /listens on (http:\/\/127\.0\.0\.1:\d+)/.exec(shown)?.[1];
      const page = await fetch(`${gateway}/api/book-page/1`, { headers: { 'X-Api-Key': 'awt-demo-key' } });
      assert.equal(page.status, 200);

      child.kill('SIGKILL');
      assert.ok(await until(() => services.every((s) => !isAlive(s.pid)), 10_000), 'every child exited');
      for (const s of services) {
        assert.equal(await listening(s.port), false, `${s.name} port ${s.port}`);
        assert.equal(await listening(s.tap), false, `${s.name} tap ${s.tap}`);
      }
    } finally {
      child.kill('SIGKILL');
    }
  });
});
