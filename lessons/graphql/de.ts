import type { GraphqlLesson } from './en.js';

/** Die GraphQL-Lektion auf Deutsch. */
export const de: GraphqlLesson = {
  title: 'GraphQL mit graphql-http: Queries, Mutations, Fehler, Introspection',
  summary: 'ein /graphql-Endpunkt; der Client wählt die Felder; Fehler und Schema auf der Leitung',
  steps: {
    query: {
      title: 'Die Query aus der Vorlesung: { books { title author } }',
      notice: ['Der Client nennt die Felder; genau die kommen zurück, sonst nichts (kein Over-Fetching).'],
    },
    nested: {
      title: 'Ein Buch mit Rezensionen in einem Round Trip (mit Variablen)',
      notice: [
        'Wofür REST zwei Requests braucht, genügt hier eine Query; die ID steht in den Variablen, nicht im Query-Text.',
      ],
    },
    mutation: {
      title: 'Die Mutation aus der Vorlesung: addBook(title: "Clean Code", …)',
      notice: ['Eine Mutation ändert Daten, wie POST bei REST, und liefert die Felder, nach denen der Client fragt.'],
    },
    unknownField: {
      title: 'Ein Feld, das es nicht gibt: das errors-Array',
      notice: [
        'Die Query wird gegen das Schema geprüft, bevor etwas läuft; die Response trägt errors statt data.',
        'HTTP 400, weil der Client application/graphql-response+json akzeptiert (GraphQL over HTTP): Ein Request, der die Prüfung nicht besteht, ist fehlerhaft. Mit einfachem application/json wäre es 200.',
      ],
    },
    missing: {
      title: 'Ein Buch, das es nicht gibt',
      notice: ['Kein 404: der Status ist 200, und das Feld, das null sein darf, ist einfach null.'],
    },
    introspection: {
      title: 'Die Introspection-Query aus der Vorlesung: Die API beschreibt sich selbst',
      notice: ['Jeder Client (oder eine KI) kann den Server fragen, welche Operationen, Argumente und Typen es gibt.'],
    },
    evolution: {
      title: 'Schema-Evolution mit @deprecated statt /v2',
      notice: [
        'isbn13 kam hinzu und isbn wurde als veraltet markiert, im selben Schema: alte Queries laufen weiter, und die Introspection sagt den Clients, wohin sie wechseln sollen.',
      ],
    },
  },
  facts: {
    exactFields: (p) => `Angefragte Felder: ${p.asked}. Felder in jeder Response: ${p.got}.`,
    oneRoundTrip: (p) => `${p.trips} Round Trip für das Buch und seine ${p.reviews} Rezensionen.`,
    created: (p) => `Neues Buch mit der ID ${p.id}; die Response enthält genau: ${p.fields}.`,
    errors: (p) => `HTTP ${p.status}; errors[0].message: ${p.message}`,
    nullBook: (p) => `HTTP ${p.status}; data: ${p.data}`,
    queryFields: (p) => `Der Typ Query bietet: ${p.fields}.`,
    deprecated: (p) => `${p.field} ist veraltet: „${p.reason}“`,
    stillAnswered: (p) => `Das alte Feld antwortet weiter (isbn ${p.isbn}), neben dem neuen (isbn13 ${p.isbn13}).`,
  },
};
