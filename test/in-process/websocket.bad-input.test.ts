import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import net from 'node:net';
import { after, before, describe, test } from 'node:test';
import { nextMessage, opened } from '../../demos/websocket/clients.js';
import { startWebsocket, type WebsocketSession } from '../../demos/websocket/session.js';
import {
  createWebSocketFrameDecoder,
  websocketAccept,
  type WebSocketFrameItem,
} from '../../demos/wire/websocket-frames.js';
import { encodeFrame } from '../utils/websocket-bytes.js';

/** A member who speaks WebSocket by hand: a real handshake, then whatever bytes the test writes. */
interface RawMember {
  socket: net.Socket;
  /** The HTTP head of the server's answer. */
  head: string;
  /** Resolves with the frames the server sent, once the server has closed the connection. */
  frames: Promise<WebSocketFrameItem[]>;
}

async function rawMember(url: string, target: string, headers: Record<string, string>): Promise<RawMember> {
  const { port } = new URL(url);
  const socket = net.connect(Number(port), '127.0.0.1');
  await once(socket, 'connect');
  const key = randomBytes(16).toString('base64');
  const lines = [
    `GET ${target} HTTP/1.1`,
    `Host: 127.0.0.1:${port}`,
    'Upgrade: websocket',
    'Connection: Upgrade',
    `Sec-WebSocket-Key: ${key}`,
    'Sec-WebSocket-Version: 13',
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
  ];
  socket.write(`${lines.join('\r\n')}\r\n\r\n`);
  let received = Buffer.alloc(0);
  let headEnd = -1;
  const items: WebSocketFrameItem[] = [];
  let settle: (frames: WebSocketFrameItem[]) => void = () => {};
  const frames = new Promise<WebSocketFrameItem[]>((resolve) => (settle = resolve));
  // Everything after the head is frames; the first close frame (or the end of the connection) settles.
  const decoder = createWebSocketFrameDecoder(0, (item) => {
    if (item.kind !== 'ws-frame') return;
    items.push(item);
    if (item.opcodeName === 'close') settle(items);
  });
  socket.on('data', (chunk: Buffer) => {
    if (headEnd >= 0) return decoder.push('down', chunk, 0);
    received = Buffer.concat([received, chunk]);
    headEnd = received.indexOf('\r\n\r\n');
    if (headEnd >= 0) decoder.push('down', received.subarray(headEnd + 4), 0);
  });
  socket.once('close', () => settle(items));
  while (headEnd < 0) {
    await Promise.race([once(socket, 'data'), once(socket, 'close')]);
    if (socket.destroyed && headEnd < 0) throw new Error(`the server closed without answering: ${received}`);
  }
  const head = received.subarray(0, headEnd).toString('latin1');
  if (head.startsWith('HTTP/1.1 101')) {
    assert.match(head, new RegExp(`Sec-WebSocket-Accept: ${websocketAccept(key).replace(/[+/]/g, '\\$&')}`));
  }
  return { socket, head, frames };
}

const mask = '37fa213d';

/** The server notices a closed socket a moment after the client does. */
async function until(check: () => boolean): Promise<void> {
  for (let waited = 0; !check(); waited += 10) {
    if (waited > 3000) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const cases = [
  {
    name: 'an unmasked client frame',
    bytes: encodeFrame({ opcode: 1, payload: '{"type":"chat","text":"hi"}' }),
    close: 1002,
    violation: 'unmasked-client-frame',
  },
  {
    name: 'a frame with a reserved bit set (RSV1, no extension agreed)',
    bytes: encodeFrame({ opcode: 1, payload: 'hi', rsv: [true, false, false], mask }),
    close: 1002,
    violation: 'reserved-bits-set',
  },
  {
    name: 'a text frame that is not UTF-8',
    bytes: encodeFrame({ opcode: 1, payload: Buffer.from([0x7b, 0xc3, 0x28, 0x7d]), mask }),
    close: 1007,
    violation: 'invalid-utf8',
  },
  {
    name: 'a fragmented control frame (ping without FIN)',
    bytes: encodeFrame({ opcode: 9, fin: false, payload: 'ping', mask }),
    close: 1002,
    violation: 'fragmented-control-frame',
  },
] as const;

describe('bad input on the demo server: one connection closes, everyone else carries on', () => {
  let session: WebsocketSession;

  before(async () => {
    session = await startWebsocket();
    await opened(session.connect('/chat', { as: 'Ada', query: { name: 'Ada' } }));
  });
  after(async () => {
    await session?.close();
  });

  /** Ada, connected all along, still chats: the server is up and she is still a member. */
  async function adaCarriesOn(text: string): Promise<void> {
    const ada = session.client('Ada');
    const heard = nextMessage(ada);
    ada.send(JSON.stringify({ type: 'chat', text }));
    assert.deepEqual(JSON.parse(String((await heard).data)), { type: 'chat', from: 'Ada', text });
  }

  for (const bad of cases) {
    test(`when a member sends ${bad.name} then the server closes it with ${bad.close}`, async () => {
      const member = await rawMember(session.url, '/chat?name=Raw', { Authorization: 'Bearer book-club' });
      try {
        assert.match(member.head, /^HTTP\/1\.1 101 Switching Protocols/);
        assert.deepEqual(session.servers.chat.members(), ['Ada', 'Raw']);
        member.socket.write(bad.bytes);
        const frames = await member.frames;
        assert.deepEqual(
          frames.map((f) => [f.opcodeName, f.closeCode, f.masked]),
          [['close', bad.close, false]],
        );
        // The tap saw the broken frame and says what was wrong with it.
        const flagged = session.tap.items.filter(
          (item) => item.kind === 'ws-frame' && item.direction === 'up' && item.violations.includes(bad.violation),
        );
        assert.ok(flagged.length > 0, `the tap flags ${bad.violation}`);
        await until(() => session.servers.chat.members().length === 1);
        assert.deepEqual(session.servers.chat.members(), ['Ada']);
        await adaCarriesOn(`still here after ${bad.name}`);
      } finally {
        member.socket.destroy();
      }
    });
  }

  test('when the upgrade has no token then 401 comes back, and nobody joins', async () => {
    const member = await rawMember(session.url, '/chat?name=Mallory', {});
    await member.frames;
    assert.match(member.head, /^HTTP\/1\.1 401 Unauthorized\r\n/);
    assert.match(member.head, /\r\nWWW-Authenticate: Bearer realm="book-club"/);
    assert.deepEqual(session.servers.chat.members(), ['Ada']);
    await adaCarriesOn('no Mallory here');
  });

  test('when the upgrade names an endpoint that does not exist then 404 comes back', async () => {
    const member = await rawMember(session.url, '/nowhere', { Authorization: 'Bearer book-club' });
    await member.frames;
    assert.match(member.head, /^HTTP\/1\.1 404 Not Found\r\n/);
    await adaCarriesOn('still here');
  });

  test('when a member sends binary to the text-only chat then it is closed with 1003', async () => {
    const member = await rawMember(session.url, '/chat?name=Bin', { Authorization: 'Bearer book-club' });
    member.socket.write(encodeFrame({ opcode: 2, payload: Buffer.from([1, 2, 3]), mask }));
    const frames = await member.frames;
    member.socket.destroy();
    assert.deepEqual(
      frames.map((f) => [f.opcodeName, f.closeCode]),
      [['close', 1003]],
    );
    await until(() => session.servers.chat.members().length === 1);
    await adaCarriesOn('binary is gone');
  });
});
