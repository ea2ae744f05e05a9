import { numberWords } from '../../demos/core/numbers.js';

const numbers = numberWords('en');

/** The message-queue lesson, in English. lessons/mq/de.ts has the same keys. */
export const en = {
  title: 'Message queues with RabbitMQ: AMQP 0-9-1, frame by frame',
  summary:
    'Queues, fair dispatch, redelivery, the four exchange types, RPC, confirms and dead letters on a real broker',
  steps: {
    hello: {
      title: "Hello queue: the lecture's producer and consumer, in TypeScript",
      notice: [
        "Below the frames: the producer and the consumer of this step as TypeScript programs (amqplib), each followed by the lecture's Python program (pika) that makes the same calls: queue_declare is assertQueue, basic_publish sendToQueue, basic_consume consume. (Queue names carry this run's prefix awt-…, so runs never meet.)",
        'Producer and consumer are never connected at the same time: the producer has closed its connection before the consumer connects. The queue in the broker keeps the message meanwhile.',
      ],
    },
    'work-queue': {
      title: 'Work queue: ten orders, two workers, manual ack, prefetch 1',
      notice: [
        'Each worker sends Basic.Qos prefetchCount=1: "give me the next order only after I have acked the last one".',
        'Worker 1 runs on an old machine and packs three times slower. With prefetch 1 the faster worker acks sooner, so the broker sends it the next order sooner: fair dispatch, not round robin.',
      ],
    },
    'fault-tolerance': {
      title: 'Fault tolerance: a worker dies in the middle of an order',
      notice: [
        'Worker 1 dies holding an order it has not acked: no Basic.Ack, no Connection.Close; its TCP connection just ends.',
        'Look for redelivered=true: the broker hands the same order to worker 2. Count the acks: nothing is lost.',
      ],
    },
    durability: {
      title: 'Durability: a durable queue and persistent messages',
      notice: [
        'Two flags decide what survives a broker restart: durable=true in Queue.Declare (the queue) and deliveryMode=2 in the content header (the message).',
        'It takes both: a persistent message in a transient queue is lost together with its queue.',
      ],
    },
    fanout: {
      title: 'Fanout: one "book added" event, three services',
      notice: [
        'The catalogue publishes once, to a fanout exchange; the broker puts a copy into every bound queue: e-mail, search index, audit.',
        'A new service binds its own queue, and the publisher does not change: that is decoupling.',
      ],
    },
    direct: {
      title: 'Direct: orders routed by shipping class',
      notice: [
        'A direct exchange compares the routing key with each binding key, character for character.',
        'mandatory=true: an order no queue is bound for comes back as Basic.Return instead of vanishing.',
      ],
    },
    topic: {
      title: 'Topic: book.<genre>.<event> against * and #',
      notice: [
        'Routing keys are words between dots. In a binding, * stands for exactly one word and # for any number, even none.',
        'Below the diagram: which queues each key reached, and which words the * or # took.',
      ],
    },
    headers: {
      title: 'Headers exchange: x-match all and any',
      notice: [
        'Here the header table of the message decides, not its routing key. x-match=all needs every bound header to match; x-match=any needs one.',
      ],
    },
    rpc: {
      title: 'RPC over queues: a price quote with replyTo and correlationId',
      notice: [
        'The client names its reply queue in replyTo and labels the question with a correlationId; the price service answers to that queue with the same id.',
        'Question and answer are two messages, four transfers through the broker; the time from question to answer this run measured is below. What the detour buys: the service may be busy or down when the client asks, and the question waits in its queue.',
      ],
    },
    confirms: {
      title: 'Publisher confirms: the broker acknowledges the producer',
      notice: [
        'Confirm.Select puts the channel into confirm mode: from then on the broker answers every publish with Basic.Ack, once the message is safe.',
        'multiple=true acknowledges everything up to that deliveryTag in a single frame.',
      ],
    },
    'dead-letter': {
      title: 'A poison message goes to the dead-letter queue',
      notice: [
        'The checker rejects an order it can never process: Basic.Reject requeue=false. Requeued, it would come back forever.',
        'Its queue was declared with x-dead-letter-exchange, so the broker republishes the rejected order there, with an x-death header that says why.',
      ],
    },
    'no-exchange': {
      title: 'Bad input: publishing to an exchange that does not exist',
      notice: [
        'Basic.Publish has no reply, so the error comes on its own: the broker closes the channel with 404 NOT_FOUND.',
        'Only the channel is gone; the connection stays, and a new channel carries on.',
      ],
    },
    'conflicting-queue': {
      title: 'Bad input: one queue, declared with different arguments',
      notice: [
        'Queue.Declare means "make sure it exists, exactly like this". A second service that declares it differently gets 406 PRECONDITION_FAILED and loses its channel.',
      ],
    },
    'throwing-consumer': {
      title: 'Bad input: a consumer that throws',
      notice: [
        'The message callback throws. amqplib then closes its own channel with 541 INTERNAL_ERROR: this Close goes from the client to the broker.',
        'The message was never acked, so the broker still has it and delivers it to the next consumer.',
      ],
    },
  },
  /** Headings of the programs under step 1 (lessons/mq/code.ts). */
  code: {
    producerTypescript: 'Producer in TypeScript (amqplib), as this step runs it:',
    producerPython: "The lecture's producer in Python (pika):",
    consumerTypescript: 'Consumer in TypeScript (amqplib), as this step runs it:',
    consumerPython: "The lecture's consumer in Python (pika):",
  },
  parties: {
    broker: 'broker',
    producer: 'producer',
    consumer: 'consumer',
    worker: (p: { n: number }) => `worker ${p.n}`,
    shop: 'web shop',
    catalogue: 'catalogue',
    email: 'e-mail',
    searchIndex: 'search index',
    audit: 'audit',
    standardShipping: 'standard shipping',
    expressShipping: 'express shipping',
    scifi: 'sci-fi fans',
    newReleases: 'new releases',
    restock: 'restocking',
    allMatch: 'German e-books (all)',
    anyMatch: 'e-book or German (any)',
    priceService: 'price service',
    priceClient: 'shop front end',
    checker: 'order checker',
    deadLetters: 'dead letters',
    orderService: 'order service',
    reportService: 'report service',
    buggyWorker: 'buggy worker',
    fixedWorker: 'fixed worker',
  },
  facts: {
    helloDecoupled: (p: { body: string; gap: number }) =>
      `The consumer connected ${numbers.msUnit(p.gap)} after the producer had closed its connection, and still received "${p.body}".`,
    helloWaiting: (p: { count: number }) =>
      `Queue.DeclareOk told the consumer messageCount=${p.count} before it even subscribed: the message was waiting in the queue.`,
    helloNoAck: (p: { acks: number }) =>
      `noAck=true: the broker forgets a message as soon as it sends it, so ${p.acks} Basic.Ack crossed the wire.`,
    perWorker: (p: { worker: string; orders: string; count: number }) =>
      `${p.worker} packed ${p.count} orders: ${p.orders}.`,
    fairDispatch: (p: { most: number }) =>
      `Measured on the wire: no worker ever held more than ${p.most} unacked order (Basic.Qos prefetchCount=1).`,
    strictTurns: (p: { each: number }) =>
      `Without prefetch, the broker would have dealt the orders out in strict turns: ${p.each} to each worker, however slow it is.`,
    crashed: (p: { worker: string; order: string }) =>
      `${p.worker} died holding order ${p.order}: it sent neither Basic.Ack nor Connection.Close.`,
    redelivered: (p: { order: string; worker: string }) =>
      `The broker delivered order ${p.order} again, to ${p.worker}, with redelivered=true.`,
    nothingLost: (p: { published: number; first: string; second: string; one: number; two: number; lost: number }) =>
      `Published ${p.published}, acked ${p.one} by ${p.first} and ${p.two} by ${p.second}: ${p.lost} lost.`,
    survives: (p: {
      order: string;
      queue: string;
      durable: string;
      mode: string;
      restart: string;
      queueGone: string;
    }) =>
      `Order ${p.order}, deliveryMode=${p.mode} in ${p.queue} (durable=${p.durable}): survives a consumer crash, ${
        p.restart === 'true'
          ? 'and a broker restart too.'
          : p.queueGone === 'true'
            ? 'but not a broker restart: the queue itself is gone.'
            : 'but not a broker restart: the queue comes back without it.'
      }`,
    inMemory:
      'This run uses the embedded broker: it keeps every queue and message in memory, so it forgets everything when it stops. It takes both flags as RabbitMQ does and answers the same; "survives a broker restart" is what RabbitMQ, which writes durable queues and persistent messages to disk, would keep.',
    fanout: (p: { published: number; delivered: number; to: string }) =>
      `${p.published} Basic.Publish, ${p.delivered} Basic.Deliver: one copy each for ${p.to}.`,
    fanoutKey:
      'The routing key was empty and did not matter: a fanout exchange copies every message to every bound queue.',
    routed: (p: { party: string; count: number; orders: string; keys: string }) =>
      `${p.party} got ${p.count === 1 ? 'order' : 'orders'} ${p.orders} (routing key ${p.keys}).`,
    returned: (p: { order: string; key: string; code: string }) =>
      `Order ${p.order} (routing key ${p.key}) matched no binding and came back: Basic.Return ${p.code}. Without mandatory=true the broker would have dropped it silently.`,
    topicKey: (p: { key: string; to: string }) => `${p.key} → ${p.to}`,
    topicNone: (p: { key: string }) => `${p.key} → no binding matched: the broker dropped the message.`,
    headersTo: (p: { headers: string; to: string }) => `${p.headers} → ${p.to}`,
    headersNone: (p: { headers: string }) => `${p.headers} → matched no binding: dropped.`,
    rpcRequest: (p: { replyTo: string; correlationId: string }) =>
      `The question carried replyTo=${p.replyTo} (a queue the broker named, exclusive to the client's connection) and correlationId=${p.correlationId}.`,
    rpcReply: (p: { same: string; ms: number; total: string }) =>
      p.same === 'true'
        ? `The answer arrived on that queue ${numbers.msUnit(p.ms)} later with the same correlationId: ${p.total}.`
        : `The answer's correlationId did not match the question (${p.total}).`,
    rpcHops: (p: { hops: number }) =>
      `One question, one answer, ${p.hops} messages on the wire: client → broker → service → broker → client.`,
    confirmMode: (p: { published: number }) =>
      `After Confirm.Select the broker numbered the channel's ${p.published} publishes 1, 2, 3, … and acknowledged them by those numbers.`,
    brokerAcks: (p: { acks: string; frames: number }) =>
      `The broker's acks: ${p.acks} (${p.frames} frame${p.frames === 1 ? '' : 's'} for all of them).`,
    confirmTime: (p: { ms: number }) =>
      `The last ack came ${numbers.msUnit(p.ms)} after the last publish: for persistent messages in a durable queue the broker confirms once they are on disk.`,
    rejected: (p: { acked: string; rejected: string; requeue: string }) =>
      `The checker acked order ${p.acked} and rejected order ${p.rejected} with requeue=${p.requeue}.`,
    deadLettered: (p: { order: string; reason: string; queue: string; count: number }) =>
      `Order ${p.order} arrived in the dead-letter queue; its x-death header says reason=${p.reason}, queue=${p.queue}, count=${p.count}.`,
    withoutDlx:
      'Without x-dead-letter-exchange a rejected message is simply dropped; with requeue=true a poison message would be delivered again and again.',
    channelClosedByBroker: (p: { channel: number; close: string; accepted: string }) =>
      `publish() returned ${p.accepted} at once, then the broker closed channel ${p.channel}: ${p.close}.`,
    connectionLives: (p: { channel: number; acked: string }) =>
      p.acked === 'true'
        ? `The connection stayed open: on a new channel (number ${p.channel}, free again) the broker confirmed the same order with Basic.Ack.`
        : `The connection stayed open, but the order sent on the new channel ${p.channel} was not confirmed.`,
    declareRefused: (p: { party: string; close: string; refused: string }) =>
      `The broker refused the ${p.party}'s Queue.Declare and closed its channel: ${p.close}.`,
    firstDeclarationWins: (p: { queue: string }) =>
      `${p.queue} keeps its first arguments (x-message-ttl=60000): a passive Queue.Declare on a new channel, which only checks that the queue exists, still works.`,
    consumerThrew: (p: { error: string; close: string; sender: string }) =>
      `The callback threw "${p.error}"; the channel was closed by the ${p.sender}: ${p.close}.`,
    requeuedAfterThrow: (p: { worker: string; redelivered: string; published: number; acked: number }) =>
      `The order was not lost: the ${p.worker} got it with redelivered=${p.redelivered} and acked it. Published ${p.published}, acked ${p.acked}.`,
  },
};

export type MqLesson = typeof en;
