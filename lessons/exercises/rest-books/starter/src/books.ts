/** The books the service knows, kept in memory: every restart begins with these. */
export interface Book {
  id: string;
  title: string;
  author: string;
  year: number | null;
  isbn: string | null;
  /** ISO 8601, e.g. new Date().toISOString() */
  createdAt: string;
}

export const books: Book[] = [
  // TODO: a few books to begin with, every field filled in (year and isbn may be null)
];
