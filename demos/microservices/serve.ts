/**
 * --serve: the gateway stays up, with the registry and the services behind it, until
 * Ctrl-C. Every hop is shown as it happens (heartbeats aside); kill a service by its
 * pid and ask again to see the page go on without it.
 */
import type { ServedDemo, ServeOptions } from '../core/demo.js';
import { startMicroservices } from './session.js';

export async function serveMicroservices(options: ServeOptions): Promise<ServedDemo> {
  const session = await startMicroservices({
    onItem: (item) => {
      if (item.kind === 'http' && item.hop?.background) return;
      options.onItem(item);
    },
    ...(options.port !== undefined ? { gatewayPort: options.port } : {}),
    ...(options.amqpUrl !== undefined ? { amqpUrl: options.amqpUrl } : {}),
    ...(options.broker !== undefined ? { broker: options.broker } : {}),
    ...(options.origin !== undefined ? { origin: options.origin } : {}),
  });
  const gateway = session.process('gateway');
  const key = `-H 'X-Api-Key: ${session.apiKey}'`;
  const pids = [...session.processes.values()]
    .filter((p) => p.entry !== 'monolith' && p.entry !== 'gateway')
    .map((p) => `kill -9 ${p.pid}   # ${p.instance} (port ${p.port}, tap ${p.tap.port})`);
  return {
    url: gateway.url,
    examples: [
      `curl -s ${key} ${gateway.url}/api/book-page/1`,
      `curl -i ${gateway.url}/api/book-page/1`,
      `curl -s ${key} ${gateway.url}/api/books`,
      `curl -s ${session.process('registry').url}/services/reviews`,
      ...pids,
    ],
    close: () => session.close(),
  };
}
