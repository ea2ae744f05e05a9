import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { renderAmqpSequence } from '../../demos/render/amqp-sequence.js';
import { paint } from '../../demos/render/lines.js';
import type { RenderOptions } from '../../demos/render/options.js';
import { createTheme } from '../../demos/render/theme.js';
import type { AmqpFrameItem, AmqpParty } from '../../demos/wire/amqp-frames.js';
import { messages } from '../../demos/core/messages/index.js';

const producer: AmqpParty = { name: 'producer', role: 'producer' };
const consumer: AmqpParty = { name: 'consumer', role: 'consumer' };
const BODY = '{"order":1,"title":"Clean Code"}';

/** Frames of one connection, with times counting up from `start` (fixed, so output is the same every run). */
function connection(id: number, party: AmqpParty | undefined, start: number, frames: Array<Partial<AmqpFrameItem>>) {
  return frames.map((frame, i): AmqpFrameItem => ({
    kind: 'amqp-frame',
    connection: id,
    at: start + i,
    direction: 'up',
    frameType: 'method',
    channel: frame.method?.startsWith('Connection') || frame.frameType === 'protocol-header' ? 0 : 1,
    wireBytes: 20,
    ...(party ? { party } : {}),
    ...frame,
  }));
}

const setUp: Array<Partial<AmqpFrameItem>> = [
  {
    frameType: 'protocol-header',
    wireBytes: 8,
    fields: { protocol: 'AMQP', protocolId: 0, major: 0, minor: 9, revision: 1 },
  },
  { direction: 'down', method: 'Connection.Start', fields: { versionMajor: 0, mechanisms: 'PLAIN AMQPLAIN' } },
  { method: 'Connection.StartOk', fields: { mechanism: 'PLAIN', response: '\u2400guest\u2400<redacted>' } },
  { direction: 'down', method: 'Connection.Tune', fields: { channelMax: 2047, frameMax: 131072, heartbeat: 60 } },
  { method: 'Connection.TuneOk', fields: { channelMax: 2047, frameMax: 131072, heartbeat: 60 } },
  { method: 'Connection.Open', fields: { virtualHost: '/' } },
  { direction: 'down', method: 'Connection.OpenOk', fields: { knownHosts: '' } },
  { method: 'Channel.Open', fields: { outOfBand: '' } },
  { direction: 'down', method: 'Channel.OpenOk', fields: { channelId: '' } },
];
const cleanClose: Array<Partial<AmqpFrameItem>> = [
  { method: 'Channel.Close', fields: { replyCode: 200, replyText: 'Goodbye', classId: 0, methodId: 0 } },
  { direction: 'down', method: 'Channel.CloseOk', fields: {} },
  { method: 'Connection.Close', fields: { replyCode: 200, replyText: 'Cheers, thanks', classId: 0, methodId: 0 } },
  { direction: 'down', method: 'Connection.CloseOk', fields: {} },
];
const message = (direction: 'up' | 'down', method: string, fields: Record<string, unknown>) => [
  { direction, method, fields },
  {
    direction,
    frameType: 'header' as const,
    bodySize: BODY.length,
    properties: { contentType: 'application/json', deliveryMode: 2 },
  },
  { direction, frameType: 'body' as const, bodySize: BODY.length, body: BODY },
];

/** A producer publishes and hangs up; a consumer connects later and gets the message: the hello step. */
function helloItems(): AmqpFrameItem[] {
  return [
    ...connection(1, producer, 0, [
      ...setUp,
      ...message('up', 'Basic.Publish', { ticket: 0, exchange: '', routingKey: 'hello', mandatory: false }),
      ...cleanClose,
    ]),
    ...connection(2, consumer, 100, [
      ...setUp,
      { method: 'Basic.Consume', fields: { queue: 'hello', consumerTag: 'consumer', noAck: false, nowait: false } },
      ...message('down', 'Basic.Deliver', {
        consumerTag: 'consumer',
        deliveryTag: 1,
        redelivered: false,
        exchange: '',
        routingKey: 'hello',
      }),
      { method: 'Basic.Ack', fields: { deliveryTag: 1, multiple: false } },
      ...cleanClose,
    ]),
  ];
}

function options(overrides: Partial<RenderOptions> = {}): RenderOptions {
  return { width: 160, theme: createTheme(false), messages: messages.en, raw: false, full: false, ...overrides };
}

const render = (items: AmqpFrameItem[], overrides: Partial<RenderOptions> = {}) =>
  paint(renderAmqpSequence(items, options(overrides)), createTheme(false));

