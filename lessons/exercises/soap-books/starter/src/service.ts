/**
 * The operations of the WSDL's BookService, in the shape the soap package calls them:
 * service name → port name → one function per operation. Each gets the parsed request
 * element and returns the members of <Operation>Response.
 * Check your progress with:  npx awt-demo exercise check soap-books
 */
import { books } from './books.js';

type Args = Record<string, unknown> | null | undefined;

export function bookService() {
  return {
    BookService: {
      BookServicePort: {
        // TODO: answer every book (this answers an empty list for now)
        ListBooks: () => ({ book: books.filter(() => false) }),

        // TODO: GetBook — the book with args.id, or a SOAP Fault with the WSDL's BookNotFound as its detail
        GetBook: (_args: Args) => ({}),

        // TODO: AddBook — store a book from args.title, args.author (and args.year, args.isbn); answer { book }
        AddBook: (_args: Args) => ({}),
      },
    },
  };
}
