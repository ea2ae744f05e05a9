/**
 * A second SOAP toolkit, in another language, generates its client from the served WSDL
 * and calls every operation: Python's zeep, where it is installed (Debian: python3-zeep).
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { after, before, describe, test } from 'node:test';
import { BookStore } from '../../demos/books/store.js';
import { createSoapApp } from '../../demos/soap/server.js';
import { demoAccount } from '../../demos/soap/ws-security.js';
import { httpBehindTap, type HttpBehindTap } from '../../demos/wire/http-behind-tap.js';

const script = `
import json, sys, zeep
from zeep.exceptions import Fault
from zeep.wsse.username import UsernameToken
from lxml import etree

wsdl, user, password = sys.argv[1:4]
def fault(call):
    try:
        call()
        return None
    except Fault as f:
        return [str(f.code), f.message, etree.tostring(f.detail).decode() if f.detail is not None else None]

client = zeep.Client(wsdl)
out = {"books": [[b.id, b.title, b.year, type(b.createdAt).__name__] for b in client.service.ListBooks()]}
book = client.service.GetBook(id="1")
out["book"] = [book.id, book.title]
both = client.service.GetBookWithReviews(id="1")
out["reviews"] = [both.book.title, [r.rating for r in both.review]]
out["missing"] = fault(lambda: client.service.GetBook(id="999"))
out["anonymous"] = fault(lambda: client.service.AddBook(title="Release It!", author="Michael T. Nygard"))
for digest in (False, True):
    secure = zeep.Client(wsdl, wsse=UsernameToken(user, password, use_digest=digest))
    added = secure.service.AddBook(title="Release It!", author="Michael T. Nygard", year=2018)
    out["added" + str(digest)] = [added.id, added.year]
    out["invalid" + str(digest)] = fault(lambda: secure.service.AddBook(title="", author="Anonymous"))
print(json.dumps(out))
`;

/**
 * What the script prints, run by the first python3 that has zeep; undefined where none has it.
 * No interpreter is started only to ask: importing zeep is most of what the script costs.
 */
async function runWithZeep(args: string[]): Promise<string | undefined> {
  for (const python of ['python3', '/usr/bin/python3']) {
    try {
      return (await promisify(execFile)(python, ['-c', script, ...args], { timeout: 30_000 })).stdout;
    } catch (error) {
      const { code, stderr } = error as { code?: unknown; stderr?: string };
      // No such interpreter (a shim may answer 127), or one without zeep: the next one.
      if (code === 'ENOENT' || code === 127 || /No module named '(zeep|lxml)'/.test(stderr ?? '')) continue;
      throw error;
    }
  }
  return undefined;
}

describe('interoperability with a SOAP toolkit in another language', () => {
  let server: HttpBehindTap;
  before(async () => {
    server = await httpBehindTap((req, res) => app(req, res));
    const app = await createSoapApp(new BookStore(), `${server.url}/BookService`);
  });
  after(async () => {
    await server?.close();
  });

  test('when zeep generates a client from the WSDL then every operation, every Fault and both token kinds work', async (t) => {
    const stdout = await runWithZeep([`${server.url}/BookService?wsdl`, demoAccount.username, demoAccount.password]);
    if (stdout === undefined) return t.skip('zeep is not installed (Debian: python3-zeep)');
    const out = JSON.parse(stdout) as Record<string, unknown>;
    const books = out.books as Array<[string, string, number, string]>;
    assert.equal(books.length, 6);
    assert.deepEqual(books[0], ['1', 'Clean Code', 2008, 'datetime']);
    assert.deepEqual(out.book, ['1', 'Clean Code']);
    assert.deepEqual(out.reviews, ['Clean Code', [5, 4]]);
    const [code, message, detail] = out.missing as [string, string, string];
    assert.equal(code, 'soap:Client');
    assert.equal(message, 'No book with id 999.');
    assert.match(detail, /<BookNotFound xmlns="urn:awt-demo:books"><id>999<\/id><\/BookNotFound>/);
    assert.equal((out.anonymous as string[])[0], 'wsse:FailedAuthentication');
    assert.deepEqual(out.addedFalse, ['7', 2018]);
    assert.deepEqual(out.addedTrue, ['8', 2018]);
    for (const key of ['invalidFalse', 'invalidTrue']) {
      assert.match((out[key] as string[])[2]!, /<field>title<\/field><code>required<\/code>/);
    }
  });
});
