/**
 * The embedded broker's entry point: a TCP server speaking AMQP 0-9-1 on 127.0.0.1.
 *
 *   const broker = await startBroker({ port: 0 });
 *   await amqp.connect(broker.url); // amqplib, pika, any 0-9-1 client
 *   await broker.close();
 */
import { createServer, type AddressInfo, type Server } from 'node:net';
import { Connection, DEFAULT_LIMITS, type ConnectionLimits } from './connection.js';
import { VirtualHost } from './vhost.js';

export interface BrokerOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  /** Overrides of the limits the broker proposes and enforces (tests shorten the timeouts). */
  limits?: Partial<ConnectionLimits>;
}

export interface EmbeddedBroker {
  /** amqp://guest:guest@127.0.0.1:<port>: the broker's only user, as on a fresh RabbitMQ. */
  readonly url: string;
  readonly port: number;
  /** Connections open right now. */
  readonly connections: number;
  /** Tells every client 320 CONNECTION_FORCED, then stops; resolves once every socket is gone. */
  close(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}

export async function startBroker(options: BrokerOptions = {}): Promise<EmbeddedBroker> {
  const host = options.host ?? '127.0.0.1';
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const vhost = new VirtualHost();
  const open = new Set<Connection>();
  const server: Server = createServer((socket) => {
    open.add(new Connection(socket, vhost, limits, (gone) => open.delete(gone)));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= new Promise<void>((resolve) => {
      // Clients get a moment to answer Connection.Close; then the sockets are cut. The timer
      // keeps the process alive until then: a client that never answers (one still writing a
      // 50 MB message, say) must not leave this promise pending on an empty event loop,
      // which ends the process with exit code 0 in the middle of its work.
      const cut = setTimeout(() => {
        for (const connection of open) connection.destroy();
      }, 500);
      server.close(() => {
        clearTimeout(cut);
        resolve();
      });
      for (const connection of open) connection.shutdown();
    }));
  return {
    url: `amqp://guest:guest@${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    get connections() {
      return open.size;
    },
    close,
    [Symbol.asyncDispose]: close,
  };
}
