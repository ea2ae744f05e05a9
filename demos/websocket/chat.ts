/**
 * The book club: members join over /chat with a name; every chat message goes out to
 * every member (the lecture's broadcast), and every new book in the store is pushed
 * to them as it happens. Text frames carry small JSON messages:
 *   client → server  {"type":"chat","text":"…"} · {"type":"listBooks","id":"…"}
 *   server → client  {"type":"chat","from":"Ada","text":"…"} · {"type":"bookAdded","book":{…}} · {"type":"error",…}
 *                    · {"type":"books","id":"…","books":[…]}
 * WebSocket has no request/response of its own (RFC 6455 §1.5: framed messages over TCP),
 * so listBooks is one built on top: the client picks an id, and the answer goes to that
 * client only, with the same id and every book with all six fields, as the REST demo's
 * GET /v1/books has them. With several requests in flight, the id tells the answers apart.
 */
import type http from 'node:http';
import { WebSocket, type WebSocketServer } from 'ws';
import type { BookStore } from '../books/store.js';
import type { Book } from '../books/types.js';

export interface ChatServer {
  /** Names of the members connected now, in the order they joined. */
  members(): string[];
}

/** RFC 6455 §7.4.1: 1003 = "received a type of data it cannot accept", e.g. binary where only text is understood. */
export const unsupportedData = 1003;

/** What a member sends to say something to the club. */
export const chatRequest = (text: string) => ({ type: 'chat', text });

/** What every member receives for it, the sender included: who said it, and what. */
export const chatBroadcast = (from: string, text: string) => ({ type: 'chat', from, text });

/** A request id is the client's own label; this bounds what the server echoes back. */
const maxIdLength = 64;

export function serveChat(wss: WebSocketServer, store: BookStore): ChatServer {
  const members = new Map<WebSocket, string>();
  let guests = 0;

  const broadcast = (message: object) => {
    const text = JSON.stringify(message);
    for (const ws of members.keys()) if (ws.readyState === WebSocket.OPEN) ws.send(text);
  };

  wss.on('connection', (ws: WebSocket, request: http.IncomingMessage) => {
    const asked = new URL(request.url ?? '/', 'http://localhost').searchParams.get('name')?.trim().slice(0, 40);
    members.set(ws, asked || `guest-${++guests}`);
    // Frame errors close this socket with their own code (ws does it, RFC 6455 §7.1.7); the others carry on.
    ws.on('error', () => {});
    ws.on('close', () => members.delete(ws));
    ws.on('message', (data, isBinary) => {
      if (isBinary) return ws.close(unsupportedData, 'The book club speaks JSON text.');
      const message = parse(String(data));
      if (message?.type === 'chat' && typeof message.text === 'string' && message.text.trim()) {
        broadcast(chatBroadcast(members.get(ws)!, message.text.trim()));
      } else if (message?.type === 'listBooks' && isRequestId(message.id)) {
        // type and id first: a client can match the answer on its first bytes (demos/websocket/bench-adapter.ts).
        ws.send(JSON.stringify({ type: 'books', id: message.id, books: store.list() }));
      } else if (message?.type === 'listBooks') {
        const problem = `Send {"type":"listBooks","id":"…"} with an id of 1 to ${maxIdLength} characters.`;
        ws.send(JSON.stringify({ type: 'error', message: problem }));
      } else {
        const problem = 'Send {"type":"chat","text":"…"} or {"type":"listBooks","id":"…"}.';
        ws.send(JSON.stringify({ type: 'error', message: problem }));
      }
    });
  });

  store.onBookAdded((book: Book) =>
    broadcast({ type: 'bookAdded', book: { id: book.id, title: book.title, author: book.author, year: book.year } }),
  );

  return {
    members: () => [...members.values()],
  };
}

interface ClientMessage {
  type?: unknown;
  text?: unknown;
  id?: unknown;
}

function parse(text: string): ClientMessage | undefined {
  try {
    const value = JSON.parse(text) as unknown;
    return value && typeof value === 'object' ? (value as ClientMessage) : undefined;
  } catch {
    return undefined;
  }
}

function isRequestId(id: unknown): id is string {
  return typeof id === 'string' && id.length > 0 && id.length <= maxIdLength;
}
