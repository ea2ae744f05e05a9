/**
 * WebSocket: the list as the book club's listBooks request (demos/websocket/chat.ts) on
 * the demo's own server (express and the ws servers on one port, no tap). One socket
 * per loop, opened once with the bearer token, as a member stays connected; each
 * operation is one text frame up and one text frame down.
 */
import type { WebSocket } from 'ws';
import { BookStore } from '../books/store.js';
import { connect, opened } from './clients.js';
import { createBooksApp } from './http-app.js';
import { attachWebsocketServers } from './server.js';
import { messages } from '../core/messages/index.js';
import type { BenchAdapter, BenchWorker } from '../bench/adapter.js';
import { inFlight } from '../bench/in-flight.js';
import { countJsonList, httpServer } from '../bench/http-adapter.js';

/** As in http-adapter.ts: the check before the load must not hang; under load the generator bounds the wait. */

const countBooks = countJsonList('books');

export const benchAdapter: BenchAdapter = {
  id: 'websocket',
  name: 'WebSocket',
  operation: '/chat {"type":"listBooks","id":"…"}',
  start: async () => {
    const store = new BookStore();
    const server = await httpServer(createBooksApp(store, { en: messages.en.chatPage, de: messages.de.chatPage }));
    const sockets = await attachWebsocketServers(server.server, store);
    return {
      address: server.address,
      close: async () => {
        await sockets.close();
        await server.close();
      },
    };
  },
  connect: async (address) => {
    const sockets = new Set<WebSocket>();
    let members = 0;
    return {
      worker: async () => {
        const ws = connect(address.url, '/chat', { query: { name: `bench-${++members}` } });
        sockets.add(ws);
        await opened(ws);
        return listBooksWorker(ws);
      },
      close: async () => {
        for (const ws of sockets) ws.terminate();
      },
    };
  },
};

function listBooksWorker(ws: WebSocket): BenchWorker {
  let requests = 0;
  // The key is the answer's first bytes, which name the request's id (see run()).
  const waiting = inFlight<Buffer>();

  ws.on('message', (data: Buffer) => {
    const prefix = waiting.key;
    if (!prefix) return;
    // chat.ts writes type and id first, so the answer is matched on its first bytes. Like
    // the HTTP adapters, which never parse a body under load, only the check reads the list.
    if (data.subarray(0, prefix.length).equals(prefix)) waiting.answer(data, countBooks);
    else if (data.subarray(0, 16).toString() === '{"type":"error",')
      waiting.fail(new Error(`the book club answered: ${String(data)}`));
    // Anything else (a chat message, a new-book push) is not the answer: keep waiting.
  });
  ws.on('close', (code: number) => waiting.fail(new Error(`the socket closed (${code})`)));

  return {
    run: (check = false) => {
      if (ws.readyState !== ws.OPEN) return Promise.reject(new Error('the socket is not open'));
      const id = String(++requests);
      // The comma after the id: the answer to "1" must not match "10".
      const answer = waiting.wait(Buffer.from(`{"type":"books","id":"${id}",`), check);
      ws.send(`{"type":"listBooks","id":"${id}"}`);
      return answer;
    },
    close: async () => {
      ws.terminate();
    },
  };
}
