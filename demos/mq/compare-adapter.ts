import { performance } from 'node:perf_hooks';
import type { ConsumeMessage } from 'amqplib';
import { BookStore } from '../books/store.js';
import { validateNewBook } from '../books/validation.js';
import { startMq } from './session.js';
import type { CompareAdapter } from '../compare/adapter.js';
import { markWire } from '../compare/wire-wait.js';
import type { WireItem } from '../wire/trace.js';
import { newBook } from '../compare/use-cases.js';

const consumerAck = (item: WireItem) =>
  item.kind === 'amqp-frame' && item.direction === 'up' && item.method === 'Basic.Ack';

/**
 * The message-queue way: adding a book is a command message to a queue that a book
 * service consumes; "a new book arrived" is an event on a fanout exchange. Looking
 * data up is not messaging's job, so use cases 1, 2, 4 and 5 are left out on purpose.
 */
export const compareAdapter: CompareAdapter = {
  paradigm: 'mq',
  async start({ amqpUrl, broker, notes }) {
    const session = await startMq({ ...(amqpUrl ? { amqpUrl } : {}), ...(broker ? { broker } : {}) });
    const store = new BookStore();
    const reset = store.checkpoint();
    const commands = session.queue('compare.add-book');
    const events = session.exchange('compare.book-added');
    const waiting: Array<(message: ConsumeMessage) => void> = [];
    const next = () => new Promise<ConsumeMessage>((resolve) => waiting.push(resolve));
    let producer: Awaited<ReturnType<typeof session.connect>>;
    return {
      taps: session.taps,
      reset,
      broker: session.brokerUsed,
      // Two connections (a shop front and a book service), their channels, queues and bindings.
      connect: async () => {
        producer = await session.connect({ name: 'shop', role: 'producer' }, { confirm: true });
        const service = await session.connect({ name: 'book service', role: 'consumer' });
        await producer.channel.assertQueue(commands, { durable: false });
        await producer.channel.assertExchange(events, 'fanout', { durable: false });
        const inbox = (await service.channel.assertQueue('', { exclusive: true })).queue;
        await service.channel.bindQueue(inbox, events, '');
        await service.channel.consume(commands, (message) => {
          if (!message) return;
          const result = validateNewBook(JSON.parse(message.content.toString()) as object, store.openedAt);
          if (result.ok) store.add(result.value);
          service.channel.ack(message);
          waiting.shift()?.(message);
        });
        await service.channel.consume(inbox, (message) => {
          if (!message) return;
          service.channel.ack(message);
          waiting.shift()?.(message);
        });
      },
      useCases: {
        // Publish with a confirm, then the service takes the command and acks it.
        3: async () => {
          const wire = markWire(session.taps);
          const started = performance.now();
          const handled = next();
          producer.channel.sendToQueue(commands, Buffer.from(JSON.stringify(newBook)), {
            contentType: 'application/json',
          });
          await session.within(producer.channel.waitForConfirms(), 'Basic.Ack (confirm)');
          await session.within(handled, 'Basic.Deliver');
          const latencyMs = performance.now() - started;
          // The service's Basic.Ack for the command waits for no answer: wait until it is on the wire.
          await wire(consumerAck);
          return { latencyMs, note: notes.confirmed };
        },
        6: async () => {
          const wire = markWire(session.taps);
          const delivered = next();
          const publishedAt = performance.now();
          producer.channel.publish(events, '', Buffer.from(JSON.stringify({ type: 'bookAdded', book: newBook })), {
            contentType: 'application/json',
          });
          await session.within(delivered, 'Basic.Deliver');
          const latencyMs = performance.now() - publishedAt;
          await wire(consumerAck);
          return { latencyMs, note: notes.fanout };
        },
      },
      close: () => session.close(),
    };
  },
};
