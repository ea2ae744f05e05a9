/** The one books domain every paradigm serves. */
export interface Book {
  id: string;
  title: string;
  author: string;
  year: number | null;
  isbn: string | null;
  /** ISO 8601, from the store's clock. */
  createdAt: string;
}

export interface Review {
  id: string;
  bookId: string;
  /** 1 to 5 stars. */
  rating: number;
  comment: string;
}

/** What a client sends to add a book; not yet validated. */
export interface NewBookInput {
  title?: unknown;
  author?: unknown;
  year?: unknown;
  isbn?: unknown;
}
