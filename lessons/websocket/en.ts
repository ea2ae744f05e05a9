/** The WebSocket lesson, in English. lessons/websocket/de.ts has the same keys. */
import { numberWords } from '../../demos/core/numbers.js';

const numbers = numberWords('en');

export const en = {
  title: 'WebSocket with ws: handshake, frames, push, and polling for comparison',
  summary: 'one HTTP upgrade, then frames both ways on one TCP connection; push instead of asking',
  steps: {
    handshake: {
      title: 'The handshake: an HTTP GET that asks to switch protocols',
      notice: [
        'GET with Upgrade: websocket, Connection: Upgrade, a random Sec-WebSocket-Key and Sec-WebSocket-Version: 13; the answer is 101 Switching Protocols.',
        'The server proves it speaks WebSocket: Sec-WebSocket-Accept = base64(SHA-1(key + a fixed GUID)), RFC 6455 §4.2.2.',
      ],
    },
    echo: {
      title: "The lecture's echo server: one text, one binary message",
      notice: [
        'After the 101 there is no more HTTP on this connection, only frames. Client frames are masked with a fresh 4-byte key, server frames are not (RFC 6455 §5.1, §5.3).',
        'The header is 2 bytes, plus 4 for the masking key: compare that with the HTTP head of the handshake in step 1.',
        "0 round trips: a data frame waits for no answer (only ping → pong and close → close do); the echo is the server's own message, and the client could send on without it.",
      ],
    },
    broadcast: {
      title: 'Broadcast: three members in a book-club chat',
      notice: [
        'Three clients join /chat (three handshakes). One message comes in; the server writes one frame to every member, the sender included.',
      ],
    },
    push: {
      title: 'Server push: a POSTed book reaches every member at once',
      notice: [
        'HTTP and WebSocket share one server and one port. The POST arrives on its own connection; the push frames go out on the open ones, and nobody had to ask.',
      ],
    },
    pingPong: {
      title: 'Ping and pong: is the other side still there?',
      notice: [
        'Control frames: a ping (opcode 0x9) must be answered with a pong (0xA) carrying the same payload. Servers use it as a heartbeat; browsers answer it on their own.',
        'Here a pong counts as one round trip; data frames wait for no answer.',
      ],
    },
    limits: {
      title: 'Limits: too big a message (1009), no token (401)',
      notice: [
        'The server accepts messages up to 64 KiB; a bigger one closes that one connection with 1009. The other members carry on.',
        'Authentication happens at the handshake: without a bearer token the answer is 401, never a 101, so nobody unauthenticated joins.',
      ],
    },
    close: {
      title: 'The close handshake (1000)',
      notice: [
        'Either side sends a close frame with a status code and a reason; the other answers with a close frame; then TCP closes (RFC 6455 §5.5.1, §7).',
      ],
    },
    thenAndNow: {
      title: 'Then and now: "tell me about new books", three ways',
      notice: [
        'The same five books are added inside the server. Short polling asks again and again, long polling keeps one request waiting, WebSocket gets a push.',
        'Everything below was measured in this run: requests, bytes on the wire (as the tap counted them), and how late each notice arrived.',
      ],
    },
    graphqlSubscription: {
      title: 'A GraphQL subscription over WebSocket (graphql-ws)',
      notice: [
        'The same server speaks GraphQL over WebSocket on /graphql: the subprotocol is agreed in the handshake, and each protocol message is JSON in one text frame.',
      ],
    },
    security: {
      title: 'Security: Origin, a token in the URL, and wss://',
      notice: [
        'Any page the user has open may call new WebSocket(…) to this server, and the browser sends cookies along. So the server checks the Origin header before the 101 (RFC 6455 §10.2): a foreign page gets 403, even with a valid token.',
        "The browser's WebSocket API cannot set an Authorization header: the token goes into the URL (?access_token=…, RFC 6750 §2.3) or into a cookie. A URL ends up in access logs and proxy logs, so such a token should be short-lived or used once.",
        'wss:// is WebSocket over TLS, as https:// is HTTP over TLS: the handshake with its URL and every frame cross the network encrypted. This demo stays on loopback, so plain ws://.',
      ],
    },
  },
  /** A payload or close reason inside a sentence, quoted as the language quotes. */
  quoted: (p: { text: string }) => `"${p.text}"`,
  facts: {
    key: (p: { key: string }) => `Sec-WebSocket-Key (16 random bytes, base64): ${p.key}`,
    sha1: (p: { guid: string; sha1: string }) => `SHA-1(key + "${p.guid}") = ${p.sha1}`,
    accept: (p: { computed: string; header: string; match: string }) =>
      `base64 of those 20 bytes = ${p.computed}; Sec-WebSocket-Accept in the 101: ${p.header} (${p.match})`,
    matches: 'the same',
    differs: 'DIFFERENT',
    switched: (p: { connection: number }) =>
      `From here on TCP connection #${p.connection} carries WebSocket frames; it stays open.`,
    declined: (p: { offered: string }) =>
      `The client offered ${p.offered} (RFC 7692); the 101 accepts no extension: the server runs with perMessageDeflate: false, because compressed payloads would be unreadable bytes in this trace.`,
    echoText: (p: { sent: string; upWire: number; upHead: number; back: string; downWire: number; downHead: number }) =>
      `Text up: "${p.sent}" in ${numbers.bytes(p.upWire)} (${numbers.bytes(p.upHead)} header with masking key). Back: "${p.back}" in ${numbers.bytes(p.downWire)} (${numbers.bytes(p.downHead)} header, unmasked).`,
    echoBinary: (p: { isbn: string; bytes: number; hex: string; same: string }) =>
      `Binary: ISBN ${p.isbn} as a 64-bit integer is ${numbers.bytes(p.bytes)} (${p.hex}) instead of 13 characters; it came back ${p.same}.`,
    unchanged: 'unchanged',
    changed: 'CHANGED',
    members: (p: { names: string }) => `Members: ${p.names}.`,
    fanOut: (p: { inBytes: number; out: number; outBytes: string }) =>
      `1 frame in (${numbers.bytes(p.inBytes)}), ${p.out} frames out (${p.outBytes} B): one per member, the sender included.`,
    created: (p: { status: number; title: string }) => `POST /books answered ${p.status}: "${p.title}".`,
    pushed: (p: { frames: number; ms: number }) =>
      `${p.frames} members were told within ${numbers.msUnit(p.ms)} of the POST's last byte, without asking.`,
    pushedFirst: 'The push frames left before the 201 answered the POST: the store tells its listeners first.',
    answeredFirst: 'The 201 answered the POST before the push frames left.',
    pushLength: (p: { bytes: number }) =>
      `Each push is ${numbers.bytes(p.bytes)} of JSON, more than 125: its length takes the 16-bit form (7 bits say 126, then 2 bytes).`,
    clientPing: (p: { ms: number; wireMs: number }) =>
      `Client ping → server pong: ${numbers.msUnit(p.ms)} round trip measured by the client (${numbers.msUnit(p.wireMs)} between the two frames at the tap).`,
    serverPing: (p: { ms: number }) =>
      `Server ping → client pong (the heartbeat): ${numbers.msUnit(p.ms)} measured by the server. The client's pong is masked, like every client frame.`,
    samePayload: (p: { payloads: string }) => `Each pong carries its ping's payload back: ${p.payloads}.`,
    tooBig: (p: { bytes: number; encoding: number; limit: number; code: number; reason: string }) =>
      `A ${numbers.bytes(p.bytes)} message (${p.encoding}-bit length) is over the ${numbers.bytes(p.limit)} limit: the server closed that connection with ${p.code}${p.reason ? ` "${p.reason}"` : ''}.`,
    refused: (p: { status: number }) => `Without a token: HTTP ${p.status}, no 101, no frame.`,
    stillThere: (p: { names: string }) => `Still in the chat, still connected: ${p.names}.`,
    closed: (p: { connection: number; code: number; reason: string; answer?: { code?: number; reason?: string } }) =>
      `#${p.connection}: the client sent close ${p.code} "${p.reason}", the server answered ${
        p.answer ? `close ${p.answer.code ?? ''}${p.answer.reason ? ` "${p.answer.reason}"` : ''}` : 'nothing'
      }.`,
    schedule: (p: { count: number; span: number; interval: number }) =>
      `${p.count} books added inside the server over ${numbers.msUnit(p.span, 0)}; short polling asks every ${numbers.msUnit(p.interval, 0)}.`,
    delayChart: 'Average delay (ms), measured in this run:',
    protocol: (p: { protocol: string }) => `Subprotocol agreed in the handshake: ${p.protocol}.`,
    messages: (p: { types: string }) => `Protocol messages in the frames, in order: ${p.types}.`,
    received: (p: { title: string }) => `The subscription delivered "${p.title}" in a next message.`,
    foreignOrigin: (p: { origin: string; status: number }) =>
      `A page from ${p.origin} (Origin header), with a valid token: HTTP ${p.status} Forbidden, no 101, no frame.`,
    tokenInUrl: (p: { origin: string; status: number; authorization: boolean }) =>
      `The server's own page (Origin ${p.origin}), the token in the URL${p.authorization ? ' and in an Authorization header' : ', no Authorization header'}: HTTP ${p.status} Switching Protocols.`,
    accessLog: (p: { line: string }) => `An access log keeps that URL, token included: ${p.line}`,
  },
  polling: {
    way: 'way',
    requests: 'requests',
    bytes: 'bytes',
    average: 'avg delay',
    max: 'max delay',
    shortPolling: 'short polling',
    longPolling: 'long polling',
    websocket: 'WebSocket',
  },
  /** The browser page of --serve; {name} marks a value the page fills in. */
};

export type WebsocketLesson = typeof en;
