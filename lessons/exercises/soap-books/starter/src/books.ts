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

export const books: Book[] = [
  // TODO: a few books to begin with: id, title, author and createdAt filled in (year and isbn may be left out)
];
