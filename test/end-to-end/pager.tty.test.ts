/**
 * The pager and the menu on a real terminal: `script` (util-linux) gives the CLI a
 * pseudo-terminal, keys go in as a terminal sends them, and what comes out is read
 * for the screens and for the terminal being given back on every way out.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { after, describe, test } from 'node:test';
import amqp from 'amqplib';
import { binPath, cliEnv, isAlive } from '../utils/cli.js';

const leaveScreen = '\x1b[?25h\x1b[?1049l';
// eslint-disable-next-line no-control-regex -- the ESC of ANSI colour codes is the point
const colour = /\x1b\[[0-9;]*m/g;
const children: ChildProcess[] = [];
after(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
});

interface Session {
  child: ChildProcess;
  output(): string;
  /** Resolves once `pattern` shows in the output after `from`; the position after it. */
  waitFor(pattern: RegExp, from?: number): Promise<number>;
  press(keys: string): void;
  exit: Promise<number | null>;
}

function onTerminal(args: string[], size = { columns: 100, rows: 30 }): Session {
  const command = `stty cols ${size.columns} rows ${size.rows}; exec "${process.execPath}" "${binPath}" ${args.join(' ')}`;
  const child = spawn('script', ['-qefc', command, '/dev/null'], { env: cliEnv(), stdio: 'pipe' });
  children.push(child);
  let raw = '';
  let seen = '';
  const waiters = new Set<() => void>();
  child.stdout!.on('data', (chunk: Buffer) => {
    // Colours off for reading; every other escape sequence stays (screen switches, cursor).
    // Stripped as a whole: a chunk may end inside a colour code.
    raw += chunk.toString();
    seen = raw.replace(colour, '');
    for (const check of [...waiters]) check();
  });
  // A run that never ends (a prompt nobody answers) fails the test instead of hanging the suite.
  const exit = new Promise<number | null>((resolve, reject) => {
    const guard = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no exit within 60 s; saw:\n${JSON.stringify(seen.slice(-2000))}`));
    }, 60_000);
    child.on('close', (code) => {
      clearTimeout(guard);
      resolve(code);
    });
  });
  return {
    child,
    output: () => seen,
    waitFor(pattern, from = 0) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no ${pattern} on the terminal; saw:\n${JSON.stringify(seen.slice(from).slice(-2000))}`));
        }, 20_000);
        const check = () => {
          const match = pattern.exec(seen.slice(from));
          if (!match) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(from + match.index + match[0].length);
        };
        waiters.add(check);
        check();
      });
    },
    press: (keys) => child.stdin!.write(keys),
    exit,
  };
}

/** The process the shell in `script` became (exec), to send it a signal. */
function cliPid(session: Session): number {
  return Number(
    execFileSync('pgrep', ['-P', String(session.child.pid)], { encoding: 'utf8' })
      .trim()
      .split('\n')[0],
  );
}

