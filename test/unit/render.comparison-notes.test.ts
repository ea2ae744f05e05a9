import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { credentialsOf } from '../../demos/compare/credentials.js';
import type { Cell, Measurement } from '../../demos/compare/types.js';
import { messages } from '../../demos/core/messages/index.js';
import { blockNotes, markerOf } from '../../demos/render/comparison-notes.js';
import type { HttpExchange } from '../../demos/wire/trace.js';
import { measurement } from '../utils/fixtures.js';

const cell = (m: Partial<Measurement>): Cell => ({ fit: true, measurement: measurement(m) });

const security = '<wsse:Security soap:mustUnderstand="1"><wsse:UsernameToken>x</wsse:UsernameToken></wsse:Security>';
const exchange = (body: string, headers: Array<[string, string]> = []) =>
  ({ kind: 'http', request: { body, headers } }) as unknown as HttpExchange;

describe('compare notes: what a number alone does not say', () => {
  test('when a SOAP request carries wsse:Security then its size is measured from the bytes, and an Authorization header too', () => {
    const envelope = `<soap:Envelope><soap:Header>${security}</soap:Header><soap:Body/></soap:Envelope>`;
    assert.deepEqual(credentialsOf([exchange(envelope)]), { kind: 'ws-security', bytes: Buffer.byteLength(security) });
    assert.deepEqual(credentialsOf([exchange('{}', [['Authorization', 'Bearer abc']])]), {
      kind: 'authorization',
      bytes: Buffer.byteLength('Authorization: Bearer abc\r\n'),
    });
    assert.equal(credentialsOf([exchange('{}', [['Accept', 'application/json']])]), undefined);
  });

  test('when only SOAP sends credentials then its bytes up carry a marker and the note names the others as sending none', () => {
    const cells = {
      rest: cell({}),
      soap: cell({ credentials: { kind: 'ws-security', bytes: 833 } }),
      graphql: cell({}),
    };
    for (const lang of ['en', 'de'] as const) {
      const notes = blockNotes(
        { id: 3, cells },
        ['rest', 'graphql', 'soap'],
        messages[lang].compare,
        messages[lang].numbers,
      );
      assert.equal(notes.length, 1);
      assert.equal(markerOf(notes, 'bytesUp', 'soap'), '¹');
      assert.equal(markerOf(notes, 'bytesUp', 'rest'), '');
      assert.match(notes[0]!.text, /WS-Security.* 833 B/);
      assert.match(notes[0]!.text, lang === 'en' ? /REST and GraphQL send no credentials/ : /REST und GraphQL senden/);
    }
    assert.equal(
      blockNotes({ id: 0, cells }, ['soap'], messages.en.compare, messages.en.numbers).length,
      0,
      'not at set-up',
    );
  });

  test('when a client polls then the note names the interval, half of it, and the latency at each interval measured', () => {
    const polling = {
      intervalMs: 100,
      byInterval: [
        { intervalMs: 25, latencyMs: 13.04 },
        { intervalMs: 50, latencyMs: 26.5 },
        { intervalMs: 100, latencyMs: 51.2 },
      ],
    };
    const [en] = blockNotes(
      { id: 6, cells: { rest: cell({ polling }) } },
      ['rest'],
      messages.en.compare,
      messages.en.numbers,
    );
    assert.equal(en?.row, 'latency');
    assert.match(en!.text, /every 100 ms/);
    assert.match(en!.text, /≈ 50 ms/);
    assert.match(en!.text, /25 ms → 13 ms, 50 ms → 26\.5 ms, 100 ms → 51\.2 ms/);
    const [de] = blockNotes(
      { id: 6, cells: { rest: cell({ polling }) } },
      ['rest'],
      messages.de.compare,
      messages.de.numbers,
    );
    assert.match(de!.text, /alle 100 ms/);
    assert.match(de!.text, /50 ms → 26,5 ms/);
  });

  test('when the list comes again then "needed 0" is explained with the fields each paradigm sent anyway', () => {
    const cells = {
      rest: cell({ fieldsReceived: 0, fieldsNeeded: 0 }),
      graphql: cell({ fieldsReceived: 12, fieldsNeeded: 0 }),
    };
    const [note] = blockNotes({ id: 5, cells }, ['rest', 'graphql'], messages.en.compare, messages.en.numbers);
    assert.equal(note?.row, 'fields');
    assert.deepEqual(note?.paradigms, ['rest', 'graphql']);
    assert.match(note!.text, /sent again: GraphQL 12\)/);
    assert.match(note!.text, /REST's ETag gets 304 .*POST to one URL, so no HTTP cache can key on the question/);
  });
});
