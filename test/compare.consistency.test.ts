import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { runComparison } from '../demos/compare/run-comparison.js';
import type { Cell, Comparison, Measurement, ParadigmId, UseCaseId } from '../demos/compare/types.js';
import { collectTrace } from '../demos/core/collect-trace.js';
import type { Demo } from '../demos/core/demo.js';
import { demo as graphqlDemo } from '../demos/graphql/demo.js';
import { comparisonCsv, comparisonMarkdown } from '../demos/render/comparison-formats.js';
import { demo as restDemo } from '../demos/rest/demo.js';
import type { Trace } from '../demos/wire/trace.js';
import { lessons } from '../lessons/compare/index.js';

function measured(comparison: Comparison, useCase: UseCaseId, paradigm: ParadigmId): Measurement {
  const cell: Cell | undefined = comparison.useCases.find((u) => u.id === useCase)?.cells[paradigm];
  assert.ok(cell?.fit === true, `${paradigm} ${useCase} was measured`);
  return cell.measurement;
}

const stepBytes = (trace: Trace, id: string) => {
  const step = trace.steps.find((s) => s.id === id)!;
  return { up: step.bytesUp, down: step.bytesDown };
};

describe('compare: the numbers agree with the demos and with themselves', () => {
  let comparison: Comparison;
  before(async () => {
    comparison = await runComparison({
      paradigms: ['rest', 'graphql'],
      useCases: [1, 2, 5, 6],
      repetitions: 2,
      lang: 'en',
    });
  });

  test('when the list is compared then its bytes equal what the REST and GraphQL demos trace for the same step', async () => {
    const rest = await collectTrace(restDemo as unknown as Demo, 'en');
    const graphql = await collectTrace(graphqlDemo as unknown as Demo, 'en');
    const restList = measured(comparison, 1, 'rest');
    const graphqlList = measured(comparison, 1, 'graphql');
    assert.deepEqual({ up: restList.up.total, down: restList.down.total }, stepBytes(rest, 'list'));
    assert.deepEqual({ up: graphqlList.up.total, down: graphqlList.down.total }, stepBytes(graphql, 'query'));
  });

  test('when bytes are split then overhead plus payload is the total, for every cell', () => {
    for (const useCase of comparison.useCases) {
      for (const cell of Object.values(useCase.cells)) {
        if (cell?.fit !== true) continue;
        const m = cell.measurement;
        assert.equal(m.up.overhead + m.up.payload, m.up.total);
        assert.equal(m.down.overhead + m.down.payload, m.down.total);
        assert.ok(m.down.overhead > 0 && m.latencyMs > 0);
      }
    }
  });

  test('when the list is fetched then REST over-fetches and GraphQL gets exactly the fields needed', () => {
    const rest = measured(comparison, 1, 'rest');
    const graphql = measured(comparison, 1, 'graphql');
    assert.deepEqual([rest.fieldsReceived, rest.fieldsNeeded], [36, 12]);
    assert.deepEqual([graphql.fieldsReceived, graphql.fieldsNeeded], [12, 12]);
  });

  test('when one book with reviews is needed then REST takes two round trips and GraphQL one', () => {
    assert.equal(measured(comparison, 2, 'rest').roundTrips, 2);
    assert.equal(measured(comparison, 2, 'graphql').roundTrips, 1);
  });

  test('when the list is asked again then REST gets a 304 with no payload and GraphQL pays in full', () => {
    const rest = measured(comparison, 5, 'rest');
    assert.equal(rest.note, '304');
    assert.equal(rest.down.payload, 0);
    assert.equal(measured(comparison, 5, 'graphql').down.total, measured(comparison, 1, 'graphql').down.total);
  });

  test('when a new book arrives then REST polls with ETags until the 200 comes', () => {
    const rest = measured(comparison, 6, 'rest');
    assert.match(rest.note ?? '', /^polling: \d+ × GET$/);
    assert.equal(rest.roundTrips, Number(/(\d+) ×/.exec(rest.note!)![1]));
    assert.ok(rest.roundTrips >= 2);
  });

  test('when written as CSV or Markdown then every measured cell is a row with the same numbers', () => {
    const t = lessons.en;
    const csv = comparisonCsv(comparison, t).trimEnd().split('\r\n');
    assert.equal(
      csv[0],
      'useCase,paradigm,fit,roundTrips,connections,bytesUp,overheadUp,payloadUp,bytesDown,overheadDown,payloadDown,fieldsReceived,fieldsNeeded,latencyMs,note',
    );
    const list = measured(comparison, 1, 'rest');
    assert.ok(
      csv.some((row) => row.startsWith(`1 List the title and author of all books,REST,yes,1,1,${list.up.total},`)),
    );
    const md = comparisonMarkdown(comparison, t);
    assert.match(md, /^## 1\. List the title and author of all books$/m);
    assert.match(md, new RegExp(`\\| bytes down \\| ${list.down.total} \\(`));
  });
});
