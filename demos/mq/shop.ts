/**
 * The bookshop side of the books domain that messages carry: orders of seed books and
 * the price list the quote service answers from.
 */
import { seedBooks } from '../books/seed.js';

export interface Order {
  order: number;
  isbn: string;
  title: string;
  quantity: number;
  shipping?: string;
}

/** Order `n` for the seed book at `book` (0-based); more copies mean more work for a worker. */
export function bookOrder(n: number, book: number, quantity = 1, shipping?: string): Order {
  const { isbn, title } = seedBooks[book % seedBooks.length]!;
  return { order: n, isbn: isbn!, title, quantity, ...(shipping ? { shipping } : {}) };
}

/** The queue the shop sends its orders to and the workers consume (work-queue step, mq exercise). */
export const orderQueue = 'orders';
/** The queue the price service answers quote requests on (rpc step, mq exercise). */
export const quoteQueue = 'price-quotes';
/** Packing an order takes this long per copy: more copies, more work for a worker. */
export const msPerCopy = 25;

/** List prices in euro cents, by ISBN (what the price-quote service knows). */
export const listPrices: Record<string, number> = {
  '9780132350884': 3999,
  '9780201616224': 4499,
  '9780201633610': 5499,
  '9780201485677': 4799,
  '9780321125217': 6299,
  '9780132126953': 8999,
};

/** The quote the RPC server computes: one tenth off from ten copies. */
export function quote(isbn: string, quantity: number): { isbn: string; quantity: number; total: string } | undefined {
  const cents = listPrices[isbn];
  if (cents === undefined || !Number.isInteger(quantity) || quantity < 1) return undefined;
  const total = cents * quantity * (quantity >= 10 ? 0.9 : 1);
  return { isbn, quantity, total: `${(Math.round(total) / 100).toFixed(2)} EUR` };
}

export const json = (value: unknown) => Buffer.from(JSON.stringify(value));

/** The body of a message as an order, or undefined when it is not one (a poison message). */
export function parseOrder(content: Buffer | string): Order | undefined {
  try {
    const value = JSON.parse(String(content)) as Partial<Order>;
    const valid =
      Number.isInteger(value.order) &&
      typeof value.isbn === 'string' &&
      Number.isInteger(value.quantity) &&
      value.quantity! > 0;
    return valid ? (value as Order) : undefined;
  } catch {
    return undefined;
  }
}
