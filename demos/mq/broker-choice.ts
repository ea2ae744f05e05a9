/**
 * --broker / $AWT_BROKER: which AMQP broker a run uses. Kept apart from choose-broker.ts,
 * which starts brokers, so that parsing the command line loads nothing heavy.
 */
import { AwtError } from '../core/errors.js';

export const BROKER_CHOICES = ['auto', 'rabbitmq', 'embedded'] as const;
export type BrokerChoice = (typeof BROKER_CHOICES)[number];

/** --broker, else $AWT_BROKER, else auto; anything else is a usage error naming the option. */
export function brokerChoice(explicit: string | undefined, env: NodeJS.ProcessEnv): BrokerChoice {
  const [value, option] = explicit !== undefined ? [explicit, '--broker'] : [env.AWT_BROKER, 'AWT_BROKER'];
  if (value === undefined || value === '') return 'auto';
  if (!(BROKER_CHOICES as readonly string[]).includes(value)) {
    throw new AwtError('AWT_BAD_OPTION', { option, value, expected: BROKER_CHOICES.join(' | ') });
  }
  return value as BrokerChoice;
}
