import type { Step } from '../core/demo.js';
import type { MicroLesson } from '../../lessons/microservices/en.js';
import type { MicroSession } from './session.js';

export type MicroStep = Step<MicroSession, MicroLesson>;
