/** The books the service knows, kept in memory: every restart begins with these. */
export interface Book {
  id: string;
  title: string;
  author: string;
}

export const books: Book[] = [
  { id: '1', title: 'Clean Code', author: 'Robert C. Martin' },
  { id: '2', title: 'The Pragmatic Programmer', author: 'Andrew Hunt, David Thomas' },
  { id: '3', title: 'Refactoring', author: 'Martin Fowler' },
];
