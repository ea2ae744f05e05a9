import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { runComparison } from '../../demos/compare/run-comparison.js';
import type { Cell, Comparison, Measurement, ParadigmId, UseCaseId } from '../../demos/compare/types.js';
import { collectTrace } from '../../demos/core/collect-trace.js';
import { demo as graphqlDemo } from '../../demos/graphql/demo.js';
import { comparisonCsv, comparisonMarkdown } from '../../demos/render/comparison-formats.js';
import { demo as restDemo } from '../../demos/rest/demo.js';
import { demo as soapDemo } from '../../demos/soap/demo.js';
import type { Trace } from '../../demos/wire/trace.js';
import { messages } from '../../demos/core/messages/index.js';

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
  const repetitionBytes = new Map<string, Array<{ up: number; down: number }>>();
  before(async () => {
    comparison = await runComparison({
      paradigms: ['rest', 'graphql', 'soap', 'websocket', 'mq'],
      useCases: [1, 2, 3, 5, 6],
      repetitions: 3,
      lang: 'en',
      onRepetition: (paradigm, useCase, bytes) => {
        const key = `${paradigm} ${useCase}`;
        repetitionBytes.set(key, [...(repetitionBytes.get(key) ?? []), bytes]);
      },
    });
  });

  test('when a use case is repeated then every repetition starts from the same data: repetition 1 has the bytes of repetition 3', () => {
    assert.ok(repetitionBytes.get('rest 6')?.length === 3);
    for (const [key, bytes] of repetitionBytes) assert.deepEqual(bytes[0], bytes[2], key);
  });

  test('when SOAP adds a book with a UsernameToken then the WS-Security header is measured in its bytes, and REST and GraphQL send none', async () => {
    const soap = measured(comparison, 3, 'soap');
    assert.equal(soap.credentials?.kind, 'ws-security');
    const soapTrace = await collectTrace(soapDemo, 'en');
    const addBook = soapTrace.steps
      .flatMap((step) => step.items)
      .find((item) => item.kind === 'http' && /AddBook/.test(item.request.body) && /Security/.test(item.request.body));
    assert.ok(addBook?.kind === 'http', 'the SOAP demo adds a book with WS-Security');
    const element = /<([\w-]+:)?Security\b[\s\S]*?<\/\1Security>/.exec(addBook.request.body)![0];
    assert.equal(soap.credentials?.bytes, Buffer.byteLength(element));
    assert.ok(soap.credentials!.bytes < soap.up.total);
    for (const paradigm of ['rest', 'graphql'] as const)
      assert.equal(measured(comparison, 3, paradigm).credentials, undefined);
  });

  test('when REST polls for the new book then its interval is given and its latency measured at 25, 50 and 100 ms', () => {
    const { polling } = measured(comparison, 6, 'rest');
    assert.equal(polling?.intervalMs, 100);
    assert.deepEqual(
      polling?.byInterval.map((point) => point.intervalMs),
      [25, 50, 100],
    );
    assert.equal(polling?.byInterval.at(-1)?.latencyMs, measured(comparison, 6, 'rest').latencyMs);
    for (const point of polling!.byInterval) assert.ok(point.latencyMs > 0);
  });

  test('when the list is compared then its bytes equal what the REST and GraphQL demos trace for the same step', async () => {
    const rest = await collectTrace(restDemo, 'en');
    const graphql = await collectTrace(graphqlDemo, 'en');
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
    // Use cases that add books run last, so this is the same list as in use case 1.
    const again = measured(comparison, 5, 'graphql');
    assert.equal(again.note, '200');
    assert.equal(again.down.total, measured(comparison, 1, 'graphql').down.total);
  });

  test('when a new book arrives then REST polls with ETags until the 200 comes', () => {
    const rest = measured(comparison, 6, 'rest');
    assert.match(rest.note ?? '', /^polling: \d+ × GET$/);
    assert.equal(rest.roundTrips, Number(/(\d+) ×/.exec(rest.note!)![1]));
    assert.ok(rest.roundTrips >= 2);
  });

  test('when SOAP lists the books then its bytes equal the SOAP demo trace for ListBooks', async () => {
    const soap = await collectTrace(soapDemo, 'en');
    const list = measured(comparison, 1, 'soap');
    assert.deepEqual({ up: list.up.total, down: list.down.total }, stepBytes(soap, 'listBooks'));
    assert.deepEqual([list.fieldsReceived, list.fieldsNeeded], [36, 12]);
    // The envelope is SOAP's framing: overhead, like the HTTP head.
    assert.ok(list.down.overhead > 0 && list.down.payload < list.down.total);
  });

  test('when a new book arrives then push ways take no round trip and fewer bytes than polling', () => {
    const polling = measured(comparison, 6, 'rest');
    for (const paradigm of ['graphql', 'websocket', 'mq'] as const) {
      const push = measured(comparison, 6, paradigm);
      // The subscriber asks nothing; the queue's publisher waits for one publisher confirm.
      assert.equal(push.roundTrips, paradigm === 'mq' ? 1 : 0, paradigm);
      assert.ok(push.down.total > 0 && push.down.total < polling.down.total, paradigm);
    }
    assert.match(measured(comparison, 6, 'websocket').note ?? '', /bookAdded/);
  });

  test('when a paradigm does not fit a use case then the cell says so with a reason instead of a number', () => {
    const soapNotify = comparison.useCases.find((u) => u.id === 6)!.cells.soap;
    assert.equal(soapNotify?.fit, false);
    assert.match((soapNotify as { reason: string }).reason, /poll/);
    const mqList = comparison.useCases.find((u) => u.id === 1)!.cells.mq;
    assert.equal(mqList?.fit, false);
    assert.equal(measured(comparison, 3, 'mq').note, 'confirm + ack');
  });

  test('when RabbitMQ is asked for and cannot be reached then the queue column is skipped with the reason and the rest runs', async () => {
    const without = await runComparison({
      paradigms: ['rest', 'mq'],
      useCases: [6],
      repetitions: 1,
      lang: 'de',
      amqpUrl: 'amqp://guest:guest@127.0.0.1:1',
      broker: 'rabbitmq',
    });
    const notify = without.useCases[0]!;
    assert.equal(notify.cells.mq?.fit, 'skipped');
    assert.match((notify.cells.mq as { reason: string }).reason, /127\.0\.0\.1:1/);
    assert.equal(notify.cells.rest?.fit, true);
  });

  test('when written as CSV or Markdown then every measured cell is a row with the same numbers', () => {
    const t = messages.en.compare;
    const csv = comparisonCsv(comparison, t).trimEnd().split('\r\n');
    assert.equal(
      csv[0],
      'useCase,paradigm,fit,roundTrips,connections,bytesUp,overheadUp,payloadUp,bytesDown,overheadDown,payloadDown,fieldsReceived,fieldsNeeded,latencyMs,note,credentialsBytes,pollIntervalMs',
    );
    const list = measured(comparison, 1, 'rest');
    assert.ok(
      csv.some((row) => row.startsWith(`1 List the title and author of all books,REST,yes,1,1,${list.up.total},`)),
    );
    const md = comparisonMarkdown(comparison, t, messages.en.numbers);
    assert.match(md, /^## 1\. List the title and author of all books$/m);
    assert.match(md, new RegExp(`\\| bytes down \\| ${messages.en.numbers.bytes(list.down.total)} \\(`));
    // The notes travel with the numbers: SOAP's credentials and REST's polling interval.
    const soapUp = measured(comparison, 3, 'soap').credentials!.bytes;
    assert.match(
      md,
      new RegExp(
        `^¹ The bytes up include credentials: SOAP's WS-Security header \\(wsse:Security\\) of ${soapUp} B`,
        'm',
      ),
    );
    assert.match(md, /^¹ REST polls every 100 ms/m);
    assert.ok(csv.some((row) => /^3 Add a book,SOAP,yes,.*,\d+,$/.test(row) && row.endsWith(`,${soapUp},`)));
    assert.ok(csv.some((row) => row.startsWith('6 Be told when a new book arrives,REST,yes,') && row.endsWith(',100')));
  });
});
