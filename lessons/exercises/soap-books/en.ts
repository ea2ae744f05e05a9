import type { ExerciseText } from '../../../demos/exercises/types.js';

export const en: ExerciseText = {
  title: "A SOAP book service with the soap package, following the soap demo's WSDL",
  summary:
    'ListBooks, GetBook and AddBook from the WSDL, a Fault for a missing book; checked by a client built from that WSDL',
  task: [
    "Build the BookService of the soap demo with the `soap` package in TypeScript. The contract comes first: `books.wsdl` in this folder is the soap demo's WSDL (`awt-demo soap --schema` prints the same), and your server serves it at `/BookService?wsdl`. The checks generate their client from that WSDL, exactly as a toolkit in any language would, and call your endpoint with it.",
    '- `ListBooks`: all books, each a `book` element with `id`, `title`, `author`, `createdAt` (xsd:dateTime) and, when known, `year` and `isbn`.\n- `GetBook` with an `id`: that book; for an id that names no book a SOAP Fault (`faultcode` soap:Client) with the `BookNotFound` element the WSDL declares as its `detail`.\n- `AddBook` with `title`, `author` and optionally `year` and `isbn`: the new book, with an id and createdAt; the next `ListBooks` lists it.\n- The WSDL also names `GetBookWithReviews` and mentions WS-Security for AddBook: both are no part of this exercise.',
  ],
  steps: [
    '1. Open `src/service.ts`: one function per operation, inside the service and port names of the WSDL. The server in `src/server.ts` starts and answers already; every `TODO` marks what is yours to write. The books live in `src/books.ts`.',
    '2. Write one operation at a time and run the checks after each; a failing check shows the SOAP request and response side by side.',
    '3. Compare with the demo: `awt-demo soap` shows the same envelopes against the reference server.',
  ],
  checks: {
    wsdl: {
      title: 'GET /BookService?wsdl serves the WSDL with ListBooks, GetBook and AddBook',
      expected:
        '200 and well-formed XML: wsdl:definitions with targetNamespace urn:awt-demo:books and a portType naming ListBooks, GetBook and AddBook',
      hints: [
        "A SOAP service publishes its contract at its own address with ?wsdl; that is where a client's toolkit reads it from.",
        '`soap.listen(server, path, services, wsdl)` serves the WSDL text you give it at `path?wsdl`; give it the content of books.wsdl, unchanged.',
        "Shape: `const wsdl = readFileSync(new URL('../books.wsdl', import.meta.url), 'utf8'); server.listen(port, () => soap.listen(server, '/BookService', bookService(), wsdl));`",
      ],
    },
    'list-books': {
      title: 'ListBooks answers every book, each with the elements the WSDL requires',
      expected: 'a ListBooksResponse with at least one book; every book has id, title, author and a valid createdAt',
      hints: [
        'In document/literal style, the answer is one element named after the operation plus Response; the soap package builds it from what your function returns.',
        'The function returns the members of ListBooksResponse as an object: its key `book` holds an array, and each array item becomes one <book> element.',
        'Shape: `ListBooks: () => ({ book: books })`, with every book carrying id, title, author and createdAt (an ISO 8601 string).',
      ],
    },
    'get-book': {
      title: 'GetBook answers exactly the book with the id asked for',
      expected:
        'a GetBookResponse with the book of that id (same id and title as in ListBooks), with all required elements',
      hints: [
        'The request element GetBook carries the id; the operation looks it up and answers that one book.',
        'The soap package calls your function with the parsed request element as its first argument: `args.id` is a string.',
        'Shape: `GetBook: (args) => { const book = books.find((b) => b.id === args.id); if (!book) throw …Fault…; return { book }; }`',
      ],
    },
    'add-book': {
      title: 'AddBook stores a book, answers it, and the next ListBooks lists it',
      expected:
        'an AddBookResponse with the new book (the title, author and year sent, an id and createdAt), and the new book in the next ListBooksResponse',
      hints: [
        'AddBook changes the state of the service: the new book must be there for every later call, not just in the answer.',
        'Read title, author, year and isbn from `args`; year arrives as xsd:int. Give the book an id and `createdAt: new Date().toISOString()`, push it, and return it.',
        'Shape: `AddBook: (args) => { const book = { id: String(books.length + 1), title: args.title, author: args.author, year: args.year, createdAt: new Date().toISOString() }; books.push(book); return { book }; }`',
      ],
    },
    'book-not-found': {
      title: 'GetBook for an unknown id answers a SOAP Fault with BookNotFound',
      expected:
        'status 500 and a soap:Fault with faultcode soap:Client and a detail holding the BookNotFound element of the WSDL',
      hints: [
        'SOAP reports errors as a Fault in the Body, with status 500 (SOAP 1.1 §4.4, §6.2); the WSDL says which detail element GetBook uses: BookNotFound.',
        'In the soap package, a function that throws `{ Fault: { faultcode, faultstring, detail, statusCode: 500 } }` makes it answer with that Fault; `detail: { $xml: "…" }` is written as is.',
        'Shape: `throw { Fault: { faultcode: \'soap:Client\', faultstring: `No book with id ${id}.`, detail: { $xml: `<BookNotFound xmlns="urn:awt-demo:books"><id>${id}</id></BookNotFound>` }, statusCode: 500 } };` (escape the id if it may hold < or &).',
      ],
    },
  },
};
