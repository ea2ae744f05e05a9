import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { auditServer, type AuditResult } from 'graphql-http';
import { BookStore } from '../../demos/books/store.js';
import { createGraphqlApp } from '../../demos/graphql/server.js';
import { httpBehindTap, type HttpBehindTap } from '../../demos/wire/http-behind-tap.js';

/**
 * SHOULD and MAY audits the server does not meet, by audit id, with the reason.
 * Empty today: graphql-http on express meets every one. If an upgrade changes that,
 * the test below names the audit, and it is either fixed or listed here with why.
 */
const acceptedShortfalls: Record<string, string> = {};

describe('GraphQL over HTTP: graphql-http server audits', () => {
  let server: HttpBehindTap;
  let results: AuditResult[];

  before(async () => {
    server = await httpBehindTap(createGraphqlApp(new BookStore()));
    // Through the tap, so the audits also prove the tap forwards every byte unchanged.
    results = await auditServer({ url: `${server.url}/graphql` });
  });
  after(() => server?.close());

  test('when the audits run then there are many and the tap saw each request', () => {
    assert.ok(results.length >= 50, `${results.length} audits`);
    assert.ok(server.tap.items.length >= results.length);
  });

  test('when an audit is a MUST then it passes', () => {
    const failed = results.filter((r) => r.name.startsWith('MUST') && r.status !== 'ok');
    assert.deepEqual(
      failed.map((r) => `${r.id} ${r.name}: ${r.status === 'ok' ? '' : r.reason}`),
      [],
    );
  });

  test('when a SHOULD or MAY is not met then it is listed with its reason', () => {
    const unmet = results.filter((r) => !r.name.startsWith('MUST') && r.status !== 'ok').map((r) => r.id);
    assert.deepEqual(unmet.sort(), Object.keys(acceptedShortfalls).sort());
  });
});
