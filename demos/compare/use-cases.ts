/** What each use case needs, so over-fetching can be counted the same way for every paradigm. */
import { BookStore } from '../books/store.js';

const store = new BookStore();

/** Fields a list view needs: title and author of every book. */
export const listFieldsNeeded = store.list().length * 2;

/** Fields a detail view needs: title and author, then rating and comment of each review of book 1. */
export const detailFieldsNeeded = 2 + store.reviewsOf('1').length * 2;

/** The book every paradigm adds in use case 3 (the lecture's example). */
export const newBook = { title: 'Clean Code', author: 'Robert C. Martin', year: 2008 };

/** Counts the primitive values in a parsed answer: the data fields that crossed the wire. */
export function countFields(value: unknown): number {
  // A date is one field, even when a client (SOAP's xsd:dateTime) turns it into an object.
  if (value instanceof Date) return 1;
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + countFields(item), 0);
  if (value !== null && typeof value === 'object') {
    return Object.values(value).reduce((sum: number, item) => sum + countFields(item), 0);
  }
  return 1;
}
