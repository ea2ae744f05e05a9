/** The thin terminal driver with fake streams: what it writes and which keys it hands on. */
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { describe, test } from 'node:test';
import type { Key } from '../../bin/pager/keys.js';
import { openTerminal } from '../../bin/pager/terminal.js';

function fakeStreams() {
  const input = Object.assign(new EventEmitter(), {
    isTTY: true,
    raw: false,
    setRawMode(on: boolean) {
      input.raw = on;
      return input;
    },
    resume: () => input,
    pause: () => input,
  });
  const written: string[] = [];
  const output = Object.assign(new EventEmitter(), {
    columns: 80,
    rows: 24,
    write(text: string) {
      written.push(text);
      return true;
    },
  });
  return {
    input: input as unknown as NodeJS.ReadStream & { raw: boolean },
    output: output as unknown as NodeJS.WriteStream,
    written,
  };
}

describe('the terminal driver', () => {
  test('when keys arrive before anyone listens (the demo still loading) then the first listener gets them, in order', async () => {
    const { input, output } = fakeStreams();
    const terminal = openTerminal(input, output);
    try {
      assert.equal(input.raw, true);
      input.emit('data', Buffer.from('5'));
      input.emit('data', Buffer.from('\r'));
      const got: Key[] = [];
      terminal.onKeys((key) => got.push(key));
      // Handed on once the caller has finished setting up, not inside onKeys.
      assert.deepEqual(got, []);
      await Promise.resolve();
      assert.deepEqual(got, [{ char: '5' }, 'enter']);
      input.emit('data', Buffer.from('q'));
      assert.deepEqual(got.at(-1), { char: 'q' });
    } finally {
      terminal.close();
    }
    assert.equal(input.raw, false, 'raw mode is given back');
  });
});
