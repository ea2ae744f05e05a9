import type { Book } from '../books/types.js';

/** v1: the book as it is stored; `author` is one string. */
export const v1Book = (book: Book) => book;

/**
 * v2 changes the shape, which old clients would not understand, hence a new URL:
 * several authors become a list, and links tell the client where to go next (HATEOAS).
 */
export function v2Book(book: Book) {
  return {
    id: book.id,
    title: book.title,
    authors: book.author.split(',').map((author) => author.trim()),
    published: { year: book.year },
    isbn: book.isbn,
    links: { self: `/v2/books/${book.id}`, reviews: `/v1/books/${book.id}/reviews` },
  };
}
