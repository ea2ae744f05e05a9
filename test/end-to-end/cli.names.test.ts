import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { closest } from '../../bin/did-you-mean.js';
import { refusal, runCli, runCliOnce } from '../utils/cli.js';

// Each test is its own child process: three at a time.
describe('names a user types', { concurrency: 3 }, () => {
  test('when a demo id is typed with one typo then the message suggests it and lists the commands, exit 2', async () => {
    const result = await runCli(['grapql']);
    assert.equal(result.code, 2);
    assert.equal(result.stdout, '');
    assert.match(
      result.stderr,
      /^awt-demo: Unknown demo "grapql"\. Did you mean "graphql"\? The demos are: rest, graphql, [^;]+; the commands: list, run, compare, table, bench[^;]*\.\n$/,
    );
  });

  // The same error as the test above, printed by the same code: these ask only what it says.
  test('when a command is cut short then the command is suggested', async () => {
    const { exitCode, lines } = await refusal(['compar']);
    assert.equal(exitCode, 2);
    assert.match(lines[0]!, /Did you mean "compare"\?/);
  });

  test('when an exercise command is typed with a typo then it is named and suggested, not taken for arguments', async () => {
    const { exitCode, lines } = await refusal(['exercise', 'chek', 'rest-books']);
    assert.equal(exitCode, 2);
    assert.equal(
      lines[0],
      'Unknown exercise command "chek". Did you mean "check"? The commands are: list, start, hint, check.',
    );
    const german = await refusal(['exercise', 'hnt', 'rest-books', '--lang', 'de']);
    assert.match(german.lines[0]!, /^Den Befehl „exercise hnt“ gibt es nicht\. Meintest du „hint“\?/);
  });

  test('when an exercise id is typed with a typo then the nearest is suggested; in capitals it is found', async () => {
    const { exitCode, lines } = await refusal(['exercise', 'hint', 'rest-book']);
    assert.equal(exitCode, 2);
    assert.match(lines[0]!, /^Unknown exercise "rest-book"\. Did you mean "rest-books"\?/);
    // A hint needs no exercise folder: it says it has nothing recorded, exit 0.
    const capitals = await runCli(['exercise', 'hint', 'REST-Books', '--dir', '/nonexistent']);
    assert.equal(capitals.code, 0, capitals.stderr);
    assert.match(capitals.stdout, /^Hint 1 of \d+ for "GET \/v1\/books /);
  });

  test('when the message is German then it suggests in German', async () => {
    const { exitCode, lines } = await refusal(['websoket', '--lang', 'de']);
    assert.equal(exitCode, 2);
    assert.match(lines[0]!, /^Unbekannte Demo „websoket“\. Meintest du „websocket“\? Die Demos: /);
  });

  test('when a demo id is written in capitals then it runs the demo', async () => {
    // The run of cli.e2e's test of --schema.
    const result = await runCliOnce(['GraphQL', '--schema']);
    assert.equal(result.code, 0);
    assert.match(result.stdout, /type Query/);
  });

  test('when -v or -V is given then the version prints, exit 0', async () => {
    for (const flag of ['-v', '-V']) {
      const result = await runCli([flag]);
      assert.equal(result.code, 0, flag);
      assert.match(result.stdout.trim(), /^\d+\.\d+\.\d+$/, flag);
    }
  });

  test('when "help" is typed then the help shows, not an unknown demo', async () => {
    const result = await runCli(['help']);
    assert.equal(result.code, 0);
    assert.match(result.stdout, /^Usage: awt-demo /);
    const compare = await runCli(['help', 'compare']);
    assert.match(compare.stdout, /^Usage: awt-demo compare /);
  });

  test('when a word is far from every name then nothing is suggested', () => {
    assert.equal(closest('grpc', ['rest', 'graphql', 'soap', 'websocket', 'mq', 'list', 'compare']), undefined);
    assert.equal(closest('xyz', ['rest', 'mq']), undefined);
    assert.equal(closest('tabel', ['table', 'bench']), 'table');
    assert.equal(closest('Rset', ['rest', 'list']), 'rest');
  });
});

describe('--from-step', { concurrency: true }, () => {
  test('when a piped run starts at a later step then only the steps from there print, with the summary', async () => {
    const result = await runCli(['graphql', '--from-step', '10']);
    assert.equal(result.code, 0);
    assert.doesNotMatch(result.stdout, /Step [1-9]\/11/);
    assert.match(result.stdout, /Step 10\/11[^]*Step 11\/11[^]*Summary/);
  });

  test('when the step does not exist then a clear message names the range, exit 2', async () => {
    const result = await runCli(['graphql', '--from-step', '12']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /Invalid value "12" for --from-step: expected 1–11\./);
  });
});
