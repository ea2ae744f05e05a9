import { httpExchanges } from '../../wire/http-facts.js';
import { nextMessage, opened } from '../clients.js';
import { framesIn, type WebsocketStep } from './types.js';

/** The book club's members, in the order they join. */
export const members = ['Ada', 'Grace', 'Alan'] as const;

export const echoStep: WebsocketStep = {
  id: 'echo',
  async run({ session, lesson, items }) {
    const ws = session.client('echo');
    const sent = 'Hello, server!';
    ws.send(sent);
    const back = String((await nextMessage(ws)).data);
    // Clean Code's ISBN as one 64-bit big-endian integer: what a binary protocol would send.
    const isbn = '9780132350884';
    const bytes = Buffer.alloc(8);
    bytes.writeBigUInt64BE(BigInt(isbn));
    ws.send(bytes);
    const echoed = (await nextMessage(ws)).data;
    const [up, down] = ['up', 'down'].map((d) => framesIn(items()).find((f) => f.direction === d && f.opcode === 1));
    return [
      lesson.facts.echoText({
        sent,
        upWire: up?.wireBytes ?? 0,
        upHead: up?.headerBytes ?? 0,
        back,
        downWire: down?.wireBytes ?? 0,
        downHead: down?.headerBytes ?? 0,
      }),
      lesson.facts.echoBinary({
        isbn,
        bytes: bytes.length,
        hex: bytes.toString('hex').replace(/(..)(?!$)/g, '$1 '),
        same: echoed.equals(bytes) ? lesson.facts.unchanged : lesson.facts.changed,
      }),
    ];
  },
};

export const broadcastStep: WebsocketStep = {
  id: 'broadcast',
  async run({ session, lesson, items, numbers }) {
    // One after the other, so each handshake stands on its own in the trace.
    for (const name of members) await opened(session.connect('/chat', { as: name, query: { name } }));
    const clients = members.map((name) => session.client(name));
    const heard = Promise.all(clients.map(nextMessage));
    clients[0]!.send(JSON.stringify({ type: 'chat', text: 'Shall we read Clean Code next?' }));
    await heard;
    const frames = framesIn(items());
    const inbound = frames.find((f) => f.direction === 'up');
    const outbound = frames.filter((f) => f.direction === 'down');
    return [
      lesson.facts.members({ names: session.servers.chat.members().join(', ') }),
      lesson.facts.fanOut({
        inBytes: inbound?.wireBytes ?? 0,
        out: outbound.length,
        outBytes: outbound.map((f) => numbers.integer(f.wireBytes)).join(' + '),
      }),
    ];
  },
};

export const pushStep: WebsocketStep = {
  id: 'push',
  async run({ session, lesson, items }) {
    const told = Promise.all(members.map((name) => nextMessage(session.client(name))));
    const reply = await session.http.send({
      method: 'POST',
      path: '/books',
      headers: { Accept: 'application/json' },
      body: { title: 'Working Effectively with Legacy Code', author: 'Michael C. Feathers', year: 2004 },
    });
    await told;
    const post = httpExchanges(items()).find((e) => e.request.method === 'POST');
    const pushes = framesIn(items()).filter((f) => f.direction === 'down');
    const lastPush = Math.max(...pushes.map((f) => f.at));
    const firstPush = Math.min(...pushes.map((f) => f.at));
    const answeredAt = post?.response?.firstByteAt ?? Infinity;
    const longest = pushes.find((f) => f.lengthEncoding === 16);
    return [
      lesson.facts.created({ status: reply.status, title: String((reply.json as { title?: unknown }).title) }),
      lesson.facts.pushed({ frames: pushes.length, ms: lastPush - (post?.request.lastByteAt ?? lastPush) }),
      firstPush < answeredAt ? lesson.facts.pushedFirst : lesson.facts.answeredFirst,
      ...(longest ? [lesson.facts.pushLength({ bytes: longest.payloadLength })] : []),
    ];
  },
};
