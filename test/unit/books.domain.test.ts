import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { steppingClock } from '../../demos/books/clock.js';
import { BookStore } from '../../demos/books/store.js';
import { isValidIsbn, toIsbn10, toIsbn13, validateNewBook } from '../../demos/books/validation.js';

const now = new Date('2026-10-01T00:00:00Z');
const codes = (input: Record<string, unknown>) => {
  const result = validateNewBook(input, now);
  return result.ok ? [] : result.problems.map((p) => `${p.field}:${p.code}`);
};

describe('books validation (one set of rules for every paradigm)', () => {
  test('when title and author are given then the book is valid and trimmed', () => {
    const result = validateNewBook({ title: '  Clean Code ', author: 'Robert C. Martin', year: 2008 }, now);
    assert.deepEqual(result, {
      ok: true,
      value: { title: 'Clean Code', author: 'Robert C. Martin', year: 2008, isbn: null },
    });
  });

  test('when the title is missing, blank or too long then it is refused', () => {
    assert.deepEqual(codes({ author: 'A' }), ['title:required']);
    assert.deepEqual(codes({ title: '   ', author: 'A' }), ['title:required']);
    assert.deepEqual(codes({ title: 'x'.repeat(201), author: 'A' }), ['title:too-long']);
    assert.deepEqual(codes({ title: 'x'.repeat(200), author: 'A' }), []);
    assert.deepEqual(codes({ title: 42, author: 'A' }), ['title:wrong-type']);
  });

  test('when the year is not an integer in range then it is refused', () => {
    assert.deepEqual(codes({ title: 'T', author: 'A', year: 'soon' }), ['year:not-an-integer']);
    assert.deepEqual(codes({ title: 'T', author: 'A', year: 2008.5 }), ['year:not-an-integer']);
    assert.deepEqual(codes({ title: 'T', author: 'A', year: 1449 }), ['year:out-of-range']);
    assert.deepEqual(codes({ title: 'T', author: 'A', year: 2028 }), ['year:out-of-range']);
    assert.deepEqual(codes({ title: 'T', author: 'A', year: 2027 }), []);
  });

  test('when the ISBN has a wrong check digit then it is refused; ISBN-10 converts to 13', () => {
    assert.equal(isValidIsbn('9780132350884'), true);
    assert.equal(isValidIsbn('9780132350885'), false);
    assert.equal(isValidIsbn('013235088X'), false);
    assert.equal(isValidIsbn('0132350882'), true);
    assert.equal(toIsbn13('0132350882'), '9780132350884');
    assert.equal(toIsbn10('9780132350884'), '0132350882');
    assert.equal(toIsbn10('9780201633610'), '0201633612');
    assert.equal(toIsbn10('9791032305690'), null);
    assert.deepEqual(codes({ title: 'T', author: 'A', isbn: '978-0-13-235088-5' }), ['isbn:invalid-isbn']);
  });
});

describe('books store', () => {
  test('when two stores are made then ids and timestamps are the same (reproducible traces)', () => {
    const a = new BookStore();
    const b = new BookStore();
    assert.deepEqual(a.list(), b.list());
    assert.equal(a.list().length, 6);
    assert.equal(a.list()[0]!.title, 'Clean Code');
    assert.equal(a.add({ title: 'T', author: 'A', year: null, isbn: null }).id, '7');
  });

  test('when a book is added then listeners hear of it, until they stop listening', () => {
    const store = new BookStore(steppingClock('2026-01-01T00:00:00Z'));
    const heard: string[] = [];
    const stop = store.onBookAdded((book) => heard.push(book.title));
    store.add({ title: 'First', author: 'A', year: null, isbn: null });
    stop();
    store.add({ title: 'Second', author: 'A', year: null, isbn: null });
    assert.deepEqual(heard, ['First']);
    assert.equal(store.get('8')!.createdAt, '2026-01-01T00:08:00.000Z');
  });
});
