/** Runs one step of the mq demo against a broker (AMQP_URL or the local default, or the embedded one) and hands back what it saw. */
import type { Lang } from '../../demos/core/lang.js';
import { numberWords } from '../../demos/core/numbers.js';
import { demo } from '../../demos/mq/demo.js';
import { amqpFrames } from '../../demos/mq/frames.js';
import { startMq } from '../../demos/mq/session.js';
import type { AmqpFrameItem } from '../../demos/wire/amqp-frames.js';
import type { Figure } from '../../demos/wire/trace.js';
import type { MqLesson } from '../../lessons/mq/en.js';
import { lessons } from '../../lessons/mq/index.js';
import { declaredIn, type Declared } from './broker-leftovers.js';

export interface StepRun {
  facts: string[];
  figures: Figure[];
  frames: AmqpFrameItem[];
  t: MqLesson;
  /** Every queue and exchange name the step declared by name (server-named queues excluded). */
  declared: Declared;
}

export async function runMqStep(
  id: string,
  lang: Lang = 'en',
  broker: 'auto' | 'rabbitmq' | 'embedded' = 'auto',
): Promise<StepRun> {
  const step = demo.steps.find((s) => s.id === id);
  if (!step) throw new Error(`no mq step ${id}`);
  const t = lessons[lang];
  const session = await startMq({ broker });
  try {
    const tap = session.taps[0]!;
    const outcome = await step.run({ session, lesson: t, numbers: numberWords(lang), items: () => [...tap.items] });
    const facts = Array.isArray(outcome) ? outcome : (outcome?.facts ?? []);
    const figures = Array.isArray(outcome) ? [] : (outcome?.figures ?? []);
    const frames = amqpFrames(tap.items);
    return { facts, figures, frames, t, declared: declaredIn(frames) };
  } finally {
    await session.close();
  }
}

/** One line per frame, for assertion messages. */
export const listing = (frames: AmqpFrameItem[]) =>
  frames.map((f) => `${f.party?.name ?? f.connection} ${f.direction} ${f.method ?? f.frameType}`).join('\n');
