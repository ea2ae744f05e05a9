/** That a run left nothing on a broker: each queue and exchange it declared by name is gone. */
import assert from 'node:assert/strict';
import amqp from 'amqplib';
import type { AmqpFrameItem } from '../../demos/wire/amqp-frames.js';

export interface Declared {
  queues: string[];
  exchanges: string[];
}

/** Every queue and exchange declared by name in `frames` (server-named queues have none). */
export function declaredIn(frames: readonly AmqpFrameItem[]): Declared {
  const named = (method: string, key: string) => [
    ...new Set(frames.filter((f) => f.method === method && f.fields?.[key]).map((f) => String(f.fields?.[key]))),
  ];
  return { queues: named('Queue.Declare', 'queue'), exchanges: named('Exchange.Declare', 'exchange') };
}

/** Asks the broker at `url` for each name passively: a 404 (NOT_FOUND) means it is gone. */
export async function assertNothingLeft(url: string, declared: Declared, where = 'the broker'): Promise<void> {
  const connection = await amqp.connect(url);
  try {
    for (const [kind, name] of [
      ...declared.queues.map((q) => ['queue', q] as const),
      ...declared.exchanges.map((x) => ['exchange', x] as const),
    ]) {
      // A failed passive declare closes its channel: one channel a name.
      const channel = await connection.createChannel();
      channel.on('error', () => undefined);
      const check = kind === 'queue' ? channel.checkQueue(name) : channel.checkExchange(name);
      await assert.rejects(check, /404/, `${kind} ${name} is still on ${where}`);
    }
  } finally {
    await connection.close();
  }
}
