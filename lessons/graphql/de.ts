import type { GraphqlLesson } from './en.js';

/** Die GraphQL-Lektion auf Deutsch. */
export const de: GraphqlLesson = {
  title:
    'GraphQL mit graphql-http: Queries, Resolver, Mutations, Fehler, Introspection, Query aus natürlicher Sprache, Caching',
  summary:
    'ein /graphql-Endpunkt; der Client wählt die Felder; Resolver, Fehler, Schema, Query aus natürlicher Sprache und Caching',
  question: 'Welche Bücher hat Robert C. Martin geschrieben, mit ihren Rezensionen?',
  count: (p) => new Intl.NumberFormat('de-DE').format(p.n),
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
        'Das Schema sagt, was man fragen kann; die Resolver holen es. graphql-js geht die Query durch und ruft je Feld einen Resolver auf, erst das Eltern-, dann das Kindfeld; ein Feld ohne eigenen Resolver bekommt den Standard-Resolver, der die gleichnamige Eigenschaft liest.',
        'Apollo Server, der Server aus der Vorlesung, ruft Resolver genauso auf (Apollo Client ist die Seite im Browser, Apollo Federation fügt mehrere GraphQL-Services zu einem Graphen zusammen). Der Server dieser Demo ist graphql-http, die Referenzimplementierung der Spezifikation „GraphQL over HTTP“.',
        'Der Header X-Demo-Resolver-Log ist ein Schalter dieser Demo: Der Server listet dann unter „extensions“, welche Resolver liefen und wie oft sie den Speicher gelesen haben.',
      ],
    },
    batching: {
      title: 'Das N+1-Problem und DataLoader (dieselbe Query zweimal)',
      notice: [
        'Book.reviews läuft einmal je Buch, und jeder Aufruf liest den Speicher: 1 Lesezugriff für die Liste, dann N für die Rezensionen. DataLoader sammelt die Buch-IDs, nach denen die Resolver fragen, und liest alle auf einmal.',
        'Gleiches Schema, gleiche Query, gleiche Daten; X-Demo-Batching: dataloader schaltet in dieser Demo das Batching ein (ein echter Server bündelt einfach immer).',
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
      title: 'GraphQL und KI: aus einer Frage in Worten wird eine geprüfte Query',
      notice: [
        'Das Schema aus der Introspection-Query kommt in den Prompt; das Modell schreibt eine Query; validate() prüft sie gegen das Schema, bevor etwas läuft. Ein erfundenes Feld erreicht so nie einen Resolver.',
        'Mit --llm-url schreibt ein Modell hinter einem OpenAI-kompatiblen Endpunkt (etwa Ollama) die Query, und Prompt und Antwort stehen auf der Leitung; ohne die Option nimmt der Schritt aufgezeichnete Antworten.',
      ],
    },
    evolution: {
      title: 'Schema-Evolution mit @deprecated statt /v2',
      notice: [
        'isbn13 kam hinzu und isbn wurde als veraltet markiert, im selben Schema: Alte Queries laufen weiter, und die Introspection sagt den Clients, wohin sie wechseln sollen.',
      ],
    },
    caching: {
      title: 'Caching: ein POST wird nie wiederverwendet, eine GET-Query bekommt 304',
      notice: [
        'Ein HTTP-Cache merkt sich Antworten nach Methode und URL. Jeder POST geht an dasselbe /graphql, die Query steht im Body: Kein Cache kann zwei davon unterscheiden. Darum schickt GraphQL alles erneut, während REST ein 304 bekommt.',
        'GraphQL over HTTP erlaubt für Queries auch GET, die Query steht dann in der URL: Dieser Server schickt dazu Cache-Control und ein ETag, und ein bedingter GET bekommt 304. (Apollo ergänzt Persisted Queries: ein Hash in der URL statt des Query-Texts.)',
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
    request: 'Request',
    status: 'Status',
    body: 'Body',
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
      `Für diese Query liefen ${p.resolvers} Resolver; zusammen haben sie den Speicher ${p.reads}-mal gelesen.`,
    nPlusOne: (p) =>
      `Einzeln: ${p.reads} Lesezugriffe für ${p.books} Bücher (1 für die Liste + ${p.books} für die Rezensionen: N+1).`,
    batched: (p) =>
      `Mit DataLoader: ${p.reads} Lesezugriffe; Book.reviews lief weiterhin ${p.calls}-mal, aber der Loader hat einmal für alle gelesen.`,
    sameData: (p) =>
      p.same
        ? `Beide Antworten enthalten dieselben Daten (${new Intl.NumberFormat('de-DE').format(p.bytes)} B JSON); nur „extensions“ unterscheidet sich.`
        : 'Die beiden Antworten enthalten verschiedene Daten: Batching darf die Antwort nicht ändern.',
    nonNull: (p) => `${p.arg}: type.name null, kind ${p.kind}, ofType ${p.ofType}: zusammen ${p.sdl}.`,
    prompt: (p) =>
      `Prompt: das Schema als SDL, aus der Introspection-Response wieder aufgebaut (${p.lines} Zeilen), und die Frage „${p.question}“`,
    liveModel: (p) => `Die Antworten schreibt das Modell ${p.model} unter ${p.url}, live.`,
    recordedModel: 'AUFGEZEICHNETE Antworten (ohne --llm-url): So hat ein Modell auf diesen Prompt geantwortet.',
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
        : 'POST: kein Cache-Control, kein ETag: Ein Cache kann die Antwort nicht behalten, und jeder neue Request holt alles erneut.',
    getCached: (p) => `GET mit der Query in der URL: cachebar, ETag ${p.etag}.`,
    notModified: (p) =>
      `GET noch einmal mit If-None-Match: HTTP ${p.status}, ${p.bytes} B Body; der Client behält seine Kopie.`,
  },
};