// Each test is its own terminal and process: three at a time.
describe('the pager on a terminal', { concurrency: 3 }, () => {
  test('when keys step forward, back and jump then each screen shows, steps run once, and q gives the terminal back', async () => {
    const t = onTerminal(['graphql']);
    let at = await t.waitFor(/\[\?1049h/);
    at = await t.waitFor(/Step 1\/11 {2}The lecture's query[^]*connection #1, new[^]*graphql · Step 1\/11/, at);
    t.press('\r');
    at = await t.waitFor(/graphql · Step 2\/11/, at);
    const beforeBack = at;
    t.press('\x1b[D');
    at = await t.waitFor(/graphql · Step 1\/11/, at);
    // Shown as recorded: the first connection, as the first time; run again, it would open a new one.
    assert.match(t.output().slice(beforeBack, at), /connection #1, new/);
    t.press('5');
    at = await t.waitFor(/graphql · Step 5\/11/, at);
    t.press('g11\r');
    at = await t.waitFor(/graphql · Step 11\/11/, at);
    t.press('?');
    await t.waitFor(/Keys[^]*g N Enter/, at);
    t.press('x');
    t.press('q');
    assert.equal(await t.exit, 0);
    assert.ok(t.output().endsWith(leaveScreen) || t.output().includes(leaveScreen), 'the main screen comes back');
    assert.ok(t.output().lastIndexOf(leaveScreen) > t.output().lastIndexOf('\x1b[?1049h'));
  });

  test('when Ctrl-C is pressed in the pager then it exits 130 with the terminal given back', async () => {
    const t = onTerminal(['rest']);
    await t.waitFor(/rest · Step 1\/8/);
    t.press('\x03');
    assert.equal(await t.exit, 130);
    const out = t.output();
    assert.ok(out.lastIndexOf(leaveScreen) > out.lastIndexOf('\x1b[?1049h'), 'the main screen comes back');
    assert.match(out.slice(out.lastIndexOf(leaveScreen)), /Interrupted/);
  });

  test('when SIGTERM arrives in the pager then the terminal is given back before it exits', async () => {
    const t = onTerminal(['rest']);
    await t.waitFor(/rest · Step 1\/8/);
    process.kill(cliPid(t), 'SIGTERM');
    assert.equal(await t.exit, 143);
    const out = t.output();
    assert.ok(out.lastIndexOf(leaveScreen) > out.lastIndexOf('\x1b[?1049h'));
  });

  test('when the terminal closes under a running demo then it still cleans up: its queues are deleted, nothing is left running', async () => {
    const t = onTerminal(['mq', '--broker', 'rabbitmq'], { columns: 120, rows: 40 });
    // Step 1 has run once its queue shows on the screen.
    await t.waitFor(/queue=awt-[0-9a-f]{6}\./);
    const prefix = /queue=(awt-[0-9a-f]{6})\./.exec(t.output())?.[1];
    assert.ok(prefix, 'the run names its queues on screen');
    const pid = cliPid(t);
    // The window goes away: the terminal hangs up (SIGHUP), and every write to it fails (EIO).
    t.child.kill('SIGKILL');
    const gone = Date.now() + 15_000;
    while (isAlive(pid) && Date.now() < gone) await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(isAlive(pid), false, 'the CLI ended');
    const connection = await amqp.connect('amqp://guest:guest@127.0.0.1:5672');
    try {
      const channel = await connection.createChannel();
      channel.on('error', () => undefined);
      await assert.rejects(channel.checkQueue(`${prefix}.hello`), /404/);
    } finally {
      await connection.close().catch(() => undefined);
    }
  });

  test('when the demo fails to start then the terminal is given back before the error prints, exit 3', async () => {
    // --broker rabbitmq: without it, auto would fall back to the embedded broker and start.
    const t = onTerminal(['mq', '--broker', 'rabbitmq', '--amqp-url', 'amqp://127.0.0.1:1']);
    assert.equal(await t.exit, 3);
    const out = t.output();
    const left = out.lastIndexOf(leaveScreen);
    assert.ok(left > out.lastIndexOf('\x1b[?1049h'), 'the main screen comes back');
    assert.match(out.slice(left), /No AMQP broker is reachable at amqp:\/\/127\.0\.0\.1:1/);
  });

  test('when --all is given on a terminal then every step prints at once, without the pager', async () => {
    // rest: the demo that starts fastest; which demo does not matter to the pager.
    const t = onTerminal(['rest', '--all']);
    assert.equal(await t.exit, 0);
    const out = t.output();
    assert.equal(out.includes('\x1b[?1049h'), false);
    assert.match(out, /Step 1\/8[^]*Step 8\/8[^]*Summary/);
  });
});

describe('the menu on a terminal', () => {
  test('when a demo is chosen and left with q then the menu comes back, and q leaves it', async () => {
    const t = onTerminal([]);
    let at = await t.waitFor(/What do you want to see\?[^]*❯ {2}1 {2}rest[^]*q or Esc quit/);
    t.press('2');
    at = await t.waitFor(/graphql · Step 1\/11 .*q menu/, at);
    t.press('q');
    await t.waitFor(/What do you want to see\?/, at);
    t.press('q');
    assert.equal(await t.exit, 0);
    assert.ok(t.output().lastIndexOf(leaveScreen) > t.output().lastIndexOf('\x1b[?1049h'));
  });
});
