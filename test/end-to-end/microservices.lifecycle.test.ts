/**
 * Every service is a child of awt-demo. When awt-demo dies without a chance to clean up
 * (SIGKILL), the children notice the closed IPC channel and exit: no process and no
 * listening port is left behind. That holds for the spares too, the services forked ahead
 * of their step, which wait for it however long the lecture lingers before.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import { describe, test } from 'node:test';
import { childPids, isAlive, spawnCli, waitForOutput } from '../utils/cli.js';

const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });

/**
 * The command line of whatever listens on `port` now, or undefined. Once the demo's
 * processes are gone, a free port may be taken at once by a server of another test running
 * beside this one: what matters is that no process of the demo holds it.
 */
function listenerOf(port: number): string | undefined {
  const line = execFileSync('ss', ['-ltnpH', `sport = :${port}`], { encoding: 'utf8' });
  const pid = /pid=(\d+)/.exec(line)?.[1];
  if (!pid) return line.trim() === '' ? undefined : line.trim();
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return undefined;
  }
}
const heldByTheDemo = (port: number) =>
  /\/demos\/microservices\/|launch\.cjs microservices/.test(listenerOf(port) ?? '');

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
        assert.equal(heldByTheDemo(s.port), false, `${s.name} port ${s.port}: ${listenerOf(s.port)}`);
        assert.equal(heldByTheDemo(s.tap), false, `${s.name} tap ${s.tap}: ${listenerOf(s.tap)}`);
      }
    } finally {
      child.kill('SIGKILL');
    }
  });
});

describe('awt-demo microservices, stepped: the spares', () => {
  test('when awt-demo is killed on step 1 then the services forked ahead of their steps exit too', async () => {
    // No Enter comes: the demo waits on its first step, as a lecture does, with the spares forked.
    const child = spawnCli(['microservices', '--step', '--no-color']);
    try {
      // The prompt for Enter goes to stderr.
      let prompt = '';
      child.stderr!.on('data', (chunk: Buffer) => (prompt += chunk.toString('utf8')));
      assert.ok(await until(() => /Step 1\/11: .*Enter/.test(prompt), 120_000), prompt);
      // The first step's monolith, and at least one spare beside it.
      assert.ok(await until(() => childPids(child.pid!).length >= 2, 30_000), 'spares forked');
      const services = childPids(child.pid!);
      child.kill('SIGKILL');
      assert.ok(await until(() => services.every((pid) => !isAlive(pid)), 10_000), 'every service and spare exited');
    } finally {
      child.kill('SIGKILL');
    }
  });
});
