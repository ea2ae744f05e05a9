/**
 * Request/reply over queues: the client names its reply queue in reply-to and labels the
 * request with a correlation-id (basic.properties in amqp0-9-1.xml); the service answers there.
 */
import type { ConsumeMessage } from 'amqplib';
import { randomBytes } from 'node:crypto';
import { elapsed, messages, methods } from '../frames.js';
import { bookOrder, json, quote, quoteQueue } from '../shop.js';
import { consumer, mqStep, producer } from '../step.js';

export const rpc = mqStep('rpc', async ({ session, lesson }) => {
  const requests = session.queue(quoteQueue);
  await consumer(session, lesson.parties.priceService, requests, 'price-service', {
    setUp: (party) => party.channel.assertQueue(requests, { durable: false }),
    onMessage: (message, party) => {
      let asked: { isbn?: unknown; quantity?: unknown } = {};
      try {
        asked = JSON.parse(String(message.content)) as typeof asked;
      } catch {
        // an unreadable request gets the same answer as an unknown book
      }
      const answer = quote(String(asked.isbn), Number(asked.quantity)) ?? { error: 'no such book' };
      const { replyTo, correlationId } = message.properties as { replyTo?: string; correlationId?: string };
      if (replyTo) party.channel.sendToQueue(replyTo, json(answer), { correlationId, contentType: 'application/json' });
      party.channel.ack(message);
    },
  });

  const client = await producer(session, lesson.parties.priceClient);
  // queue "" asks the broker to name it; exclusive: only this connection may use it, and it goes when the connection does.
  const { queue: replyTo } = await client.channel.assertQueue('', { exclusive: true, durable: false });
  const correlationId = `quote-${randomBytes(4).toString('hex')}`;
  let answered: (message: ConsumeMessage) => void = () => undefined;
  const reply = new Promise<ConsumeMessage>((resolve) => (answered = resolve));
  await client.channel.consume(
    replyTo,
    (message) => {
      if (message?.properties.correlationId === correlationId) answered(message);
    },
    { noAck: true, consumerTag: 'price-client' },
  );
  const { isbn } = bookOrder(0, 0);
  client.channel.sendToQueue(requests, json({ isbn, quantity: 12 }), {
    replyTo,
    correlationId,
    contentType: 'application/json',
  });
  await session.within(reply, 'Basic.Deliver');

  return (frames) => {
    const request = messages(frames, 'Basic.Publish', lesson.parties.priceClient)[0];
    const answer = messages(frames, 'Basic.Deliver', lesson.parties.priceClient)[0];
    const total = answer ? String((JSON.parse(answer.body) as { total?: string }).total ?? '—') : '—';
    const hops = methods(frames, 'Basic.Publish').length + methods(frames, 'Basic.Deliver').length;
    return [
      lesson.facts.rpcRequest({
        replyTo: String(request?.properties.replyTo ?? '—'),
        correlationId: String(request?.properties.correlationId ?? '—'),
      }),
      lesson.facts.rpcReply({
        same: String(answer?.properties.correlationId === request?.properties.correlationId),
        ms: request && answer ? elapsed(request.method.at, answer.method.at) : NaN,
        total,
      }),
      lesson.facts.rpcHops({ hops }),
    ];
  };
});
