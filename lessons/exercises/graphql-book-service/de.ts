import type { ExerciseText } from '../../../demos/exercises/types.js';

export const de: ExerciseText = {
  title: 'Ein GraphQL-Bücherdienst mit Apollo Server und TypeScript',
  summary: 'Die Übung aus der Vorlesung: books, ein Buch, addBook, Introspection; über die Leitung geprüft',
  task: [
    'Baue den GraphQL-Dienst aus der Vorlesung mit Apollo Server (`@apollo/server`) in TypeScript. Er hält die Bücher im Speicher und beantwortet die Query und die Mutation aus der Vorlesung:',
    '```graphql\nquery {\n  books {\n    title\n    author\n  }\n}\n\nmutation {\n  addBook(title: "Clean Code", author: "Robert C. Martin") {\n    id\n    title\n    author\n  }\n}\n```',
    'Das Schema hat einen Typ `Book` (`id: ID!`, `title: String!`, `author: String!`), die Queries `books: [Book!]!` und `book(id: ID!): Book` (null, wenn es das Buch nicht gibt) und die Mutation `addBook(title: String!, author: String!): Book!`. Das sind die Signaturen der GraphQL-Demo; `awt-demo graphql --schema` gibt sie aus.',
  ],
  steps: [
    '1. Öffne `src/server.ts`. Der Server startet und antwortet schon, aber Schema und Resolver sind nur ein Gerüst: Jedes `TODO` markiert eine Stelle zum Ausfüllen.',
    '2. Vervollständige das Schema (`typeDefs`) und schreibe dann für jedes Feld einen Resolver. Die Bücher liegen im Array in `src/books.ts`.',
    '3. Probiere deinen Server im Browser unter http://localhost:4000/ aus (Apollo Sandbox) oder mit `npx awt-demo tap http://localhost:4000/` davor, und führe die Prüfungen nach jedem Schritt aus.',
  ],
  checks: {
    'books-title-author': {
      title: 'Die Query aus der Vorlesung liefert von jedem Buch genau title und author',
      expected:
        '`{ books { title author } }` antwortet mit data.books, einer nicht leeren Liste, deren Bücher genau die Felder title und author haben',
      hints: [
        'Der Client wählt die Felder; der Server braucht nur ein Feld `books` im Typ `Query`, dessen Resolver die Liste der Bücher zurückgibt.',
        'Im Resolver-Objekt ist `Query.books` eine Funktion: `books: () => books`, wobei `books` das Array aus src/books.ts ist. Die angefragten Felder nimmt Apollo selbst aus jedem Buch.',
        'So sieht es aus: `const resolvers = { Query: { books: () => books } };` und in den typeDefs `type Query { books: [Book!]! }`. Die Liste darf nicht leer sein: Beginne mit ein paar Büchern.',
      ],
    },
    'book-by-id': {
      title: 'book(id) liefert genau dieses Buch, und null für eine ID, die es nicht gibt',
      expected:
        'book(id) antwortet mit dem Buch dieser ID (ID und Titel wie in der Liste) und mit null für eine unbekannte ID, jeweils ohne errors',
      hints: [
        'Ein Feld mit Argument: `book(id: ID!): Book` im Typ `Query`. Der Ergebnistyp hat kein `!`, also ist null eine gültige Antwort, wenn es das Buch nicht gibt.',
        'Ein Resolver bekommt `(parent, args)`; die ID steht in `args.id` (immer ein String, weil der Typ ID ist). Das Buch findest du mit `Array.prototype.find`.',
        'So sieht es aus: `book: (_parent: unknown, args: { id: string }) => books.find((book) => book.id === args.id) ?? null`.',
      ],
    },
    'add-book': {
      title: 'addBook legt ein Buch an, und die nächste books-Query listet es',
      expected:
        'addBook antwortet mit dem neuen Buch (einer ID, dem gesendeten Titel und Autor), und die folgende books-Query enthält es',
      hints: [
        'Eine Mutation ist ein Feld des Typs `Mutation`; ihr Resolver ändert die Daten und gibt das neue Objekt zurück.',
        'Deklariere `type Mutation { addBook(title: String!, author: String!): Book! }` und gib dem Resolver-Objekt neben `Query` einen Eintrag `Mutation`. Füge das neue Buch in dasselbe Array ein, das `books` zurückgibt.',
        'So sieht es aus: `addBook: (_parent: unknown, args: { title: string; author: string }) => { const book = { id: String(books.length + 1), ...args }; books.push(book); return book; }`.',
      ],
    },
    'unknown-field': {
      title: 'Eine Query nach einem Feld, das es nicht gibt, bekommt das errors-Array',
      expected: '`{ books { title publisher } }` antwortet mit einem errors-Array mit einer Meldung und ohne data',
      hints: [
        'GraphQL prüft jede Query gegen das Schema, bevor es sie ausführt; ein Feld, das das Schema nicht deklariert, ist ein Fehler und kein leerer Wert.',
        'Das erledigt Apollo für dich, solange `publisher` nicht in deinem Schema steht. Sieh dir deine typeDefs an: Deklariert `Book` mehr, als die Aufgabe verlangt?',
        'Entferne aus `type Book` die Felder, die die Aufgabe nicht nennt (id, title, author; year darf bleiben), und fange Fehler nicht in einem Plugin oder in formatError ab.',
      ],
    },
    introspection: {
      title: 'Die Introspection-Query aus der Vorlesung listet books, und das Schema passt zum Vertrag',
      expected:
        'die Introspection listet Query.books, Query.book und Mutation.addBook mit den Signaturen aus dem Schema der Demo (z. B. book(id: ID!): Book)',
      hints: [
        'Clients und Werkzeuge (und laut Vorlesung auch KI-Assistenten) lernen deine API über Introspection aus dem Schema selbst. Dazu muss sie eingeschaltet sein, und die Typen müssen so sein, wie die Aufgabe sie nennt.',
        'Apollo Server erlaubt Introspection, solange nicht `introspection: false` gesetzt ist (oder NODE_ENV=production). Vergleiche jede Signatur mit `awt-demo graphql --schema`.',
        'So sieht es aus: `new ApolloServer({ typeDefs, resolvers })` ohne `introspection: false`; `books: [Book!]!`, `book(id: ID!): Book`, `addBook(title: String!, author: String!): Book!` sowie `id: ID!`, `title: String!`, `author: String!` in Book.',
      ],
    },
    'graphql-over-http': {
      title: 'GraphQL over HTTP: Die MUST-Audits von graphql-http bestehen',
      expected: 'jedes MUST-Audit von graphql-http besteht (die SHOULDs erscheinen als Empfehlung, nicht als Fehler)',
      hints: [
        'GraphQL over HTTP ist eine eigene Spezifikation: welche Methoden, Medientypen, Kodierungen und Statuscodes ein Server verwenden muss. Apollo hält sie ein; was drumherum Header oder Bodies ändert, kann sie brechen.',
        'Lies die Namen der Audits in der Fehlermeldung: Sie sagen, welche Regel verletzt ist, z. B. muss der Content-Type der Antwort JSON in UTF-8 sein. Prüfe Plugins, Middleware und alles, was Header setzt.',
        'Die schlichte Einrichtung besteht: `startStandaloneServer(server, { listen: { port } })` ohne Plugin, das die Antwort umschreibt.',
      ],
    },
  },
};
