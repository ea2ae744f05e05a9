/**
 * HTTP and WebSocket side by side on one server and one port, as the lecture has it:
 * express answers ordinary requests, and the upgrade requests go to three ws servers.
 *   /echo     the lecture's echo server
 *   /chat     the book club: broadcast chat and "new book" pushes
 *   /graphql  GraphQL subscriptions (graphql-transport-ws)
 */
import type http from 'node:http';
import type { WebSocketServer } from 'ws';
import type { BookStore } from '../books/store.js';
import { partOf, type GraphqlWsServer } from '../registry.js';
import { serveChat, type ChatServer } from './chat.js';
import { serveEcho, type EchoServer } from './echo.js';
import { createWss } from './limits.js';
import { routeUpgrades, type UpgradeOptions } from './upgrade.js';

export interface WebsocketServers {
  echo: EchoServer;
  chat: ChatServer;
  graphql: GraphqlWsServer;
  /** Ends every WebSocket connection at once (the HTTP server closes separately). */
  close(): Promise<void>;
}

export async function attachWebsocketServers(
  server: http.Server,
  store: BookStore,
  upgrade?: UpgradeOptions,
): Promise<WebsocketServers> {
  const serveGraphqlWs = await partOf('graphql', 'subscriptions');
  const routes: Record<string, WebSocketServer> = {
    '/echo': createWss(),
    '/chat': createWss(),
    '/graphql': createWss(),
  };
  routeUpgrades(server, routes, upgrade);
  return {
    echo: serveEcho(routes['/echo']!),
    chat: serveChat(routes['/chat']!, store),
    graphql: serveGraphqlWs(routes['/graphql']!, store),
    close: async () => {
      await Promise.all(
        Object.values(routes).map((wss) => {
          for (const ws of wss.clients) ws.terminate();
          return new Promise<void>((resolve) => wss.close(() => resolve()));
        }),
      );
    },
  };
}
