import { defineDemo } from '../core/demo.js';
import { de } from '../../lessons/mq/de.js';
import { en } from '../../lessons/mq/en.js';
import { mqSteps } from './scenario.js';
import { startMq } from './session.js';

/**
 * No `serve` and no `contract`: the server is RabbitMQ itself, and AMQP 0-9-1 has no
 * schema of messages to print; --serve and --schema say so (AWT_NO_SERVE, AWT_NO_SCHEMA).
 */
export const demo = defineDemo({
  id: 'mq',
  lessons: { en, de },
  start: startMq,
  steps: mqSteps,
});
