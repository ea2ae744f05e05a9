/**
 * One run of the demo: the books store, the express app and the three ws servers on
 * one HTTP server behind the wire tap, and the clients the steps open. The tap's
 * decoder hands each connection to the WebSocket frame decoder once it switched (101).
 */
import type { WebSocket } from 'ws';
import { BookStore } from '../books/store.js';
import type { DemoSession, ServeOptions, ServedDemo } from '../core/demo.js';
import { createHttpClient, type HttpClient } from '../wire/http-client.js';
import { httpBehindTap, type HttpBehindTap } from '../wire/http-behind-tap.js';
import { httpDecoder } from '../wire/http-decoder.js';
import type { Tap } from '../wire/tap.js';
import { createWebSocketFrameDecoder } from '../wire/websocket-frames.js';
import { messages } from '../core/messages/index.js';
import { bookClubToken } from './auth.js';
import { connect, type ClientOptions } from './clients.js';
import { chatPagePath, createBooksApp } from './http-app.js';
import { attachWebsocketServers, type WebsocketServers } from './server.js';

export interface WebsocketSession extends DemoSession {
  /** The tap's URL, http://127.0.0.1:<port>; WebSocket clients use the same port. */
  url: string;
  tap: Tap;
  store: BookStore;
  servers: WebsocketServers;
  /** For the HTTP calls (POST /books), on its own keep-alive connection. */
  http: HttpClient;
  /** Opens a WebSocket client through the tap, named `as` for later steps; the session closes it at the end. */
  connect(path: string, options?: ClientOptions & { as?: string }): WebSocket;
  /** The client an earlier step opened under this name. */
  client(name: string): WebSocket;
}

interface Running {
  behindTap: HttpBehindTap;
  store: BookStore;
  servers: WebsocketServers;
}

async function startServers(options: ServeOptions | undefined): Promise<Running> {
  const store = new BookStore();
  const behindTap = await httpBehindTap(
    createBooksApp(store, { en: messages.en.chatPage, de: messages.de.chatPage }, options?.lang),
    {
      decoder: httpDecoder({ onUpgrade: (connection, emit) => createWebSocketFrameDecoder(connection, emit) }),
      ...(options?.port !== undefined ? { port: options.port } : {}),
      ...(options ? { onItem: options.onItem } : {}),
      ...(options?.origin !== undefined ? { origin: options.origin } : {}),
    },
  );
  // A browser reaches the server through the tap, under any of the loopback names.
  const port = behindTap.tap.port;
  const origins = [`http://127.0.0.1:${port}`, `http://localhost:${port}`, `http://[::1]:${port}`];
  const servers = await attachWebsocketServers(behindTap.server, store, { origins: () => origins });
  return { behindTap, store, servers };
}

export async function startWebsocket(): Promise<WebsocketSession> {
  const { behindTap, store, servers } = await startServers(undefined);
  const http = createHttpClient(behindTap.url);
  const clients = new Set<WebSocket>();
  const named = new Map<string, WebSocket>();
  return {
    url: behindTap.url,
    tap: behindTap.tap,
    taps: [behindTap.tap],
    store,
    servers,
    http,
    connect(path, options = {}) {
      const ws = connect(behindTap.url, path, options);
      clients.add(ws);
      if (options.as) named.set(options.as, ws);
      return ws;
    },
    client(name) {
      const ws = named.get(name);
      if (!ws) throw new Error(`no client named ${name}: the steps run in order`);
      return ws;
    },
    close: async () => {
      for (const ws of clients) ws.terminate();
      http.close();
      await servers.close();
      await behindTap.close();
    },
  };
}

export async function serveWebsocket(options: ServeOptions): Promise<ServedDemo> {
  const { behindTap, servers } = await startServers(options);
  const url = behindTap.url;
  const book = JSON.stringify({ title: 'Release It!', author: 'Michael T. Nygard', year: 2007 });
  const ws = url.replace(/^http:/, 'ws:');
  const hello = (from: string) => `'${JSON.stringify({ type: 'chat', text: `Hello from ${from}` })}'`;
  return {
    // The index links the chat page: open that in two browser windows and chat.
    url: `${url}/`,
    browse: [`${url}/`, `${url}${chatPagePath}`],
    examples: [
      `# ${messages[options.lang ?? 'en'].serve.openChatTwice({ url: `${url}${chatPagePath}`, token: bookClubToken })}`,
      // wscat (npm) can send headers; websocat, like a browser, gives the token in the URL (RFC 6750 §2.3).
      `npx wscat -c ${ws}/chat -H 'Authorization: Bearer ${bookClubToken}'`,
      `npx wscat -c ${ws}/chat -H 'Authorization: Bearer ${bookClubToken}' -x ${hello('wscat')} -w 2`,
      `echo ${hello('websocat')} | websocat '${ws}/chat?access_token=${bookClubToken}'`,
      `npx wscat -c ${ws}/echo -H 'Authorization: Bearer ${bookClubToken}'`,
      `curl -i -X POST ${url}/books -H 'Content-Type: application/json' -d '${book}'`,
      `curl -i '${url}/books/changes?since=6'`,
      `curl -i '${url}/books/changes?since=7&wait=30000'`,
      `curl -i -N ${url}/chat -H 'Connection: Upgrade' -H 'Upgrade: websocket' -H 'Sec-WebSocket-Version: 13' -H 'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==' -H 'Authorization: Bearer ${bookClubToken}'`,
      `curl -i ${url}/chat -H 'Connection: Upgrade' -H 'Upgrade: websocket' -H 'Sec-WebSocket-Version: 13' -H 'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ=='`,
    ],
    close: async () => {
      await servers.close();
      await behindTap.close();
    },
  };
}
