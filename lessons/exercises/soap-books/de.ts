import type { ExerciseText } from '../../../demos/exercises/types.js';

export const de: ExerciseText = {
  title: 'Ein SOAP-Bücherdienst mit dem Paket soap nach der WSDL der SOAP-Demo',
  summary:
    'ListBooks, GetBook und AddBook aus der WSDL, ein Fault für ein fehlendes Buch; geprüft von einem Client, der aus dieser WSDL erzeugt wird',
  task: [
    'Baue den BookService der SOAP-Demo mit dem Paket `soap` in TypeScript. Der Vertrag kommt zuerst: `books.wsdl` in diesem Ordner ist die WSDL der SOAP-Demo (`awt-demo soap --schema` gibt dieselbe aus), und dein Server liefert sie unter `/BookService?wsdl` aus. Die Prüfungen erzeugen ihren Client aus dieser WSDL, genau wie ein Toolkit in jeder anderen Sprache, und rufen damit deinen Endpunkt auf.',
    '- `ListBooks`: alle Bücher, jedes ein Element `book` mit `id`, `title`, `author`, `createdAt` (xsd:dateTime) und, wenn bekannt, `year` und `isbn`.\n- `GetBook` mit einer `id`: dieses Buch; für eine ID, zu der es kein Buch gibt, ein SOAP-Fault (`faultcode` soap:Client) mit dem Element `BookNotFound` als `detail`, so wie die WSDL es deklariert.\n- `AddBook` mit `title`, `author` und optional `year` und `isbn`: das neue Buch mit ID und createdAt; das nächste `ListBooks` listet es.\n- Die WSDL nennt außerdem `GetBookWithReviews` und erwähnt WS-Security für AddBook: Beides gehört nicht zu dieser Aufgabe.',
  ],
  steps: [
    '1. Öffne `src/service.ts`: eine Funktion pro Operation, innerhalb der Service- und Port-Namen aus der WSDL. Der Server in `src/server.ts` startet und antwortet schon; jedes `TODO` markiert, was du schreibst. Die Bücher liegen in `src/books.ts`.',
    '2. Schreibe eine Operation nach der anderen und führe nach jeder die Prüfungen aus; eine fehlgeschlagene Prüfung zeigt SOAP-Request und -Response nebeneinander.',
    '3. Vergleiche mit der Demo: `awt-demo soap` zeigt dieselben Envelopes gegen den Referenzserver.',
  ],
  checks: {
    wsdl: {
      title: 'GET /BookService?wsdl liefert die WSDL mit ListBooks, GetBook und AddBook',
      expected:
        '200 und wohlgeformtes XML: wsdl:definitions mit targetNamespace urn:awt-demo:books und einem portType, der ListBooks, GetBook und AddBook nennt',
      hints: [
        'Ein SOAP-Dienst veröffentlicht seinen Vertrag unter seiner eigenen Adresse mit ?wsdl; dort liest das Toolkit eines Clients ihn.',
        '`soap.listen(server, path, services, wsdl)` liefert den WSDL-Text, den du übergibst, unter `path?wsdl` aus; übergib den Inhalt von books.wsdl unverändert.',
        "So sieht es aus: `const wsdl = readFileSync(new URL('../books.wsdl', import.meta.url), 'utf8'); server.listen(port, () => soap.listen(server, '/BookService', bookService(), wsdl));`",
      ],
    },
    'list-books': {
      title: 'ListBooks antwortet mit allen Büchern, jedes mit den Elementen, die die WSDL verlangt',
      expected:
        'ein Element ListBooksResponse mit mindestens einem Buch; jedes Buch hat id, title, author und ein gültiges createdAt',
      hints: [
        'Im Stil document/literal ist die Antwort ein Element, das nach der Operation plus Response heißt; das Paket soap baut es aus dem, was deine Funktion zurückgibt.',
        'Die Funktion gibt die Kinder von ListBooksResponse als Objekt zurück: Der Schlüssel `book` enthält ein Array, und jedes Element des Arrays wird ein Element <book>.',
        'So sieht es aus: `ListBooks: () => ({ book: books })`, und jedes Buch hat id, title, author und createdAt (ein String nach ISO 8601).',
      ],
    },
    'get-book': {
      title: 'GetBook antwortet mit genau dem Buch der angefragten ID',
      expected:
        'ein Element GetBookResponse mit dem Buch dieser ID (dieselbe ID und derselbe Titel wie in ListBooks), mit allen Pflichtelementen',
      hints: [
        'Das Element GetBook im Request enthält die ID; die Operation sucht das Buch und antwortet mit genau diesem einen.',
        'Das Paket soap ruft deine Funktion mit dem geparsten Element des Requests als erstem Argument auf: `args.id` ist ein String.',
        'So sieht es aus: `GetBook: (args) => { const book = books.find((b) => b.id === args.id); if (!book) throw …Fault…; return { book }; }`',
      ],
    },
    'add-book': {
      title: 'AddBook speichert ein Buch, antwortet damit, und das nächste ListBooks listet es',
      expected:
        'ein Element AddBookResponse mit dem neuen Buch (gesendeter Titel, Autor und Jahr, eine ID und createdAt) und das neue Buch im nächsten Element ListBooksResponse',
      hints: [
        'AddBook ändert den Zustand des Dienstes: Das neue Buch muss bei jedem späteren Aufruf da sein, nicht nur in der Antwort.',
        'Lies title, author, year und isbn aus `args`; year kommt als xsd:int. Gib dem Buch eine ID und `createdAt: new Date().toISOString()`, füge es hinzu und gib es zurück.',
        'So sieht es aus: `AddBook: (args) => { const book = { id: String(books.length + 1), title: args.title, author: args.author, year: args.year, createdAt: new Date().toISOString() }; books.push(book); return { book }; }`',
      ],
    },
    'book-not-found': {
      title: 'GetBook mit einer unbekannten ID antwortet mit einem SOAP-Fault mit BookNotFound',
      expected:
        'Status 500 und ein soap:Fault mit faultcode soap:Client und einem detail, das das Element BookNotFound aus der WSDL enthält',
      hints: [
        'SOAP meldet Fehler als Fault im Body, mit Status 500 (SOAP 1.1 §4.4, §6.2); die WSDL sagt, welches Element GetBook als detail verwendet: BookNotFound.',
        'Wirft eine Funktion im Paket soap `{ Fault: { faultcode, faultstring, detail, statusCode: 500 } }`, antwortet es mit diesem Fault; `detail: { $xml: "…" }` wird unverändert geschrieben.',
        'So sieht es aus: `throw { Fault: { faultcode: \'soap:Client\', faultstring: `No book with id ${id}.`, detail: { $xml: `<BookNotFound xmlns="urn:awt-demo:books"><id>${id}</id></BookNotFound>` }, statusCode: 500 } };` (maskiere die ID, wenn sie < oder & enthalten kann).',
      ],
    },
  },
};
