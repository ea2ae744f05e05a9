import assert from 'node:assert/strict';
import { once } from 'node:events';
import { describe, test } from 'node:test';
import { websocketAccept } from '../../demos/wire/websocket-frames.js';
import { asSent, framesOf, recordWsSession } from '../utils/websocket-bytes.js';

const bytes256 = Buffer.from(Array.from({ length: 256 }, (_, i) => i));

describe('WebSocket frames: real ws client and server', () => {
  const name = 'when a ws client and an echoing ws server talk through a proxy then the decoder sees what they sent';
  test(name, { timeout: 10_000 }, async () => {
    const bytes70k = Buffer.alloc(70000, 7);
    const { items, heads } = await recordWsSession(async (client) => {
      const echo = () => once(client, 'message');
      client.send('Hello');
      await echo();
      client.send(bytes256);
      await echo();
      client.send('Hel', { fin: false });
      client.send('lo', { fin: true });
      await echo();
      client.send(bytes70k);
      await echo();
      client.ping('are you there');
      await once(client, 'pong');
      client.close(1000, 'bye');
      await once(client, 'close');
    });

    const key = /^sec-websocket-key: (.+)$/im.exec(heads.up)?.[1] ?? 'missing';
    const accept = /^sec-websocket-accept: (.+)$/im.exec(heads.down)?.[1];
    assert.equal(accept?.trim(), websocketAccept(key.trim()));
    assert.equal(items.length, framesOf(items).length, 'no undecoded bytes');
    const wrongMasking = framesOf(items).filter((frame) => frame.masked !== (frame.direction === 'up'));
    assert.deepEqual([wrongMasking, framesOf(items).flatMap((frame) => frame.violations)], [[], []]);
    assert.deepEqual(asSent(items, 'up'), [
      ['text', true, 7, 'Hello'],
      ['binary', true, 16, bytes256],
      ['text', false, 7, 'Hel'],
      ['continuation', true, 7, 'lo'],
      ['binary', true, 64, bytes70k],
      ['ping', true, 7, 'are you there'],
      ['close', true, 7, [1000, 'bye']],
    ]);
    assert.deepEqual(asSent(items, 'down'), [
      ['text', true, 7, 'Hello'],
      ['binary', true, 16, bytes256],
      ['text', true, 7, 'Hello'],
      ['binary', true, 64, bytes70k],
      ['pong', true, 7, 'are you there'],
      ['close', true, 7, [1000, 'bye']],
    ]);
  });
});
