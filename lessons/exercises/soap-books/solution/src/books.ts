/** The books the service knows, kept in memory: every restart begins with these. */
export interface Book {
  id: string;
  title: string;
  author: string;
  /** minOccurs="0" in the WSDL: a book without a year leaves the element out. */
  year?: number;
  isbn?: string;
  /** xsd:dateTime, e.g. new Date().toISOString() */
  createdAt: string;
}

const openedAt = new Date().toISOString();

export const books: Book[] = [
  { id: '1', title: 'Clean Code', author: 'Robert C. Martin', year: 2008, isbn: '9780132350884', createdAt: openedAt },
  { id: '2', title: 'Refactoring', author: 'Martin Fowler', year: 1999, isbn: '9780201485677', createdAt: openedAt },
  { id: '3', title: 'Domain-Driven Design', author: 'Eric Evans', year: 2003, createdAt: openedAt },
];
