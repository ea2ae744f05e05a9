import assert from 'node:assert/strict';
import { execFile, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { after, describe, test } from 'node:test';
import { parseXml } from '../../demos/soap/xml-tree.js';
import type { Trace } from '../../demos/wire/trace.js';

const bin = fileURLToPath(new URL('../../dist/bin/awt-demo.js', import.meta.url));
const env = { ...process.env, LANG: 'C', LC_ALL: '', LC_MESSAGES: '', NO_COLOR: '1' };
const hasCurl = spawnSync('curl', ['--version']).status === 0;

function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { env, timeout: 30_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

function until(child: ChildProcess, pattern: RegExp, seen: { text: string }): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${pattern}:\n${seen.text}`)), 30_000);
    const check = () => {
      if (!pattern.test(seen.text)) return;
      clearTimeout(timer);
      child.stdout!.off('data', check);
      resolve();
    };
    child.stdout!.on('data', check);
    check();
  });
}

// Each test is its own child process: three at a time.
describe('awt-demo soap on the command line', { concurrency: 3 }, () => {
  const started: ChildProcess[] = [];
  after(() => {
    for (const child of started) if (child.exitCode === null) child.kill('SIGKILL');
  });

  test('when --schema is given then the WSDL is printed, and it parses', async () => {
    const { code, stdout } = await cli(['soap', '--schema']);
    assert.equal(code, 0);
    const parsed = parseXml(stdout);
    assert.ok(parsed.ok);
    assert.equal(parsed.root.local, 'definitions');
    assert.match(stdout, /<soap:address location="http:\/\/127\.0\.0\.1:8080\/BookService"\/>/);
  });

  test('when --json is given then the whole trace is JSON, with the eight steps', async () => {
    const { code, stdout } = await cli(['soap', '--json', '--lang', 'de']);
    assert.equal(code, 0);
    const trace = JSON.parse(stdout) as Trace;
    assert.equal(trace.demo, 'soap');
    assert.equal(trace.lang, 'de');
    assert.equal(trace.steps.length, 8);
    assert.equal(trace.totals.roundTrips, 11);
  });

  test('when it runs then every step is printed and no line is wider than asked', async () => {
    const { code, stdout } = await cli(['soap', '--width', '80']);
    assert.equal(code, 0);
    assert.equal((stdout.match(/^━━ Step \d\/8 /gm) ?? []).length, 8);
    assert.match(stdout, /… \d+ more lines \(--full shows them\)/);
    for (const line of stdout.split('\n')) assert.ok([...line].length <= 80, `too wide: ${line}`);
  });

  test(
    'when --serve runs then it names the WSDL URL, its curl examples work, and Ctrl-C ends it with 130',
    { skip: hasCurl ? false : 'curl is not installed' },
    async () => {
      const child = spawn(process.execPath, [bin, 'soap', '--serve', '--width', '100'], { env });
      started.push(child);
      const seen = { text: '' };
      child.stdout.on('data', (chunk: Buffer) => (seen.text += chunk.toString()));
      await until(child, /Ctrl-C/, seen);
      assert.match(seen.text, /listens on http:\/\/127\.0\.0\.1:\d+\/BookService\?wsdl/);
      const examples = seen.text.split('\n').filter((line) => line.startsWith('  curl '));
      assert.equal(examples.length, 5);
      const answers = await Promise.all(
        examples.map(async (line) => (await promisify(execFile)('sh', ['-c', line.trim()])).stdout),
      );
      assert.match(answers[0]!, /<wsdl:definitions/);
      assert.match(answers[1]!, /^HTTP\/1\.1 200 OK[\s\S]*<title>Clean Code<\/title>/);
      assert.match(answers[2]!, /^HTTP\/1\.1 500 [\s\S]*<faultcode>soap:Client<\/faultcode>/);
      assert.match(answers[3]!, /<faultcode>wsse:FailedAuthentication<\/faultcode>/);
      assert.match(answers[4]!, /^HTTP\/1\.1 200 OK[\s\S]*<AddBookResponse/);
      await until(child, /<AddBookResponse/, seen);
      const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      child.kill('SIGINT');
      assert.equal(await exit, 130);
    },
  );
});
