/** The books the service knows, kept in memory: every restart begins with these. */
export interface Book {
  id: string;
  title: string;
  author: string;
}

export const books: Book[] = [
  // TODO: a few books to begin with, e.g. { id: '1', title: 'Clean Code', author: 'Robert C. Martin' }
];
