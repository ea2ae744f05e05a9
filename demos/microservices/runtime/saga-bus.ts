/**
 * The saga's events over AMQP 0-9-1: one topic exchange, a queue per service bound to
 * the events it reacts to. Names carry the run's prefix, and queue and exchange delete
 * themselves when their last consumer or binding goes (auto-delete), so a run leaves
 * nothing in the broker. amqplib is loaded only by the services that take part.
 */
import type { Channel, ChannelModel } from 'amqplib';

export interface SagaBus {
  publish(routingKey: string, event: object): void;
  close(): Promise<void>;
}

export async function joinSagaBus(
  amqpUrl: string,
  prefix: string,
  service: string,
  bindings: string[],
  onEvent: (routingKey: string, event: Record<string, unknown>) => Promise<void>,
): Promise<SagaBus> {
  const amqp = (await import('amqplib')).default;
  const connection: ChannelModel = await amqp.connect(amqpUrl, {
    // Generous: a busy machine must not turn a slow handshake into a failed saga.
    timeout: 5000,
    noDelay: true,
    clientProperties: { connection_name: `awt-demo: ${service}` },
  });
  connection.on('error', () => undefined);
  const channel: Channel = await connection.createChannel();
  channel.on('error', () => undefined);
  const exchange = `${prefix}.saga`;
  const queue = `${prefix}.${service}`;
  await channel.assertExchange(exchange, 'topic', { durable: false, autoDelete: true });
  await channel.assertQueue(queue, { durable: false, autoDelete: true });
  for (const key of bindings) await channel.bindQueue(queue, exchange, key);
  await channel.consume(queue, (message) => {
    if (!message) return;
    let event: Record<string, unknown> | undefined;
    try {
      event = JSON.parse(message.content.toString('utf8')) as Record<string, unknown>;
    } catch {
      event = undefined;
    }
    // A message that is not an event is dropped (nack without requeue), not retried for ever.
    if (!event || typeof event !== 'object') return channel.nack(message, false, false);
    onEvent(message.fields.routingKey, event).then(
      () => channel.ack(message),
      () => channel.nack(message, false, false),
    );
  });
  return {
    publish(routingKey, event) {
      channel.publish(exchange, routingKey, Buffer.from(JSON.stringify(event)), {
        contentType: 'application/json',
      });
    },
    async close() {
      await connection.close().catch(() => undefined);
    },
  };
}
