/** The steps of the mq demo, in the lecture's order: basics, load and faults, exchange types, patterns, bad input. */
import type { MqStep } from './step.js';
import { noExchange, conflictingQueue, throwingConsumer } from './steps/bad-input.js';
import { confirms } from './steps/confirms.js';
import { deadLetter } from './steps/dead-letter.js';
import { durability } from './steps/durability.js';
import { direct, fanout } from './steps/exchanges.js';
import { headers } from './steps/headers.js';
import { hello } from './steps/hello.js';
import { rpc } from './steps/rpc.js';
import { topic } from './steps/topic.js';
import { faultTolerance, workQueue } from './steps/work-queue.js';

export const mqSteps: MqStep[] = [
  hello,
  workQueue,
  faultTolerance,
  durability,
  fanout,
  direct,
  topic,
  headers,
  rpc,
  confirms,
  deadLetter,
  noExchange,
  conflictingQueue,
  throwingConsumer,
];
