/**
 * The lecture's producer/consumer example (pika, in the notes), in TypeScript with
 * amqplib: the producer sends and hangs up before the consumer even connects.
 */
import type { Figure } from '../../wire/trace.js';
import { amqplibConsumer, amqplibProducer, pikaConsumer, pikaProducer } from '../../../lessons/mq/code.js';
import { elapsed, methods, messages } from '../frames.js';
import { consumer, mqStep, producer } from '../step.js';

export const hello = mqStep('hello', async ({ session, lesson }) => {
  const queue = session.queue('hello');
  // pika's queue_declare(queue='hello') makes a transient queue; amqplib's default would be durable.
  const sender = await producer(session, lesson.parties.producer);
  await sender.channel.assertQueue(queue, { durable: false });
  sender.channel.sendToQueue(queue, Buffer.from('Hello World!'));
  await sender.close();

  const { inbox } = await consumer(session, lesson.parties.consumer, queue, 'consumer', {
    noAck: true,
    // The lecture's consumer declares the queue too: whoever starts first creates it.
    setUp: (party) => party.channel.assertQueue(queue, { durable: false }),
  });
  await session.within(inbox.until(1), 'Basic.Deliver');

  return (frames) => {
    const [delivered] = messages(frames, 'Basic.Deliver');
    const producerGone = methods(frames, 'Connection.CloseOk', lesson.parties.producer)[0]?.at ?? 0;
    const consumerHere = frames.find((f) => f.party?.name === lesson.parties.consumer)?.at ?? 0;
    const waiting = methods(frames, 'Queue.DeclareOk', lesson.parties.consumer)[0]?.fields?.messageCount;
    return {
      facts: [
        lesson.facts.helloDecoupled({ body: delivered?.body ?? '—', gap: elapsed(producerGone, consumerHere) }),
        lesson.facts.helloWaiting({ count: Number(waiting ?? 0) }),
        lesson.facts.helloNoAck({ acks: methods(frames, 'Basic.Ack').length }),
      ],
      // The step's calls as a program, each beside the lecture's pika program that does the same.
      figures: [
        code(lesson.code.producerTypescript, amqplibProducer),
        code(lesson.code.producerPython, pikaProducer),
        code(lesson.code.consumerTypescript, amqplibConsumer),
        code(lesson.code.consumerPython, pikaConsumer),
      ],
    };
  };
});

const code = (title: string, text: string): Figure => ({ kind: 'code', title, lines: text.trimEnd().split('\n') });
