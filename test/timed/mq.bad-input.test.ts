import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { errorCloses, messages, methods } from '../../demos/mq/frames.js';
import { listing, runMqStep } from '../utils/mq.js';

// The three mistakes the issue names, each against the real broker: the output explains the
// broker's (or client's) close with its code, and the step ends cleanly instead of throwing.
describe('bad input against RabbitMQ', () => {
  test('when a producer publishes to an exchange that does not exist then the broker closes the channel with 404 and the connection carries on', async () => {
    const { frames, t, facts } = await runMqStep('no-exchange');
    const [close, ...more] = errorCloses(frames);
    assert.equal(more.length, 0, listing(frames));
    assert.equal(close?.method, 'Channel.Close');
    assert.equal(close?.direction, 'down', 'the broker closed it');
    assert.equal(close?.fields?.replyCode, 404);
    assert.match(String(close?.fields?.replyText), /^NOT_FOUND - no exchange '.+\.no-such-exchange'/);
    const confirmed = methods(frames, 'Basic.Ack', t.parties.shop).filter((f) => f.direction === 'down');
    assert.equal(confirmed.length, 1, 'a new channel on the same connection still works');
    assert.equal(methods(frames, 'Connection.Close', t.parties.shop)[0]?.fields?.replyCode, 200);
    assert.match(
      facts[0]!,
      /publish\(\) returned true at once, then the broker closed channel 1: 404 NOT_FOUND - no exchange/,
    );
    assert.match(facts[1]!, /The connection stayed open/);
  });

  test('when a second service declares the queue with other arguments then 406 PRECONDITION_FAILED closes its channel and the first declaration stays', async () => {
    const { frames, t, facts } = await runMqStep('conflicting-queue');
    const [close] = errorCloses(frames);
    assert.equal(close?.party?.name, t.parties.reportService);
    assert.equal(close?.fields?.replyCode, 406);
    assert.match(
      String(close?.fields?.replyText),
      /inequivalent arg 'x-message-ttl'.*received '30000' but current is '60000'/,
    );
    const passive = methods(frames, 'Queue.Declare', t.parties.reportService).find((f) => f.fields?.passive === true);
    assert.ok(passive, 'the queue is still there for a passive declare');
    assert.equal(methods(frames, 'Queue.DeclareOk', t.parties.reportService).length, 1);
    assert.match(facts[0]!, /406 PRECONDITION_FAILED/);
  });

  test('when a consumer throws then amqplib closes its channel with 541 and the broker redelivers the message', async () => {
    const { frames, t, facts } = await runMqStep('throwing-consumer');
    const [close] = errorCloses(frames);
    assert.equal(close?.party?.name, t.parties.buggyWorker);
    assert.equal(close?.direction, 'up', 'the client closed it, not the broker');
    assert.equal(close?.fields?.replyCode, 541);
    const [again] = messages(frames, 'Basic.Deliver', t.parties.fixedWorker);
    assert.equal(again?.fields.redelivered, true);
    assert.equal(methods(frames, 'Basic.Ack', t.parties.fixedWorker).length, 1);
    assert.match(facts[0]!, /Cannot read properties of undefined.*541 INTERNAL_ERROR/);
    assert.match(facts[1]!, /Published 1, acked 1\./);
  });
});
