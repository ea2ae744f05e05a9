/** The price as a table figure, in the lesson's words: the step and `compare microservices` show the same. */
import type { MicroLesson } from '../../lessons/microservices/en.js';
import type { Figure } from '../wire/trace.js';
import type { Price } from './price.js';

export function priceTable(price: Price, t: MicroLesson): Figure {
  const { monolith: mono, microservices: micro } = price;
  const rows = [
    [t.price.trips, t.format.int({ value: mono.roundTrips }), t.format.int({ value: micro.roundTrips })],
    [t.price.bytes, t.format.int({ value: mono.bytes }), t.format.int({ value: micro.bytes })],
    [t.price.latency, t.format.ms({ value: mono.latencyMs }), t.format.ms({ value: micro.latencyMs })],
    [
      t.price.processes,
      t.format.int({ value: mono.processes.length }),
      t.format.int({ value: micro.processes.length }),
    ],
    [t.price.memory, t.format.mb({ bytes: mono.rssBytes }), t.format.mb({ bytes: micro.rssBytes })],
  ];
  return {
    kind: 'table',
    rows: [[t.price.what, t.price.monolith, t.price.microservices], ...rows],
    align: ['left', 'right', 'right'],
  };
}
