import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { maxUnacked, messages, methods, orderNumber } from '../../demos/mq/frames.js';
import { headersMatch, topicMatch } from '../../demos/mq/matching.js';
import { amqplibConsumer, amqplibProducer, pikaConsumer, pikaProducer } from '../../lessons/mq/code.js';
import { listing, runMqStep } from '../utils/mq.js';

// Every step runs against the real broker (AMQP_URL, else amqp://guest:guest@127.0.0.1:5672),
// with names of its own run, so these tests may run beside each other and beside the demo.
describe('the mq steps against RabbitMQ', () => {
  test('when the hello step runs then the consumer gets "Hello World!" after the producer has hung up, without acks', async () => {
    const { frames, t, facts, figures } = await runMqStep('hello');
    const [delivered] = messages(frames, 'Basic.Deliver', t.parties.consumer);
    assert.equal(delivered?.body, 'Hello World!');
    const producerGone = methods(frames, 'Connection.CloseOk', t.parties.producer)[0]!.at;
    const consumerFirst = frames.find((f) => f.party?.name === t.parties.consumer)!.at;
    assert.ok(producerGone < consumerFirst, listing(frames));
    assert.equal(methods(frames, 'Queue.Declare')[0]?.fields?.durable, false, "pika's queue_declare is not durable");
    assert.equal(methods(frames, 'Basic.Ack').length, 0);
    assert.match(facts[1]!, /messageCount=1/);
    // Under the frames: each program of the step, followed by the lecture's pika program, verbatim.
    assert.deepEqual(
      figures.map((f) => (f.kind === 'code' ? [f.title, f.lines.join('\n') + '\n'] : [])),
      [
        [t.code.producerTypescript, amqplibProducer],
        [t.code.producerPython, pikaProducer],
        [t.code.consumerTypescript, amqplibConsumer],
        [t.code.consumerPython, pikaConsumer],
      ],
    );
  });

  test('when the work-queue step runs then ten orders are acked, prefetch 1 holds and the faster worker takes more', async () => {
    const { frames, t, facts } = await runMqStep('work-queue');
    const [slow, fast] = [1, 2].map((n) => t.parties.worker({ n }));
    const count = (worker: string) => messages(frames, 'Basic.Deliver', worker).length;
    assert.equal(count(slow!) + count(fast!), 10);
    assert.equal(methods(frames, 'Basic.Ack').length, 10);
    assert.ok(count(fast!) > count(slow!), `fair dispatch: ${count(fast!)} vs ${count(slow!)}`);
    for (const worker of [slow!, fast!]) assert.equal(maxUnacked(frames, worker), 1);
    assert.ok(methods(frames, 'Basic.Qos').every((f) => f.fields?.prefetchCount === 1));
    assert.match(facts[2]!, /more than 1 unacked order/);
  });

  test('when a worker dies holding an order then the other worker gets it redelivered and nothing is lost', async () => {
    const { frames, t, facts } = await runMqStep('fault-tolerance');
    const [first, second] = [1, 2].map((n) => t.parties.worker({ n }));
    const held = messages(frames, 'Basic.Deliver', first).at(-1)!;
    assert.equal(methods(frames, 'Connection.Close', first).length, 0, 'the dead worker never said goodbye');
    const again = messages(frames, 'Basic.Deliver').filter((m) => m.fields.redelivered === true);
    assert.equal(again.length, 1, listing(frames));
    assert.equal(again[0]!.party, second);
    assert.equal(orderNumber(again[0]!), orderNumber(held));
    const published = messages(frames, 'Basic.Publish').map(orderNumber);
    const acks = methods(frames, 'Basic.Ack').filter((f) => f.direction === 'up').length;
    assert.equal(acks, published.length);
    assert.match(facts[2]!, /: 0 lost\./);
  });

  test('when the durability step runs then the flags on the wire say what survives a restart', async () => {
    const { frames, facts } = await runMqStep('durability');
    const durable = methods(frames, 'Queue.Declare').map((f) => f.fields?.durable);
    assert.deepEqual(durable, [true, false]);
    const modes = messages(frames, 'Basic.Publish').map((m) => m.properties.deliveryMode);
    assert.deepEqual(modes, [2, 1, 2]);
    assert.match(facts[0]!, /and a broker restart too/);
    assert.match(facts[1]!, /not a broker restart: the queue comes back without it/);
    assert.match(facts[2]!, /not a broker restart: the queue itself is gone/);
  });

  test('when one "book added" event goes to a fanout exchange then each of the three services gets one copy', async () => {
    const { frames, t } = await runMqStep('fanout');
    assert.equal(messages(frames, 'Basic.Publish').length, 1);
    const delivered = messages(frames, 'Basic.Deliver');
    assert.deepEqual(
      delivered.map((m) => m.party).sort(),
      [t.parties.audit, t.parties.email, t.parties.searchIndex].sort(),
    );
    assert.ok(delivered.every((m) => m.body.includes('"book.added"')));
  });

  test('when orders go to a direct exchange then each shipping class gets its own and the unbound one comes back', async () => {
    const { frames, t } = await runMqStep('direct');
    const ordersOf = (party: string) => messages(frames, 'Basic.Deliver', party).map(orderNumber);
    assert.deepEqual(ordersOf(t.parties.standardShipping), [1, 3]);
    assert.deepEqual(ordersOf(t.parties.expressShipping), [2]);
    const [back] = messages(frames, 'Basic.Return');
    assert.equal(back?.fields.replyCode, 312);
    assert.equal(back?.fields.routingKey, 'freight');
  });

  test('when topic keys are published then the broker delivers exactly where * and # match', async () => {
    const { frames, facts } = await runMqStep('topic');
    const bindings = methods(frames, 'Queue.Bind').map((f) => ({
      party: f.party!.name,
      pattern: String(f.fields?.routingKey),
    }));
    for (const sent of messages(frames, 'Basic.Publish')) {
      const key = String(sent.fields.routingKey);
      const got = messages(frames, 'Basic.Deliver')
        .filter((m) => m.fields.routingKey === key)
        .map((m) => m.party);
      const predicted = bindings.filter((b) => topicMatch(b.pattern, key)).map((b) => b.party);
      assert.deepEqual(got.sort(), predicted.sort(), key);
    }
    assert.match(facts.join('\n'), /book\.crime\.review\.added → audit \(book\.#: # = crime\.review\.added\)/);
    assert.match(facts.join('\n'), /author\.added → no binding matched/);
  });

  test('when editions go to a headers exchange then x-match all needs both headers and any needs one', async () => {
    const { frames, t } = await runMqStep('headers');
    const got = (party: string) =>
      messages(frames, 'Basic.Deliver', party).map((m) => JSON.stringify(m.properties.headers));
    assert.deepEqual(got(t.parties.allMatch), [JSON.stringify({ format: 'ebook', lang: 'de' })]);
    assert.equal(got(t.parties.anyMatch).length, 3);
    assert.ok(!got(t.parties.anyMatch).includes(JSON.stringify({ format: 'paperback', lang: 'en' })));
  });

  test('when the client asks for a price quote then the answer comes back on replyTo with the same correlationId', async () => {
    const { frames, t } = await runMqStep('rpc');
    const [request] = messages(frames, 'Basic.Publish', t.parties.priceClient);
    const [answer] = messages(frames, 'Basic.Deliver', t.parties.priceClient);
    assert.match(String(request?.properties.replyTo), /^amq\.gen-/);
    assert.equal(answer?.properties.correlationId, request?.properties.correlationId);
    assert.deepEqual(JSON.parse(answer!.body), { isbn: '9780132350884', quantity: 12, total: '431.89 EUR' });
    const [reply] = messages(frames, 'Basic.Publish', t.parties.priceService);
    assert.equal(reply?.fields.routingKey, request?.properties.replyTo);
  });

  test('when the producer asks for confirms then the broker acks all three publishes on the wire', async () => {
    const { frames } = await runMqStep('confirms');
    assert.equal(methods(frames, 'Confirm.SelectOk').length, 1);
    const acks = methods(frames, 'Basic.Ack').filter((f) => f.direction === 'down');
    const last = acks.at(-1)!;
    assert.equal(last.fields?.deliveryTag, 3);
    assert.ok(acks.length === 3 || last.fields?.multiple === true, listing(frames));
  });

  test('when the checker rejects a poison order without requeue then it arrives in the dead-letter queue', async () => {
    const { frames, t } = await runMqStep('dead-letter');
    const [reject] = methods(frames, 'Basic.Reject', t.parties.checker);
    assert.equal(reject?.fields?.requeue, false);
    const [dead] = messages(frames, 'Basic.Deliver', t.parties.deadLetters);
    assert.equal(orderNumber(dead!), 13);
    const death = (dead!.properties.headers as { 'x-death': Array<Record<string, unknown>> })['x-death'][0]!;
    assert.equal(death.reason, 'rejected');
    assert.match(String(death.queue), /\.orders-checked$/);
  });
});

describe('explaining routing', () => {
  test('when a topic pattern matches then each wildcard says which words it took', () => {
    assert.deepEqual(topicMatch('book.scifi.*', 'book.scifi.added'), ['* = added']);
    assert.deepEqual(topicMatch('#.sold-out', 'book.poetry.sold-out'), ['# = book.poetry']);
    assert.deepEqual(topicMatch('book.#', 'book'), ['# = ∅']);
    assert.equal(topicMatch('book.*.added', 'book.crime.review.added'), undefined, '* is exactly one word');
    assert.equal(topicMatch('book.#', 'author.added'), undefined);
  });

  test('when headers are matched then all needs every bound header and any needs one, x- arguments aside', () => {
    const binding = { 'x-match': 'all', format: 'ebook', lang: 'de' };
    assert.equal(headersMatch(binding, { format: 'ebook', lang: 'de' }).matched, true);
    assert.equal(headersMatch(binding, { format: 'ebook', lang: 'en' }).matched, false);
    assert.deepEqual(headersMatch({ ...binding, 'x-match': 'any' }, { format: 'ebook', lang: 'en' }), {
      matched: true,
      equal: ['format=ebook'],
    });
  });
});
