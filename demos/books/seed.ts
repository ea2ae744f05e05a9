import type { Book, Review } from './types.js';

type SeedBook = Omit<Book, 'id' | 'createdAt'>;

/** Real books a software engineering course would name; "Clean Code" is the lecture's example. */
export const seedBooks: readonly SeedBook[] = [
  { title: 'Clean Code', author: 'Robert C. Martin', year: 2008, isbn: '9780132350884' },
  { title: 'The Pragmatic Programmer', author: 'Andrew Hunt, David Thomas', year: 1999, isbn: '9780201616224' },
  {
    title: 'Design Patterns',
    author: 'Erich Gamma, Richard Helm, Ralph Johnson, John Vlissides',
    year: 1994,
    isbn: '9780201633610',
  },
  { title: 'Refactoring', author: 'Martin Fowler', year: 1999, isbn: '9780201485677' },
  { title: 'Domain-Driven Design', author: 'Eric Evans', year: 2003, isbn: '9780321125217' },
  { title: 'Computer Networks', author: 'Andrew S. Tanenbaum, David J. Wetherall', year: 2010, isbn: '9780132126953' },
];

/** Reviews refer to seed books by position (1-based id). */
export const seedReviews: readonly Omit<Review, 'id'>[] = [
  { bookId: '1', rating: 5, comment: 'Changed how I name things.' },
  { bookId: '1', rating: 4, comment: 'Some advice is dated, the core holds.' },
  { bookId: '2', rating: 5, comment: 'Tracer bullets, finally explained.' },
  { bookId: '4', rating: 4, comment: 'The catalogue of smells is gold.' },
  { bookId: '6', rating: 5, comment: 'The layers, from cable to HTTP.' },
];
