import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { countRoundTrips } from '../../demos/core/round-trips.js';
import type { AmqpFrameItem } from '../../demos/wire/amqp-frames.js';
import type { WebSocketFrameItem } from '../../demos/wire/websocket-frames.js';
import type { HttpExchange, WireItem } from '../../demos/wire/trace.js';

const amqp = (direction: 'up' | 'down', method: string, frameType: AmqpFrameItem['frameType'] = 'method') =>
  ({
    kind: 'amqp-frame',
    connection: 1,
    at: 0,
    direction,
    frameType,
    channel: 0,
    wireBytes: 12,
    method,
  }) as AmqpFrameItem;

const ws = (direction: 'up' | 'down', opcodeName: string, connection = 1) =>
  ({ kind: 'ws-frame', connection, at: 0, direction, opcodeName, payloadLength: 2 }) as unknown as WebSocketFrameItem;

const http = { kind: 'http', connection: 1, at: 0 } as unknown as HttpExchange;

describe('round trips: a request that must wait for its answer before the next can go', () => {
  test('when an HTTP request is answered then that is one round trip, an upgrade too', () => {
    assert.equal(countRoundTrips([http, http]), 2);
  });

  test('when AMQP sets up a connection then every wait counts: header → Start, StartOk → Tune, Open → OpenOk', () => {
    const setUp: WireItem[] = [
      amqp('up', '', 'protocol-header'),
      amqp('down', 'Connection.Start'),
      amqp('up', 'Connection.StartOk'),
      amqp('down', 'Connection.Tune'),
      amqp('up', 'Connection.TuneOk'),
      amqp('up', 'Connection.Open'),
      amqp('down', 'Connection.OpenOk'),
      amqp('up', 'Channel.Open'),
      amqp('down', 'Channel.OpenOk'),
    ];
    assert.equal(countRoundTrips(setUp), 4);
  });

  test('when AMQP closes, confirms a publish or delivers then Close/CloseOk and publish/Ack count, a delivery does not', () => {
    const items: WireItem[] = [
      amqp('up', 'Basic.Publish'),
      amqp('down', 'Basic.Ack'),
      amqp('down', 'Basic.Deliver'),
      amqp('up', 'Basic.Ack'),
      amqp('up', 'Connection.Close'),
      amqp('down', 'Connection.CloseOk'),
    ];
    assert.equal(countRoundTrips(items), 2);
  });

  test('when a WebSocket closes then the close that answers a close is one round trip, like Close/CloseOk', () => {
    assert.equal(countRoundTrips([ws('up', 'close'), ws('down', 'close')]), 1);
    assert.equal(countRoundTrips([ws('down', 'close'), ws('up', 'close')]), 1, 'the server may close first');
    assert.equal(countRoundTrips([ws('up', 'close')]), 0, 'a close nobody answered');
    assert.equal(countRoundTrips([ws('up', 'close', 1), ws('down', 'close', 2)]), 0, 'two connections');
  });

  test('when WebSocket data frames go back and forth then none waits for an answer; a ping waits for its pong', () => {
    const echo = [ws('up', 'text'), ws('down', 'text'), ws('up', 'binary'), ws('down', 'binary')];
    assert.equal(countRoundTrips(echo), 0);
    assert.equal(countRoundTrips([ws('up', 'ping'), ws('down', 'pong')]), 1);
  });
});
