import { steppingClock, type Clock } from './clock.js';
import { seedBooks, seedReviews } from './seed.js';
import type { Book, Review } from './types.js';
import type { ValidBook } from './validation.js';

/**
 * The in-memory store behind every demo server. Each run makes a fresh one, with
 * ids counted from 1 and times from the injected clock, so runs are reproducible.
 */
export class BookStore {
  private readonly books = new Map<string, Book>();
  private readonly reviews: Review[] = [];
  private nextBookId = 1;
  private readonly listeners = new Set<(book: Book) => void>();

  /** When the store was made; validation measures "the current year" against it. */
  readonly openedAt: Date;

  constructor(readonly clock: Clock = steppingClock()) {
    this.openedAt = clock();
    for (const book of seedBooks) this.add(book);
    seedReviews.forEach((review, i) => this.reviews.push({ id: String(i + 1), ...review }));
  }

  list(): Book[] {
    return [...this.books.values()];
  }

  get(id: string): Book | undefined {
    return this.books.get(id);
  }

  reviewsOf(bookId: string): Review[] {
    return this.reviews.filter((review) => review.bookId === bookId);
  }

  /** The reviews of several books at once, one list per id in the order given (one pass over the reviews). */
  reviewsOfBooks(bookIds: readonly string[]): Review[][] {
    const byBook = new Map(bookIds.map((id) => [id, [] as Review[]]));
    for (const review of this.reviews) byBook.get(review.bookId)?.push(review);
    return bookIds.map((id) => byBook.get(id)!);
  }

  /** Adds an already validated book and tells every listener (push demos use this). */
  add(book: ValidBook): Book {
    const stored: Book = { id: String(this.nextBookId++), ...book, createdAt: this.clock().toISOString() };
    this.books.set(stored.id, stored);
    for (const listener of this.listeners) listener(stored);
    return stored;
  }

  /**
   * Remembers the store as it is now; the returned function takes back every book added
   * since and counts ids from there again, so a measured run can start from the same data.
   */
  checkpoint(): () => void {
    const nextId = this.nextBookId;
    return () => {
      for (let id = nextId; id < this.nextBookId; id++) this.books.delete(String(id));
      this.nextBookId = nextId;
    };
  }

  /** Returns the function that stops listening. */
  onBookAdded(listener: (book: Book) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
