/**
 * The saga takes its broker like mq: --broker auto (the default) asks --amqp-url and,
 * when nothing answers there, starts the embedded broker; the saga then runs over it,
 * its events on the wire as AMQP frames. Tested where nothing listens, so the embedded
 * broker is used whether RabbitMQ runs on this machine or not; the run is the one the
 * tests of the steps read (test/utils/microservices-run.ts). A second run takes RabbitMQ,
 * as a student who has it installed gets by default: the same saga on the same wire, and
 * nothing of it left on the broker afterwards.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { AmqpFrameItem } from '../../demos/wire/amqp-frames.js';
import type { Trace } from '../../demos/wire/trace.js';
import { assertNothingLeft, declaredIn } from '../utils/broker-leftovers.js';
import { runCli } from '../utils/cli.js';
import { microservicesRun } from '../utils/microservices-run.js';

const rabbitmqUrl = process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';

/** The saga's events as they crossed the wire: who published and who was delivered which routing key. */
function sagaOnTheWire(trace: Trace): void {
  const saga = trace.steps.find((s) => s.id === 'saga')!;
  assert.match(saga.facts[2]!, /confirmed; stock holds its reservation/);
  assert.match(saga.facts[3]!, /cancelled, the stock service said "only 0 in stock"; stock holds none/);
  const frames = saga.items.filter((i): i is AmqpFrameItem => i.kind === 'amqp-frame');
  const keys = (method: string, lane: string) =>
    frames
      .filter((f) => f.method === method && f.party?.name === lane)
      .map((f) => String(f.fields?.routingKey))
      .sort();
  assert.deepEqual(keys('Basic.Publish', 'orders'), ['order.placed', 'order.placed']);
  assert.deepEqual(keys('Basic.Publish', 'stock'), ['stock.rejected', 'stock.reserved']);
  assert.deepEqual(keys('Basic.Deliver', 'stock'), ['order.placed', 'order.placed']);
  assert.deepEqual(keys('Basic.Deliver', 'orders'), ['stock.rejected', 'stock.reserved']);
}

let trace: Trace;
let nowhere: string;

describe('awt-demo microservices: the saga on the embedded broker', () => {
  before(async () => {
    ({ trace, nowhere } = await microservicesRun());
  });

  test('when nothing answers at --amqp-url then auto takes the embedded broker and the trace says so', () => {
    assert.equal(trace.broker?.kind, 'embedded');
    assert.equal(trace.broker?.fallbackFrom, nowhere.replace('guest:guest@', 'guest@'));
  });

  test('when the saga runs over it then one order is confirmed, the other compensated, the events on the wire', () => {
    sagaOnTheWire(trace);
  });

  test('when --broker names no broker kind then exit 2 before any process starts', async () => {
    const result = await runCli(['microservices', '--broker', 'kafka']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /--broker.*auto \| rabbitmq \| embedded/);
  });
});

describe('awt-demo microservices: the saga on RabbitMQ', () => {
  test('when RabbitMQ answers then the saga runs over it as over the embedded broker, and leaves no queue or exchange behind', async () => {
    const result = await runCli(['microservices', '--json', '--broker', 'rabbitmq', '--amqp-url', rabbitmqUrl], {
      timeoutMs: 180_000,
    });
    assert.equal(result.code, 0, result.stderr);
    const trace = JSON.parse(result.stdout) as Trace;
    assert.equal(trace.broker?.kind, 'external');
    assert.match(trace.broker?.product ?? '', /^RabbitMQ /);
    sagaOnTheWire(trace);

    const declared = declaredIn(
      trace.steps.flatMap((s) => s.items).filter((i): i is AmqpFrameItem => i.kind === 'amqp-frame'),
    );
    assert.ok(declared.queues.length >= 2 && declared.exchanges.length >= 1, JSON.stringify(declared));
    await assertNothingLeft(rabbitmqUrl, declared, 'RabbitMQ');
  });
});
