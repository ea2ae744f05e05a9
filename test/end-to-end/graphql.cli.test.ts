import assert from 'node:assert/strict';
import http from 'node:http';
import type net from 'node:net';
import { describe, test } from 'node:test';
import { refusal, runCli } from '../utils/cli.js';

// Each test is its own child process (and stand-in endpoint): side by side.
describe('awt-demo graphql --llm-url, through the built bin', { concurrency: true }, () => {
  test('when --llm-url is not plain http then the run stops before anything starts, naming the option', async () => {
    const result = await runCli(['graphql', '--llm-url', 'https://api.example.com', '--no-color']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /--llm-url/);
    assert.match(result.stderr, /http:\/\/host:port/);
    assert.equal(result.stdout, '');
  });

  test('when nothing answers at --llm-url then the text-to-query step fails with one clear message and exit 3', async () => {
    const probe = http.createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as net.AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const result = await runCli(['graphql', '--all', '--no-color', '--llm-url', `http://127.0.0.1:${port}`]);
    assert.equal(result.code, 3, result.stderr);
    assert.match(result.stderr, new RegExp(`model endpoint at http://127\\.0\\.0\\.1:${port} does not answer`));
    assert.match(result.stderr, /ollama serve/);
    assert.doesNotMatch(result.stderr, /\n\s+at /);
  });

  test('when AWT_LLM_URL is set then it is used like --llm-url', async () => {
    // Refused like the option in the first test, through the bin there: asked in this process.
    const { exitCode, lines } = await refusal(['graphql', '--all', '--no-color'], { AWT_LLM_URL: 'ftp://x' });
    assert.equal(exitCode, 2);
    assert.match(lines[0]!, /--llm-url/);
  });
});
