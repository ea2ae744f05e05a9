import type { ExerciseText } from '../../../demos/exercises/types.js';

export const en: ExerciseText = {
  title: 'Order workers and a price service over AMQP, with amqplib',
  summary:
    'A worker with manual acks and prefetch 1, run twice for fair dispatch, and an RPC responder (reply-to, correlation-id)',
  task: [
    "Build the two services of the mq demo's work queue and RPC steps with `amqplib` in TypeScript (`awt-demo mq` shows them on the wire). Both connect to the broker at `AMQP_URL` and use the queues named in `TASK_QUEUE` and `RPC_QUEUE` (without them: `amqp://guest:guest@localhost:5672`, `orders` and `price-quotes`), each declared with `durable: false`.",
    '- **The worker** (`src/worker.ts`) packs orders from `TASK_QUEUE`. An order is JSON: `{"order":1,"isbn":"9780132350884","title":"Clean Code","quantity":2}`; packing takes `quantity × 25` ms (a `setTimeout` stands in for the work). The worker acknowledges an order only once it is packed, and takes at most one unacknowledged order at a time (prefetch 1), so two workers share the orders fairly and an order whose worker dies goes to the other one. A message that is not an order (no JSON, or `quantity` below 1) is a poison message: the worker rejects it without requeue, as in the dead-letter step.\n- **The price service** (`src/responder.ts`) answers quote requests from `RPC_QUEUE`: `{"isbn":"9780132350884","quantity":12}`. The answer goes to the queue named in the request\'s `replyTo`, with the request\'s `correlationId` and `contentType: application/json`. It is `{"isbn":…,"quantity":…,"total":"431.89 EUR"}`: list price (`prices.json`, euro cents by ISBN) times quantity, one tenth off from ten copies, rounded to the cent; for an unknown book or a bad quantity `{"error":"no such book"}`.',
  ],
  steps: [
    '1. Open `src/worker.ts` and `src/responder.ts`. Both connect, consume and answer already; every `TODO` marks a rule that is yours to write.',
    '2. Run the checks after each rule. The check starts two workers and the price service itself, from this folder, with `AMQP_URL` pointing at the wire tap in front of the broker: a failing check shows every frame, your own `Basic.Ack` and replies included. It uses RabbitMQ when one answers, else the broker built into awt-demo (`--broker embedded` to choose it).',
    '3. Compare with the demo: `awt-demo mq` shows the same frames for its own workers and price service; `awt-demo broker` runs a broker that shows what your programs send when you start them yourself (`npm run worker`, `npm run responder`).',
  ],
  checks: {
    'task-acked-once': {
      title: 'Every order is acknowledged exactly once; the poison message is rejected without requeue',
      expected:
        'for each of five orders one Basic.Ack with its delivery tag (none missing, none twice); for the order with quantity -3 one Basic.Reject (or Nack) with requeue=false',
      hints: [
        'With manual acknowledgements the broker keeps every delivered order until the worker says "done" with Basic.Ack for its delivery tag. An ack that never comes keeps the order (and, with prefetch 1, the worker) blocked; a second ack for the same tag is an error that closes the channel (406).',
        'Consume with `{ noAck: false }` and call `channel.ack(message)` once per message, when the work is done; for a message that can never be processed `channel.reject(message, false)`.',
        'Shape: `channel.consume(queue, (message) => { if (!message) return; const order = parseOrder(message.content); if (!order) return channel.reject(message, false); setTimeout(() => channel.ack(message), order.quantity * 25); }, { noAck: false });`',
      ],
    },
    'fair-dispatch': {
      title: 'Two workers share the orders fairly: a slow order holds up only its own worker',
      expected:
        'each worker sends Basic.Qos prefetch-count=1 before Basic.Consume; while one worker packs a slow order (80 copies), it gets no other order, and the other worker gets the quick ones',
      hints: [
        'Without a limit the broker deals out orders in strict turns as they arrive, however busy a worker is. With prefetch 1 it gives a worker its next order only after the last one was acknowledged.',
        '`channel.prefetch(1)` sends Basic.Qos with prefetch-count 1; call it before `channel.consume`. It only works together with manual acks.',
        'Shape: `const channel = await connection.createChannel(); await channel.assertQueue(queue, { durable: false }); await channel.prefetch(1); await channel.consume(queue, onOrder, { noAck: false });`',
      ],
    },
    'rpc-reply': {
      title: 'A quote request gets the right answer, sent to reply-to with the same correlation-id',
      expected:
        'for {"isbn":"9780132350884","quantity":12} the reply {"isbn":"9780132350884","quantity":12,"total":"431.89 EUR"}, for an unknown ISBN {"error":"no such book"}; each published to the default exchange with routing key = the request\'s replyTo and the request\'s correlationId',
      hints: [
        'RPC over queues: the client names its reply queue in the replyTo property and labels each question with a correlationId. The service answers to exactly that queue and copies the id, so the client can tell which answer belongs to which question.',
        "Read `message.properties.replyTo` and `message.properties.correlationId`; `channel.sendToQueue(replyTo, body, { correlationId, contentType: 'application/json' })` publishes to the default exchange with the queue's name as routing key.",
        "Shape: `const { replyTo, correlationId } = message.properties; const asked = JSON.parse(message.content.toString()); channel.sendToQueue(replyTo, Buffer.from(JSON.stringify(quote(asked.isbn, asked.quantity))), { correlationId, contentType: 'application/json' }); channel.ack(message);`",
      ],
    },
    'redelivered-on-crash': {
      title: 'An order whose worker dies while packing it is delivered again and packed by the other worker',
      expected:
        'a slow order (80 copies, 2 s) goes to one worker; its connection dies 300 ms later; the broker delivers the order again (redelivered=true) and it is acknowledged there',
      hints: [
        'The broker puts an unacknowledged order back into the queue when the connection of the worker holding it ends, and marks the next delivery redelivered. An order acknowledged too early, or consumed with noAck, is gone when the worker dies.',
        'Call `channel.ack(message)` at the end of the work (inside the `setTimeout`), never when the message arrives.',
        'Shape: `setTimeout(() => { /* packed */ channel.ack(message); }, order.quantity * 25);` and nothing that acknowledges before it.',
      ],
    },
  },
};
