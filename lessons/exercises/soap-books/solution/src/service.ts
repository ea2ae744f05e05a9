/**
 * The operations of the WSDL's BookService, in the shape the soap package calls them:
 * service name → port name → one function per operation. Each gets the parsed request
 * element and returns the members of <Operation>Response; a thrown { Fault } becomes a
 * SOAP Fault on the wire (SOAP 1.1 §4.4), sent with status 500 (§6.2).
 */
import { books, type Book } from './books.js';

const namespace = 'urn:awt-demo:books';

type Args = Record<string, unknown> | null | undefined;

/** XML text must never carry markup from the data it quotes. */
function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (ch) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', '"': 'quot', "'": 'apos' }[ch]};`);
}

/** A Fault the WSDL declares: faultcode, faultstring, and the detail element it names. */
function fault(string: string, detail: string) {
  return { Fault: { faultcode: 'soap:Client', faultstring: string, detail: { $xml: detail }, statusCode: 500 } };
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

export function bookService() {
  return {
    BookService: {
      BookServicePort: {
        ListBooks: () => ({ book: books }),

        GetBook: (args: Args) => {
          const id = text(args?.id);
          const book = books.find((b) => b.id === id);
          if (!book) {
            throw fault(
              `No book with id ${id}.`,
              `<BookNotFound xmlns="${namespace}"><id>${escapeXml(id)}</id></BookNotFound>`,
            );
          }
          return { book };
        },

        AddBook: (args: Args) => {
          const title = text(args?.title);
          const author = text(args?.author);
          // xsd:int arrives as text or number, depending on how the request was parsed.
          const year = args?.year === undefined ? undefined : Number(args.year);
          const problems = [
            ...(title ? [] : [['title', 'title is required']]),
            ...(author ? [] : [['author', 'author is required']]),
            ...(year === undefined || Number.isInteger(year) ? [] : [['year', 'year must be an integer']]),
          ];
          if (problems.length > 0) {
            const entries = problems
              .map(
                ([field, message]) =>
                  `<problem><field>${field}</field><code>invalid</code><message>${message}</message></problem>`,
              )
              .join('');
            throw fault('The book is not valid.', `<InvalidBook xmlns="${namespace}">${entries}</InvalidBook>`);
          }
          const book: Book = {
            id: String(books.length + 1),
            title,
            author,
            ...(year !== undefined ? { year } : {}),
            ...(text(args?.isbn) ? { isbn: text(args?.isbn) } : {}),
            createdAt: new Date().toISOString(),
          };
          books.push(book);
          return { book };
        },
      },
    },
  };
}
