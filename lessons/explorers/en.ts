/** Words of the pages `--serve` offers in the browser: the index page and the explorers. */
export const en = {
  index: {
    title: ({ demo }: { demo: string }) => `awt-demo ${demo}: what this server offers`,
    intro:
      'Every request your browser sends from these pages crosses the wire tap: watch the terminal where awt-demo runs.',
    offers: 'On this server',
  },
  noScript: 'This explorer needs JavaScript. Everything it does is also possible with the curl lines in the terminal.',
  loading: 'Loading…',
  /** Above GraphiQL and Swagger UI (which speak English only, so German says that too). */
  toolNote: 'Every request sent from here shows in the terminal where awt-demo runs.',
  graphql: {
    explorer: 'GraphQL explorer (GraphiQL)',
    explorerNote: 'the schema with its docs, autocomplete, and a ▶ button: each query is one POST /graphql',
    getQuery: 'A query sent with GET',
    getQueryNote: 'the query in the URL; the answer is JSON',
    defaultQuery: '# ▶ (or Ctrl-Enter) sends this query\n# to the server as POST /graphql.\n',
  },
  rest: {
    docs: 'API documentation (Swagger UI)',
    docsNote: 'every endpoint from /openapi.json; "Try it out" sends a real request',
    openapi: 'The contract: OpenAPI 3.1',
    openapiNote: 'the document Swagger UI reads',
    books: 'The books, version 1',
    booksV2: 'The books, version 2',
    booksNote: 'a GET in the browser, answered as JSON',
  },
  websocket: {
    chat: 'The book-club chat',
    chatNote: 'open it in two windows: each opens a WebSocket to /chat and gets every message and every new book',
    books: 'The books',
    booksNote: 'a GET in the browser, answered as JSON; a POST /books is pushed to every chat page',
    changes: 'Polling for new books',
    changesNote: 'what polling asks instead of waiting for a push: "anything new since book 0?"',
  },
  soap: {
    page: 'Operations and sample envelopes',
    pageNote: 'each operation with a request you can edit and send',
    wsdl: 'The contract: WSDL 1.1',
    wsdlNote: 'the document client generators read',
    title: 'SOAP service BookService',
    intro:
      'One endpoint, four operations. Each request is a POST of an XML envelope; the SOAPAction header names the operation.',
    endpoint: 'Endpoint',
    action: 'SOAPAction',
    send: 'Send',
    response: 'Response',
    sending: 'Sending…',
    failed: 'The request failed:',
    withToken: 'AddBook with a WS-Security UsernameToken',
  },
};

export type ExplorerTexts = typeof en;
