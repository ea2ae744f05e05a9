/**
 * A direct connection to the broker (no tap), or AWT_BROKER_UNREACHABLE with the reason
 * in the user's terms, within the 3 s the issue allows (node's start-up included).
 * Used to prove the broker is there before anything is shown, by the demo and by bench.
 */
import amqp from 'amqplib';
import { AwtError } from '../core/errors.js';
import type { BrokerAddress } from '../core/broker-url.js';
import type { ChosenBroker } from './choose-broker.js';
import { within } from './wait.js';

export const probeMs = 2000;

export async function connectDirect(broker: BrokerAddress, name: string): Promise<amqp.ChannelModel> {
  const timeout = () =>
    new AwtError('AWT_BROKER_UNREACHABLE', { url: broker.shown, reason: 'timeout', detail: `${probeMs / 1000} s` });
  const attempt = amqp.connect(broker.url.href, {
    timeout: probeMs,
    noDelay: true,
    clientProperties: { connection_name: name },
  });
  try {
    return await within(attempt, probeMs + 200, timeout);
  } catch (error) {
    // A connection that opens after we gave up must not be left behind.
    attempt.then(
      (late) => late.close(),
      () => undefined,
    );
    if (error instanceof AwtError) throw error;
    if ((error as Error).message === 'connect ETIMEDOUT') throw timeout();
    throw brokerError(broker, error, 'not-amqp');
  }
}

/** A direct connection to the chosen broker; when there is none, the chosen broker is stopped (an embedded one). */
export async function connectChosen(chosen: ChosenBroker, name: string): Promise<amqp.ChannelModel> {
  try {
    return await connectDirect(chosen.address, name);
  } catch (error) {
    await chosen.close();
    throw error;
  }
}

/** What went wrong, in the terms of AWT_BROKER_UNREACHABLE; `otherwise` when nothing more specific fits. */
export function brokerError(broker: BrokerAddress, error: unknown, otherwise: 'lost' | 'not-amqp'): AwtError {
  const { code, message } = error as { code?: unknown; message?: string };
  const text = message ?? String(error);
  // amqplib quotes the broker's reply text: `... with message "ACCESS_REFUSED - Login was refused ..."`.
  const brokerSays = /with message "([^"]*)"/.exec(text)?.[1];
  const url = broker.shown;
  if (code === 'ECONNREFUSED') {
    return new AwtError('AWT_BROKER_UNREACHABLE', { url, reason: 'refused', detail: 'ECONNREFUSED' });
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new AwtError('AWT_BROKER_UNREACHABLE', { url, reason: 'unknown-host', detail: String(code) });
  }
  if (brokerSays && /ACCESS.REFUSED|NOT.ALLOWED/.test(brokerSays)) {
    return new AwtError('AWT_BROKER_UNREACHABLE', { url, reason: 'login', detail: brokerSays });
  }
  // The broker answers Connection.Open for an unknown vhost with Connection.Close 530; amqplib keeps only this.
  if (/Expected ConnectionOpenOk; got <ConnectionClose/.test(text)) {
    const vhost = decodeURIComponent(broker.url.pathname.slice(1)) || '/';
    return new AwtError('AWT_BROKER_UNREACHABLE', { url, reason: 'vhost', detail: vhost });
  }
  return new AwtError('AWT_BROKER_UNREACHABLE', { url, reason: otherwise, detail: brokerSays ?? text });
}
