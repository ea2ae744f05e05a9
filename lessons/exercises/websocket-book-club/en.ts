import type { ExerciseText } from '../../../demos/exercises/types.js';

export const en: ExerciseText = {
  title: 'The book club of the websocket demo, with the ws package',
  summary: 'Handshake with a bearer token, broadcast to every member, 401 without the token, 1003 for binary, pong',
  task: [
    "Build the book club of the websocket demo with the `ws` package in TypeScript: a WebSocket endpoint at `/chat` on a plain HTTP server, speaking the demo's chat protocol (`awt-demo websocket` shows it on the wire).",
    '- Members join with `ws://localhost:8080/chat?name=Ada` and the bearer token `book-club`: in the header `Authorization: Bearer book-club` (Node clients) or as `?access_token=book-club` (browsers, which cannot set headers). Without the token the handshake gets `401 Unauthorized` with `WWW-Authenticate: Bearer …` instead of `101`.\n- A member sends text frames with JSON: `{"type":"chat","text":"…"}`. Every member, the sender included, receives `{"type":"chat","from":"Ada","text":"…"}`.\n- The club speaks JSON text only: a binary frame closes the connection with code `1003` (unsupported data).\n- A ping is answered with a pong that carries the same payload.',
  ],
  steps: [
    '1. Open `src/server.ts`. The server starts and accepts WebSocket connections already; every `TODO` marks a rule that is yours to write.',
    '2. Write one rule at a time and run the checks after each; a failing check shows the handshake and the frames, both directions, as the tap saw them.',
    '3. Compare with the demo: `awt-demo websocket` shows the same frames against the reference server; `awt-demo tap http://localhost:8080/chat` shows what your own clients send.',
  ],
  checks: {
    handshake: {
      title: 'The handshake to /chat with the token answers 101, with the token in the header and in the query',
      expected:
        '101 Switching Protocols with a correct Sec-WebSocket-Accept, for Authorization: Bearer book-club and for ?access_token=book-club',
      hints: [
        'A WebSocket starts as an HTTP request with Upgrade: websocket; the server answers 101 and from then on both sides speak frames (RFC 6455 §4). Browsers cannot set headers, so the token may also come in the URL.',
        "Read the token from `request.headers.authorization` (`Bearer <token>`) or, when there is none, from `new URL(request.url, 'http://localhost').searchParams.get('access_token')`.",
        "Shape: `const bearer = /^Bearer\\s+(\\S+)$/i.exec(request.headers.authorization ?? '')?.[1]; const given = bearer ?? url.searchParams.get('access_token'); if (given !== 'book-club') …refuse…; wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));`",
      ],
    },
    broadcast: {
      title: 'A chat message reaches every member, the sender included',
      expected:
        'three members join; the first sends {"type":"chat","text":"…"}; each of the three receives {"type":"chat","from":"<the sender\'s name>","text":"…"}',
      hints: [
        'Broadcast means the server sends one message to every open connection. The sender is a member too: it learns that its message went out by hearing it back.',
        "`wss.clients` is the set of open connections; send to each whose `readyState === WebSocket.OPEN`. The sender's name comes from `?name=` of its handshake request (the second argument of the 'connection' event).",
        "Shape: `const out = JSON.stringify({ type: 'chat', from: name, text: message.text }); for (const member of wss.clients) if (member.readyState === WebSocket.OPEN) member.send(out);`",
      ],
    },
    'no-token': {
      title: 'Without the token, the handshake answers 401 with WWW-Authenticate',
      expected: 'HTTP 401 Unauthorized instead of 101, with a WWW-Authenticate header naming the Bearer scheme',
      hints: [
        'The token is checked before the 101 is sent: until then it is an ordinary HTTP request, so an ordinary HTTP error answers it, and the client never becomes a member.',
        "Handle the HTTP server's 'upgrade' event yourself (`new WebSocketServer({ noServer: true })`); for a request without the token write a plain HTTP response on the socket and end it.",
        'Shape: `socket.end(\'HTTP/1.1 401 Unauthorized\\r\\nWWW-Authenticate: Bearer realm="book-club"\\r\\nContent-Length: 0\\r\\nConnection: close\\r\\n\\r\\n\');`',
      ],
    },
    binary: {
      title: 'A binary frame closes the connection with 1003',
      expected: 'after a binary frame, a close frame with status code 1003 (unsupported data)',
      hints: [
        'Every WebSocket message is text or binary (the opcode says which). The club understands JSON text only, and RFC 6455 §7.4.1 has a close code for "a type of data it cannot accept".',
        "The 'message' event of ws gives `(data, isBinary)`; `ws.close(code, reason)` sends the close frame.",
        "Shape: `ws.on('message', (data, isBinary) => { if (isBinary) return ws.close(1003, 'The book club speaks JSON text.'); … });`",
      ],
    },
    pong: {
      title: 'A ping is answered with a pong carrying the same payload',
      expected: 'a pong frame with exactly the payload of the ping',
      hints: [
        'Ping and pong are control frames (RFC 6455 §5.5.2–5.5.3): an endpoint answers every ping with a pong that carries the same application data; that is how either side finds out whether the other is still there.',
        "ws answers pings by itself, unless the server was made with `autoPong: false`; then `ws.on('ping', …)` must answer with `ws.pong(data)`.",
        "Shape: leave `autoPong` at its default, or: `ws.on('ping', (data) => ws.pong(data));`",
      ],
    },
  },
};
