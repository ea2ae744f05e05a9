/**
 * The four operations, in the shape the soap package calls them: one object per
 * service and port of the WSDL, one function per operation. Each gets the parsed
 * wrapper element and returns the members of <Operation>Response; a thrown Fault
 * becomes a SOAP Fault on the wire.
 */
import type { BookStore } from '../books/store.js';
import type { Book, Review } from '../books/types.js';
import { validateNewBook } from '../books/validation.js';
import { detailEntry, escapeXml, serviceFault } from './fault.js';
import { StoreUnavailable } from './outage.js';
import type { Operation } from './wsdl.js';

type Args = Record<string, unknown> | null | undefined;
type ServiceMethod = (args: Args) => unknown;

/** Members in the order of the XSD sequence; an unknown year or ISBN is left out (minOccurs="0"). */
function soapBook(book: Book) {
  return {
    id: book.id,
    title: book.title,
    author: book.author,
    ...(book.year !== null ? { year: book.year } : {}),
    ...(book.isbn !== null ? { isbn: book.isbn } : {}),
    createdAt: book.createdAt,
  };
}

const soapReview = (review: Review) => ({ id: review.id, rating: review.rating, comment: review.comment });

function findBook(store: BookStore, args: Args): Book {
  const id = typeof args?.id === 'string' ? args.id : '';
  const book = store.get(id);
  if (!book) {
    throw serviceFault({
      code: 'soap:Client',
      string: `No book with id ${id}.`,
      detail: detailEntry('BookNotFound', [['id', id]]),
    });
  }
  return book;
}

/** Anything but a Fault is a bug; it becomes a soap:Server Fault without internals, never a stack trace. */
function guarded(method: ServiceMethod): ServiceMethod {
  return (args) => {
    try {
      return method(args);
    } catch (error) {
      if (error && typeof error === 'object' && 'Fault' in error) throw error;
      // The request was fine and the same one may succeed later: the server's fault, not the client's.
      if (error instanceof StoreUnavailable) {
        throw serviceFault({
          code: 'soap:Server',
          string: 'The book store is not reachable; the request was valid, send it again later.',
          detail: detailEntry('StoreUnavailable', ''),
        });
      }
      throw serviceFault({ code: 'soap:Server', string: 'The service failed to answer; this is a bug in awt-demo.' });
    }
  };
}

export function bookService(store: BookStore) {
  const operations: Record<Operation, ServiceMethod> = {
    ListBooks: () => ({ book: store.list().map(soapBook) }),
    GetBook: (args) => ({ book: soapBook(findBook(store, args)) }),
    GetBookWithReviews: (args) => {
      const book = findBook(store, args);
      return { book: soapBook(book), review: store.reviewsOf(book.id).map(soapReview) };
    },
    AddBook: (args) => {
      // The shared rules, so the same bad input fails here as in REST (400) and GraphQL (errors).
      const result = validateNewBook(args ?? {}, store.openedAt);
      if (!result.ok) {
        const problems = result.problems
          .map(
            (p) =>
              `<problem><field>${p.field}</field><code>${p.code}</code><message>${escapeXml(p.message)}</message></problem>`,
          )
          .join('');
        throw serviceFault({
          code: 'soap:Client',
          string: 'The book is not valid.',
          detail: detailEntry('InvalidBook', problems),
        });
      }
      return { book: soapBook(store.add(result.value)) };
    },
  };
  const port = Object.fromEntries(Object.entries(operations).map(([name, method]) => [name, guarded(method)]));
  return { BookService: { BookServicePort: port } };
}
