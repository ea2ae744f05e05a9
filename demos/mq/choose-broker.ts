/**
 * Which AMQP broker a run uses: RabbitMQ (or any broker) at --amqp-url / $AMQP_URL, or
 * the embedded one started for this run on a free port of 127.0.0.1.
 *
 * auto (the default) asks the URL first and takes the embedded broker only when nothing
 * there answers the AMQP protocol header with Connection.Start within `probeMs`, so a
 * lecture machine with RabbitMQ keeps using it and a student's laptop needs nothing.
 * rabbitmq asks too, for the name the broker gives itself, and keeps the URL either way.
 */
import { connect } from 'node:net';
import { amqplibCodec } from './broker/codec.js';
import type { BrokerChoice } from './broker-choice.js';
import { resolveBrokerUrl, type BrokerAddress } from '../core/broker-url.js';
import { escapeText } from '../render/escape.js';

/** Long enough for a broker on this machine or the LAN, short enough that a missing one is not noticed. */
export const probeMs = 800;

export interface ChosenBroker {
  readonly address: BrokerAddress;
  readonly kind: 'external' | 'embedded';
  /** What the broker calls itself in Connection.Start (server-properties.product, .version), when known. */
  readonly product: string | undefined;
  /** auto found nothing at this URL (shown without password) and started the embedded broker instead. */
  readonly fallbackFrom: string | undefined;
  /** Stops the embedded broker; nothing for an external one. */
  close(): Promise<void>;
}

export async function chooseBroker(
  choice: BrokerChoice,
  amqpUrl: string | undefined,
  env: NodeJS.ProcessEnv,
): Promise<ChosenBroker> {
  // A malformed URL is a usage error in every mode, even where the embedded broker would do.
  const address = resolveBrokerUrl(amqpUrl, env);
  if (choice !== 'embedded') {
    const product = await answersAmqp(address.host, address.port, probeMs);
    // rabbitmq asks only for the broker's name: if nothing answers, connecting fails with the reason.
    if (product !== false || choice === 'rabbitmq') return external(address, product === false ? undefined : product);
  }
  const { startBroker } = await import('./broker/server.js');
  const broker = await startBroker({ port: 0 });
  return {
    address: resolveBrokerUrl(broker.url, {}),
    kind: 'embedded',
    product: undefined,
    fallbackFrom: choice === 'auto' ? address.shown : undefined,
    close: () => broker.close(),
  };
}

function external(address: BrokerAddress, product: string | undefined): ChosenBroker {
  return { address, kind: 'external', product, fallbackFrom: undefined, close: async () => undefined };
}

/**
 * Sends the protocol header (§4.2.2) and waits for the first frame. Connection.Start
 * means an AMQP 0-9-1 broker; its product name comes back (or '' if unreadable).
 * Anything else in time also counts as "answers": the run then reports what is wrong there.
 */
export function answersAmqp(host: string, port: number, ms: number): Promise<string | false> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    let got = Buffer.alloc(0);
    const done = (result: string | false) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(result);
    };
    const timer = setTimeout(() => done(got.length > 0 ? '' : false), ms);
    socket.on('connect', () => socket.write(Buffer.from('AMQP\x00\x00\x09\x01', 'latin1')));
    socket.on('data', (chunk: Buffer) => {
      got = Buffer.concat([got, chunk]);
      if (got.length > 64 * 1024) return done('');
      if (got.length < 7) return;
      const size = got.readUInt32BE(3);
      if (got[0] !== 1 || size > 64 * 1024) return done('');
      if (got.length >= size + 8) done(productOf(got.subarray(7, 7 + size)));
    });
    socket.on('error', () => done(got.length > 0 ? '' : false));
    socket.on('close', () => done(got.length > 0 ? '' : false));
  });
}

/** "RabbitMQ 3.10.8" from Connection.Start's server-properties; '' when it cannot be read. */
function productOf(payload: Buffer): string {
  try {
    if (payload.readUInt32BE(0) !== 0x000a000a) return '';
    const start = amqplibCodec().defs.decode(0x000a000a, payload.subarray(4));
    const props = (start.serverProperties ?? {}) as Record<string, unknown>;
    // From the wire: length bounded, and whatever a terminal would act on (control and
    // reordering characters) shown as visible escapes, before it reaches a terminal.
    const text = (value: unknown) => (typeof value === 'string' ? escapeText(value.slice(0, 60)) : '');
    return `${text(props.product)} ${text(props.version)}`.trim();
  } catch {
    return '';
  }
}
