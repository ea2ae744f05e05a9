/**
 * The book club: members join /chat with ?name=…; every chat message goes to every
 * member, the sender included. Text frames carry small JSON messages:
 *   member → server  {"type":"chat","text":"…"}
 *   server → member  {"type":"chat","from":"Ada","text":"…"} · {"type":"error","message":"…"}
 */
import type http from 'node:http';
import { WebSocket, type WebSocketServer } from 'ws';

/** RFC 6455 §7.4.1: 1003 = a type of data the endpoint cannot accept (here: binary). */
const unsupportedData = 1003;

export function serveClub(wss: WebSocketServer): void {
  wss.on('connection', (ws: WebSocket, request: http.IncomingMessage) => {
    const asked = new URL(request.url ?? '/', 'http://localhost').searchParams.get('name');
    const name = asked?.trim().slice(0, 40) || 'guest';
    // A broken frame closes this socket (ws does it); the others carry on.
    ws.on('error', () => {});
    ws.on('message', (data, isBinary) => {
      if (isBinary) return ws.close(unsupportedData, 'The book club speaks JSON text.');
      const message = parse(String(data));
      if (message?.type === 'chat' && typeof message.text === 'string' && message.text.trim()) {
        const text = JSON.stringify({ type: 'chat', from: name, text: message.text.trim() });
        for (const member of wss.clients) if (member.readyState === WebSocket.OPEN) member.send(text);
      } else {
        ws.send(JSON.stringify({ type: 'error', message: 'Send {"type":"chat","text":"…"}.' }));
      }
    });
  });
}

function parse(text: string): { type?: unknown; text?: unknown } | undefined {
  try {
    const value = JSON.parse(text) as unknown;
    return value && typeof value === 'object' ? value : undefined;
  } catch {
    return undefined;
  }
}
