import { numberWords } from '../../demos/core/numbers.js';
import type { GraphqlLesson } from './en.js';

const numbers = numberWords('de');

/** Die GraphQL-Lektion auf Deutsch. */
export const de: GraphqlLesson = {
  title:
    'GraphQL mit graphql-http: Queries, Resolver, Mutations, Fehler, Introspection, Query aus natürlicher Sprache, Caching',
  summary:
    'ein /graphql-Endpunkt; der Client wählt die Felder; Resolver, Fehler, Schema, Query aus natürlicher Sprache und Caching',
  question: 'Welche Bücher hat Robert C. Martin geschrieben, mit ihren Bewertungen?',
  count: (p) => numbers.integer(p.n),
  steps: {
    query: {
      title: 'Die Query aus der Vorlesung: { books { title author } }',
      notice: ['Der Client nennt die Felder; genau die kommen zurück, sonst nichts (kein Over-Fetching).'],
    },
    nested: {
      title: 'Ein Buch mit Rezensionen in einem Round Trip (mit Variablen)',
      notice: [
        'Wo REST zwei Requests braucht, genügt hier eine Query; die ID steht in den Variablen, nicht im Query-Text.',
      ],
    },
    resolvers: {
      title: 'Resolver: welche Funktion welches Feld beantwortet',
      notice: [
        'graphql-js ruft je Feld einen Resolver auf, erst das Eltern-, dann das Kindfeld; ein Feld ohne eigenen bekommt den Standard-Resolver, der die gleichnamige Eigenschaft liest.',
        'Die Demo nutzt graphql-http, die Referenzimplementierung von „GraphQL over HTTP“; Apollo Server (Vorlesung) ruft Resolver genauso auf, Apollo Client ist die Browserseite, Apollo Federation verbindet Services zu einem Graphen.',
        'Mit dem Header X-Demo-Resolver-Log (einem Schalter der Demo) listet der Server unter „extensions“ die Resolver und ihre Lesezugriffe.',
      ],
    },
    batching: {
      title: 'Das N+1-Problem und DataLoader (dieselbe Query zweimal)',
      notice: [
        'Book.reviews läuft einmal je Buch und liest jedes Mal den Speicher: 1 Lesezugriff für die Liste, dann N für die Rezensionen. DataLoader sammelt die IDs und liest alle auf einmal.',
        'Gleiches Schema, gleiche Query, gleiche Daten; der Header X-Demo-Batching: dataloader schaltet das Batching ein (ein echter Server bündelt immer).',
      ],
    },
    mutation: {
      title: 'Die Mutation aus der Vorlesung: addBook(title: "Clean Code", …)',
      notice: ['Eine Mutation ändert Daten, wie POST bei REST, und liefert die Felder, nach denen der Client fragt.'],
    },
    unknownField: {
      title: 'Ein Feld, das es nicht gibt: das errors-Array',
      notice: [
        'Die Query wird gegen das Schema geprüft, bevor etwas läuft; die Response enthält errors statt data.',
        'HTTP 400, weil der Client application/graphql-response+json akzeptiert (GraphQL over HTTP): Ein Request, der die Prüfung nicht besteht, ist fehlerhaft. Mit einfachem application/json wäre es 200.',
      ],
    },
    missing: {
      title: 'Ein Buch, das es nicht gibt',
      notice: ['Kein 404: Der Status ist 200, und das Feld, das null sein darf, ist einfach null.'],
    },
    introspection: {
      title: 'Die Introspection-Query aus der Vorlesung: Die API beschreibt sich selbst',
      notice: [
        'Jeder Client (oder eine KI) kann den Server fragen, welche Operationen, Argumente und Typen es gibt.',
        'Die Query aus der Vorlesung bekommt für book(id) "type": {"name": null}: ID! ist ein Wrapper-Typ der Art NON_NULL ohne eigenen Namen. Die zweite Query fragt nach ofType, und das nennt den umhüllten Typ: ID.',
      ],
    },
    textToQuery: {
      title: 'GraphQL und KI: aus einer Frage wird eine geprüfte Query',
      notice: [
        'Das Schema aus der Introspection kommt in den Prompt, das Modell schreibt eine Query, und validate() prüft sie, bevor etwas läuft: Ein erfundenes Feld erreicht nie einen Resolver.',
        'Mit --llm-url antwortet ein Modell hinter einem OpenAI-kompatiblen Endpunkt (etwa Ollama), und Prompt und Antwort stehen im Mitschnitt; ohne die Option kommen aufgezeichnete Antworten.',
      ],
    },
    evolution: {
      title: 'Schema-Evolution mit @deprecated statt /v2',
      notice: [
        'isbn13 kam hinzu und isbn wurde als veraltet markiert, im selben Schema: Alte Queries laufen weiter, und die Introspection sagt den Clients, wohin sie wechseln sollen.',
      ],
    },
    caching: {
      title: 'Caching: kein Cache für POST, eine GET-Query bekommt 304',
      notice: [
        'Ein HTTP-Cache merkt sich Responses nach Methode und URL. Jeder POST geht an dasselbe /graphql, die Query im Body: Kein Cache kann zwei Queries unterscheiden, GraphQL schickt alles erneut, wo REST 304 bekommt.',
        'Eine Query darf auch per GET in der URL kommen: Dann schickt dieser Server Cache-Control und ein ETag, und ein bedingter GET bekommt 304. Persisted Queries (Apollo) setzen dort einen Hash statt des Texts.',
      ],
    },
  },
  figures: {
    resolver: 'Resolver',
    kind: 'Art',
    calls: 'Aufrufe',
    storeReads: 'Lesezugriffe',
    own: 'eigener',
    defaultResolver: 'Standard (Eigenschaft)',
    withoutBatching: 'einzeln',
    withDataLoader: 'DataLoader',
    reviewsCalls: 'Aufrufe von Book.reviews',
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
    resolversRan: (p) =>
      `${p.resolvers} Resolver liefen für diese Query und lasen den Speicher zusammen ${p.reads}-mal.`,
    nPlusOne: (p) =>
      `Einzeln: ${p.reads} Lesezugriffe für ${p.books} Bücher (1 für die Liste + ${p.books} für die Rezensionen: N+1).`,
    batched: (p) =>
      `Mit DataLoader: ${p.reads} Lesezugriffe; Book.reviews lief weiterhin ${p.calls}-mal, aber der Loader hat einmal für alle gelesen.`,
    sameData: (p) =>
      p.same
        ? `Beide Responses enthalten dieselben Daten (${numbers.bytes(p.bytes)} JSON); nur „extensions“ unterscheidet sich.`
        : 'Die beiden Responses enthalten verschiedene Daten: Batching darf die Response nicht ändern.',
    nonNull: (p) => `${p.arg}: type.name null, kind ${p.kind}, ofType ${p.ofType}: zusammen ${p.sdl}.`,
    prompt: (p) =>
      `Prompt: das Schema als SDL aus der Introspection-Response (${p.lines} Zeilen) und die Frage „${p.question}“`,
    liveModel: (p) => `Die Antworten schreibt das Modell ${p.model} unter ${p.url}, live.`,
    recordedModel: 'AUFGEZEICHNET (ohne --llm-url): So antwortete ein Modell auf diesen Prompt.',
    answer: (p) => `Antwort ${p.n}: ${p.query}`,
    rejected: (p) => `von validate() abgelehnt, nichts lief: ${p.errors}`,
    accepted: 'Laut Schema gültig, also an den Server geschickt.',
    bookRatings: (p) =>
      `${p.title} (${p.ratings ? `Rezensionen mit Bewertung ${p.ratings.replace(/, (?=[^,]*$)/, ' und ')}` : 'keine Rezensionen'})`,
    found: (p) => `HTTP ${p.status}; von ${p.author} unter den ${p.of} Büchern: ${p.books || 'keines'}.`,
    executed: (p) => `HTTP ${p.status}; ${p.body}`,
    noValidQuery: (p) => `Keine gültige Query in ${p.answers} Antworten: nichts wurde geschickt.`,
    postUncached: (p) =>
      p.hasValidators
        ? 'POST: Die Antwort nennt Caching-Header, aber kein Cache unterscheidet POSTs an /graphql nach ihrem Body.'
        : 'POST: kein Cache-Control, kein ETag: Kein Cache behält die Response, jeder Request holt alles neu.',
    getCached: (p) => `GET mit der Query in der URL: cachebar, ETag ${p.etag}.`,
    notModified: (p) => `GET mit If-None-Match: HTTP ${p.status}, ${p.bytes} B Body; der Client behält seine Kopie.`,
  },
};
