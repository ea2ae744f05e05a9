/**
 * Where the AMQP broker is (the mq demo, the microservices saga and bench share it): --amqp-url, else $AMQP_URL, else RabbitMQ's guest account on this
 * machine (guest may only log in over loopback, which is where the demo runs).
 */
import { AwtError } from './errors.js';
import { parseUrl } from './url.js';

export const defaultAmqpUrl = 'amqp://guest:guest@127.0.0.1:5672';

export interface BrokerAddress {
  /** The URL as given, password included: only for connecting. */
  url: URL;
  host: string;
  port: number;
  /** The URL without its password, for messages. */
  shown: string;
}

export function resolveBrokerUrl(explicit: string | undefined, env: NodeJS.ProcessEnv): BrokerAddress {
  const [value, source] =
    explicit !== undefined
      ? [explicit, '--amqp-url']
      : env.AMQP_URL
        ? [env.AMQP_URL, 'AMQP_URL']
        : [defaultAmqpUrl, 'AMQP_URL'];
  const url = parseUrl(value);
  // amqps:// is TLS: the tap would see only ciphertext, so there would be no frames to show.
  if (!url || url.protocol !== 'amqp:' || !url.hostname) {
    throw new AwtError('AWT_BAD_OPTION', {
      option: source,
      value: url ? withoutPassword(url) : value,
      expected: 'amqp://user:password@host:port/vhost',
    });
  }
  return {
    url,
    // new URL keeps the brackets of an IPv6 literal; net.connect wants the bare address.
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    // AMQP 0-9-1 §4.2.2 (IANA): 5672 for plain AMQP.
    port: url.port === '' ? 5672 : Number(url.port),
    shown: withoutPassword(url),
  };
}

/** The same URL pointed at the tap: user, password, vhost and query stay as they were. */
export function viaTap(address: BrokerAddress, tapPort: number): string {
  const url = new URL(address.url.href);
  url.hostname = '127.0.0.1';
  url.port = String(tapPort);
  return url.href;
}

function withoutPassword(url: URL): string {
  const copy = new URL(url.href);
  copy.password = '';
  return copy.href.replace(/\/$/, '');
}
