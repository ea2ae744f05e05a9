import { once } from 'node:events';
import { performance } from 'node:perf_hooks';
import { WebSocket } from 'ws';
import type { WebSocketFrameItem } from '../../wire/websocket-frames.js';
import { closed, refusedWith } from '../clients.js';
import { maxMessageBytes } from '../limits.js';
import { members } from './messages.js';
import { framesIn, type WebsocketStep } from './types.js';

export const pingPongStep: WebsocketStep = {
  id: 'pingPong',
  async run({ session, lesson, items }) {
    const ws = session.client('echo');
    const pong = once(ws, 'pong');
    const sent = performance.now();
    ws.ping('are you there?');
    await pong;
    const clientMs = performance.now() - sent;
    const [serverMs = NaN] = await session.servers.echo.ping('heartbeat');
    const frames = framesIn(items());
    const pairs = frames
      .filter((f) => f.opcodeName === 'ping')
      .map((ping) => [ping, frames.find((f) => f.opcodeName === 'pong' && f.direction !== ping.direction)] as const);
    const [clientPing, clientPong] = pairs.find(([ping]) => ping.direction === 'up') ?? [];
    return [
      lesson.facts.clientPing({ ms: clientMs, wireMs: (clientPong?.at ?? NaN) - (clientPing?.at ?? NaN) }),
      lesson.facts.serverPing({ ms: serverMs }),
      lesson.facts.samePayload({
        payloads: pairs
          .map(([ping, pong]) => `${quote(ping, lesson.quoted)} → ${pong ? quote(pong, lesson.quoted) : '–'}`)
          .join(', '),
      }),
    ];
  },
};

function quote(frame: WebSocketFrameItem, quoted: (p: { text: string }) => string): string {
  return `${frame.opcodeName} ${quoted({ text: frame.payloadText ?? frame.payloadBase64 ?? '' })}`;
}

export const limitsStep: WebsocketStep = {
  id: 'limits',
  async run({ session, lesson, items }) {
    const alan = session.client('Alan');
    // Robert C. Martin quotes Grady Booch in Clean Code; 1700 times over is more than the server takes.
    const text = `Here is the whole book: ${'Clean code reads like well-written prose. '.repeat(1700)}`;
    alan.send(JSON.stringify({ type: 'chat', text }));
    await closed(alan);
    const status = await refusedWith(session.connect('/chat', { token: false, query: { name: 'Mallory' } }));
    const frames = framesIn(items());
    const big = frames.find((f) => f.direction === 'up' && f.opcode === 1);
    const close = frames.find((f) => f.direction === 'down' && f.opcodeName === 'close');
    const stillThere = members.filter(
      (name) => session.servers.chat.members().includes(name) && session.client(name).readyState === WebSocket.OPEN,
    );
    return [
      lesson.facts.tooBig({
        bytes: big?.payloadLength ?? 0,
        encoding: big?.lengthEncoding ?? 0,
        limit: maxMessageBytes,
        code: close?.closeCode ?? 0,
        reason: close?.closeReason ?? '',
      }),
      lesson.facts.refused({ status }),
      lesson.facts.stillThere({ names: stillThere.join(', ') }),
    ];
  },
};

export const closeStep: WebsocketStep = {
  id: 'close',
  async run({ session, lesson, items }) {
    const leaving = [
      ['echo', 'bye'],
      ['Ada', 'Good night'],
      ['Grace', 'Good night'],
    ] as const;
    for (const [name, reason] of leaving) {
      const ws = session.client(name);
      ws.close(1000, reason);
      await closed(ws);
    }
    const frames = framesIn(items()).filter((f) => f.opcodeName === 'close');
    return frames
      .filter((f) => f.direction === 'up')
      .map((request) => {
        const answer = frames.find((f) => f.direction === 'down' && f.connection === request.connection);
        return lesson.facts.closed({
          connection: request.connection,
          code: request.closeCode ?? 1005,
          reason: request.closeReason ?? '',
          ...(answer ? { answer: { code: answer.closeCode, reason: answer.closeReason } } : {}),
        });
      });
  },
};