/** The column at which `text` starts on the first line containing it. */
const column = (rendered: string, text: string) =>
  rendered
    .split('\n')
    .find((l) => l.includes(text))!
    .indexOf(text);

describe('the AMQP sequence diagram', () => {
  test('when a producer publishes and a consumer receives then lanes run producer, broker, consumer and arrows point the right way', () => {
    const text = render(helloItems());
    const [head] = text.split('\n');
    assert.match(head!, /^ +ms +B {2}producer +broker +consumer$/);
    assert.ok(column(text, 'producer') < column(text, 'broker') && column(text, 'broker') < column(text, 'consumer'));
    // Up from the producer runs left to right into the broker; Deliver runs from the broker right to the consumer.
    assert.match(text, /├─+▶│ +Basic\.Publish exchange="" routingKey=hello · 3 frames/);
    // The producer has hung up by then: its lifeline has ended, so nothing stands left of the broker.
    assert.match(text, /^110\.0 +60 +├─+▶│ +Basic\.Deliver consumerTag=consumer deliveryTag=1 redelivered=false/m);
    assert.match(text, /│◀─+┤ +Basic\.Ack deliveryTag=1$/m);
    assert.match(text, /contentType=application\/json deliveryMode=2 \(persistent\)/);
    assert.match(text, /body, 32 B: \{ "order": 1, "title": "Clean Code" \}/);
    assert.match(text, /body, 32 B: the same as at 9\.0 ms/, 'a delivered body already shown is not repeated');
    assert.doesNotMatch(text, /ticket=|nowait=|mandatory=false/, 'reserved fields and false flags stay out');
  });

  test('when the set-up and close are clean then each folds into one line, and --full shows every frame', () => {
    const folded = render(helloItems());
    assert.match(
      folded,
      /│◀═+▶│ +connection set-up: AMQP 0-9-1, PLAIN login as guest, vhost \/, heartbeat timeout 60 s, channel 1 open · 9 frames/,
    );
    assert.match(folded, /connection set-up, as above · 9 frames/);
    assert.equal(folded.match(/closed cleanly \(Close 200 → CloseOk\) · 4 frames/g)?.length, 2);
    assert.doesNotMatch(folded, /Connection\.Tune/);
    assert.match(folded, /--full shows every frame/);

    const full = render(helloItems(), { full: true });
    for (const method of ['Connection.Start ', 'Connection.TuneOk', 'Channel.OpenOk', 'Connection.CloseOk']) {
      assert.ok(full.includes(method), method);
    }
    assert.match(full, /protocol header AMQP 0-9-1/);
    assert.doesNotMatch(full, /connection set-up|closed cleanly/);
  });

  test('when the broker closes a channel with an error then the close and its CloseOk stay visible', () => {
    const items = connection(1, producer, 0, [
      ...setUp,
      { method: 'Basic.Publish', fields: { exchange: 'nowhere', routingKey: 'x' } },
      {
        direction: 'down',
        method: 'Channel.Close',
        fields: {
          replyCode: 404,
          replyText: "NOT_FOUND - no exchange 'nowhere' in vhost '/'",
          classId: 60,
          methodId: 40,
        },
      },
      { method: 'Channel.CloseOk', fields: {} },
      { method: 'Connection.Close', fields: { replyCode: 200, replyText: 'Cheers, thanks', classId: 0, methodId: 0 } },
      { direction: 'down', method: 'Connection.CloseOk', fields: {} },
    ]);
    const text = render(items);
    assert.match(
      text,
      /│◀─+┤ +Channel\.Close replyCode=404 replyText="NOT_FOUND - no exchange 'nowhere' in vhost '\/'" classId=60 methodId=40/,
    );
    assert.match(text, /├─+▶│ +Channel\.CloseOk$/m);
    assert.match(text, /closed cleanly \(Close 200 → CloseOk\) · 2 frames/);
  });

  test('when a frame comes without a party then its lane is named by its connection', () => {
    const items = connection(3, undefined, 0, [{ method: 'Basic.Qos', fields: { prefetchSize: 0, prefetchCount: 1 } }]);
    const text = render(items);
    assert.match(text.split('\n')[0]!, /connection #3 +broker/);
    assert.match(text, /Basic\.Qos prefetchCount=1$/m);
  });

  test('when the width is 40, 80 or 120 then no line is wider, and names that do not fit stand on rows of their own', () => {
    const workers = [1, 2, 3].map((n): AmqpParty => ({ name: `search index worker ${n}`, role: 'consumer' }));
    const items = [
      ...helloItems(),
      ...workers.flatMap((party, i) =>
        connection(10 + i, party, 300 + i * 50, [
          ...setUp,
          ...message('down', 'Basic.Deliver', {
            consumerTag: `w${i}`,
            deliveryTag: 1,
            redelivered: i === 2,
            exchange: 'books',
            routingKey: 'book.scifi.added',
          }),
        ]),
      ),
    ];
    for (const width of [40, 80, 120]) {
      const text = render(items, { width });
      for (const line of text.split('\n'))
        assert.ok([...line].length <= width, `${width}: "${line}" is ${[...line].length}`);
      // Staggered: each lane name on its own row, under the lifelines of the lanes before it.
      assert.match(text, /^ +│ +│ +│ +│ +search index/m, `${width}`);
    }
    assert.match(render(items, { width: 120 }), /redelivered=true/);
  });

  test('when --raw is asked for then every frame stands on its own line with its frame type and channel', () => {
    const text = render(helloItems(), { raw: true });
    assert.match(
      text,
      /content header bodySize=32 contentType=application\/json deliveryMode=2 \(persistent\) ⟨frame type 2, channel 1⟩/,
    );
    assert.match(text, /body, 32 B: .* ⟨frame type 3, channel 1⟩/);
    assert.match(text, /Connection\.Tune channelMax=2047 frameMax=131072 heartbeat=60 ⟨frame type 1, channel 0⟩/);
    assert.doesNotMatch(text, /connection set-up/);
  });

  test('when the language is German then the diagram speaks German', () => {
    const text = render(helloItems(), { messages: messages.de });
    assert.match(text, /Verbindungsaufbau: AMQP 0-9-1, PLAIN-Login als guest/);
    assert.match(text, /sauber geschlossen/);
    assert.match(text, /Body, 32 B: derselbe wie bei 9,0 ms/);
    assert.match(text.split('\n')[0]!, /producer +Broker +consumer/);
  });

  test('when colour is on then arrows are coloured by direction and an error close stands out', () => {
    const items = connection(1, producer, 0, [
      { method: 'Basic.Publish', fields: { exchange: '', routingKey: 'x' } },
      {
        direction: 'down',
        method: 'Channel.Close',
        fields: { replyCode: 406, replyText: 'PRECONDITION_FAILED', classId: 50, methodId: 10 },
      },
    ]);
    const lines = renderAmqpSequence(items, options());
    const spans = lines.flat();
    assert.ok(spans.some((s) => s.text.includes('▶') && s.style === 'up'));
    assert.ok(spans.some((s) => s.text.includes('◀') && s.style === 'down'));
    assert.ok(spans.some((s) => s.text === 'Channel.Close' && s.style === 'clientError'));
    assert.ok(spans.some((s) => s.text === '406' && s.style === 'clientError'));
  });

  test('when there are no frames then nothing is drawn', () => {
    assert.deepEqual(renderAmqpSequence([], options()), []);
  });

  test('when the pager folds to fit then a method and its -Ok reply share one arrow, and a long run of one method keeps its ends and a count', () => {
    const orders = Array.from({ length: 6 }, (_v, i) =>
      message('up', 'Basic.Publish', { exchange: '', routingKey: `orders-${i + 1}` }),
    ).flat();
    const items = connection(1, producer, 0, [
      ...setUp,
      { method: 'Queue.Declare', fields: { queue: 'orders', durable: false } },
      { direction: 'down', method: 'Queue.DeclareOk', fields: { queue: 'orders', messageCount: 0, consumerCount: 2 } },
      ...orders,
    ]);
    const binder = connection(2, consumer, 50, [
      ...setUp,
      { method: 'Queue.Declare', fields: { queue: 'sci-fi', durable: false } },
      { direction: 'down', method: 'Queue.DeclareOk', fields: { queue: 'sci-fi', messageCount: 0, consumerCount: 0 } },
      { method: 'Queue.Bind', fields: { queue: 'sci-fi', exchange: 'topics', routingKey: 'book.scifi.*' } },
      { direction: 'down', method: 'Queue.BindOk', fields: {} },
    ]);
    // Several pairs in a row on one connection: one arrow that names them and their queue.
    assert.match(
      render(binder, { compact: 'routine' }),
      /│◀═+▶│ +Queue\.Declare, Queue\.Bind \(each ⇄ its -Ok reply\) queue=sci-fi$/m,
    );
    const compact = render(items, { compact: 'routine' });
    // The reply's class and the fields the request already said are not said again.
    assert.match(
      compact,
      /│◀═+▶│ +Queue\.Declare queue=orders durable=false ⇄ DeclareOk messageCount=0 consumerCount=2$/m,
    );
    assert.match(compact, /routingKey=orders-1 /);
    assert.match(compact, /… 4 more Basic\.Publish like these \(f shows them\)/);
    assert.match(compact, /routingKey=orders-6 /);
    assert.doesNotMatch(compact, /routingKey=orders-[2-5] /);
    // Not folded: every frame has its own arrow, as before.
    const whole = render(items);
    assert.match(whole, /├─+▶│ +Queue\.Declare queue=orders durable=false$/m);
    assert.match(whole, /│◀─+┤ +Queue\.DeclareOk queue=orders messageCount=0 consumerCount=2$/m);
    assert.equal(whole.match(/Basic\.Publish/g)?.length, 6);
  });

  test('when the pager folds to fit then a Close keeps its own arrow and direction, and a method asked twice is not merged', () => {
    const items = connection(1, consumer, 0, [
      ...setUp,
      { method: 'Queue.Declare', fields: { queue: 'durable', durable: true } },
      { direction: 'down', method: 'Queue.DeclareOk', fields: { queue: 'durable', messageCount: 0, consumerCount: 0 } },
      { method: 'Queue.Declare', fields: { queue: 'transient', durable: false } },
      {
        direction: 'down',
        method: 'Queue.DeclareOk',
        fields: { queue: 'transient', messageCount: 0, consumerCount: 0 },
      },
      { method: 'Channel.Close', fields: { replyCode: 541, replyText: 'INTERNAL_ERROR', classId: 0, methodId: 0 } },
      { direction: 'down', method: 'Channel.CloseOk', fields: {} },
    ]);
    const compact = render(items, { compact: 'routine' });
    assert.match(compact, /Queue\.Declare queue=durable durable=true ⇄ DeclareOk/);
    assert.match(compact, /Queue\.Declare queue=transient durable=false ⇄ DeclareOk/);
    // The client (right of the broker) closes, with 541: an arrow from it to the broker, and the reply its own.
    assert.match(compact, /│◀─+┤ +Channel\.Close replyCode=541/);
    assert.match(compact, /├─+▶│ +Channel\.CloseOk$/m);
  });

  test('when a queue name off the wire carries control characters then the folded pair line shows them escaped', () => {
    const hostile = 'sci\x1b[2Jfi';
    const items = connection(1, consumer, 0, [
      ...setUp,
      { method: 'Queue.Declare', fields: { queue: hostile, durable: false } },
      { direction: 'down', method: 'Queue.DeclareOk', fields: { queue: hostile, messageCount: 0, consumerCount: 0 } },
      { method: 'Basic.Consume', fields: { queue: hostile, consumerTag: 'c', noAck: false } },
      { direction: 'down', method: 'Basic.ConsumeOk', fields: { consumerTag: 'c' } },
    ]);
    const compact = render(items, { compact: 'routine', width: 200 });
    assert.match(compact, /Queue\.Declare, Basic\.Consume \(each ⇄ its -Ok reply\) queue=\S*sci\S+fi/);
    assert.equal(compact.includes('\x1b'), false);
  });

  test('when the step talks about a method then, folded, it keeps an arrow of its own with its fields', () => {
    const items = connection(1, consumer, 0, [
      ...setUp,
      { method: 'Queue.Declare', fields: { queue: 'orders', durable: false } },
      { direction: 'down', method: 'Queue.DeclareOk', fields: { queue: 'orders', messageCount: 0, consumerCount: 0 } },
      { method: 'Basic.Qos', fields: { prefetchSize: 0, prefetchCount: 1, global: false } },
      { direction: 'down', method: 'Basic.QosOk', fields: {} },
      { method: 'Basic.Consume', fields: { queue: 'orders', consumerTag: 'w', noAck: false } },
      { direction: 'down', method: 'Basic.ConsumeOk', fields: { consumerTag: 'w' } },
    ]);
    assert.match(render(items, { compact: 'routine' }), /Queue\.Declare, Basic\.Qos, Basic\.Consume \(each/);
    const kept = render(items, { compact: 'routine', keepMethods: new Set(['Basic.Qos']) });
    assert.match(kept, /│◀═+▶│ +Basic\.Qos prefetchCount=1 ⇄ QosOk$/m);
  });
});
