import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import type net from 'node:net';
import { describe, test } from 'node:test';
import { DecodeQueue } from '../../demos/wire/decode-queue.js';

/** Just what the queue uses of a socket: pause, resume and its close. */
function fakeSocket(): net.Socket & { paused: boolean } {
  const socket = Object.assign(new EventEmitter(), {
    paused: false,
    pause() {
      socket.paused = true;
      return socket;
    },
    resume() {
      socket.paused = false;
      return socket;
    },
  });
  return socket as unknown as net.Socket & { paused: boolean };
}

describe('the decode queue', () => {
  test('when one connection floods the decoders then only its sockets pause, the others go on, and it reads again once decoded', async () => {
    const queue = new DecodeQueue(4000);
    const [floodUp, floodDown, calm] = [fakeSocket(), fakeSocket(), fakeSocket()];
    queue.register(floodUp, 1);
    queue.register(floodDown, 1);
    queue.register(calm, 2);
    for (let i = 0; i < 5; i++) queue.push(1, 300, () => undefined);
    queue.push(2, 100, () => undefined);
    // 1,500 B of one connection's bytes wait: more than its share (a quarter of 4,000).
    assert.equal(floodUp.paused, true);
    assert.equal(floodDown.paused, true);
    assert.equal(calm.paused, false, 'another connection is still forwarded');
    await queue.settled();
    assert.equal(floodUp.paused, false);
    assert.equal(floodDown.paused, false);
  });

  test('when all connections together pass the high-water mark then every socket pauses until the backlog is down', async () => {
    const queue = new DecodeQueue(4000);
    const sockets = [1, 2, 3, 4, 5].map((connection) => {
      const socket = fakeSocket();
      queue.register(socket, connection);
      return socket;
    });
    // 900 B each: under one connection's share, over the tap's together.
    for (let connection = 1; connection <= 5; connection++) queue.push(connection, 900, () => undefined);
    assert.ok(sockets.every((socket) => socket.paused));
    await queue.settled();
    assert.ok(sockets.every((socket) => !socket.paused));
  });

  test('when a socket waits for its peer to drain then neither a decoded flood nor the backlog resumes it early', async () => {
    const queue = new DecodeQueue(4000);
    const socket = fakeSocket();
    queue.register(socket, 1);
    assert.equal(queue.block(socket), true);
    for (let i = 0; i < 5; i++) queue.push(1, 300, () => undefined);
    await queue.settled();
    assert.equal(socket.paused, true, 'still waiting for drain');
    queue.unblock(socket);
    assert.equal(socket.paused, false);
  });
});
