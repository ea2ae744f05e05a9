import type { Step } from '../core/demo.js';
import type { MicroLesson } from '../../lessons/microservices/en.js';
import type { MicroSession, Spare } from './session.js';

export type MicroStep = Step<MicroSession, MicroLesson> & {
  /** The processes this step starts, forked ahead while the steps before it run. */
  spares?: readonly Spare[];
};
