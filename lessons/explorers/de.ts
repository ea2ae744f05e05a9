import type { ExplorerTexts } from './en.js';

export const de: ExplorerTexts = {
  index: {
    title: ({ demo }) => `awt-demo ${demo}: was dieser Server anbietet`,
    intro:
      'awt-demo schneidet jeden Request mit, den dein Browser von diesen Seiten sendet: Sieh ins Terminal, in dem awt-demo läuft.',
    offers: 'Auf diesem Server',
  },
  noScript: 'Dieser Explorer braucht JavaScript. Alles, was er kann, geht auch mit den curl-Zeilen im Terminal.',
  loading: 'Wird geladen …',
  toolNote:
    'GraphiQL und Swagger UI gibt es nur auf Englisch. Jeder Request, den sie senden, steht im Terminal, in dem awt-demo läuft.',
  graphql: {
    explorer: 'GraphQL-Explorer (GraphiQL)',
    explorerNote:
      'das Schema mit Dokumentation, Autovervollständigung und einem ▶-Knopf: Jede Query ist ein POST /graphql',
    getQuery: 'Eine Query per GET',
    getQueryNote: 'die Query steht in der URL; die Response ist JSON',
    defaultQuery: '# ▶ (oder Strg+Enter) schickt diese Query\n# als POST /graphql an den Server.\n',
  },
  rest: {
    docs: 'API-Dokumentation (Swagger UI)',
    docsNote: 'jeder Endpunkt aus /openapi.json; „Try it out“ sendet einen echten Request',
    openapi: 'Der Vertrag: OpenAPI 3.1',
    openapiNote: 'das Dokument, das Swagger UI liest',
    books: 'Die Bücher, Version 1',
    booksV2: 'Die Bücher, Version 2',
    booksNote: 'ein GET im Browser, die Response ist JSON',
  },
  websocket: {
    chat: 'Der Chat des Buchclubs',
    chatNote:
      'in zwei Fenstern öffnen: Jedes öffnet einen WebSocket zu /chat und bekommt jede Nachricht und jedes neue Buch',
    books: 'Die Bücher',
    booksNote: 'ein GET im Browser, die Antwort ist JSON; ein POST /books wird an jede Chat-Seite gepusht',
    changes: 'Polling nach neuen Büchern',
    changesNote: 'was Polling fragt, statt auf einen Push zu warten: „Gibt es etwas Neues seit Buch 0?“',
  },
  soap: {
    page: 'Operationen und Beispiel-Envelopes',
    pageNote: 'jede Operation mit einem Request, den du ändern und senden kannst',
    wsdl: 'Der Vertrag: WSDL 1.1',
    wsdlNote: 'das Dokument, aus dem Werkzeuge ihre Clients erzeugen',
    title: 'SOAP-Service BookService',
    intro:
      'Ein Endpunkt, vier Operationen. Jeder Request ist ein POST mit einem XML-Envelope; der Header SOAPAction nennt die Operation.',
    endpoint: 'Endpunkt',
    action: 'SOAPAction',
    send: 'Senden',
    response: 'Response',
    sending: 'Wird gesendet …',
    failed: 'Der Request ist fehlgeschlagen:',
    withToken: 'AddBook mit einem WS-Security-UsernameToken',
  },
};
