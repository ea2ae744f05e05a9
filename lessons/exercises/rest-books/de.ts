import type { ExerciseText } from '../../../demos/exercises/types.js';

export const de: ExerciseText = {
  title: 'Ein REST-Bücherdienst mit express nach einem OpenAPI-Vertrag',
  summary:
    'Liste, ein Buch, POST mit 201 und Location, Problem Details, 404 und ETag; gegen die OpenAPI-Schemas geprüft',
  task: [
    'Baue die Bücher-Ressource der REST-Demo mit express in TypeScript, genau so, wie das OpenAPI-Dokument der Demo sie beschreibt (`awt-demo rest --schema` gibt es aus). Die Prüfungen validieren jede Antwort gegen die Schemas dieses Dokuments.',
    '- `GET /v1/books`: alle Bücher als JSON-Array; ein Buch hat `id` (String), `title`, `author`, `year` (Integer oder null), `isbn` (String oder null) und `createdAt` (date-time).\n- `GET /v1/books/{id}`: ein Buch, oder `404` mit Problem Details als Body (`application/problem+json`, RFC 9457: `type`, `title`, `status`).\n- `POST /v1/books` mit einem JSON-Body (`title` und `author` sind Pflicht): `201 Created`, das neue Buch als Body und ein Header `Location` mit seiner URL. Ein ungültiger Body bekommt `400` mit Problem Details.\n- Jede Response mit einem Buch enthält ein `ETag`; ein Request mit `If-None-Match` und diesem ETag bekommt `304 Not Modified` ohne Body.',
  ],
  steps: [
    '1. Öffne `src/app.ts`. Der Server startet und antwortet schon; jedes `TODO` markiert eine Route oder Regel, die du schreibst. Die Bücher liegen in `src/books.ts`.',
    '2. Schreibe eine Route nach der anderen und führe nach jeder die Prüfungen aus; eine fehlgeschlagene Prüfung zeigt Request und Response nebeneinander.',
    '3. Vergleiche mit der Demo: `awt-demo rest` zeigt dieselben Requests gegen den Referenzserver.',
  ],
  checks: {
    'list-books': {
      title: 'GET /v1/books antwortet mit der Liste als JSON, die zum Vertrag passt',
      expected: '200, Content-Type application/json, ein nicht leeres Array von Büchern, gültig nach dem Schema BookV1',
      hints: [
        'Eine Collection-Ressource antwortet mit einem Array ihrer Elemente, im Medientyp, den der Vertrag nennt (application/json).',
        '`res.json(value)` von express serialisiert den Wert und setzt `Content-Type: application/json`; `res.send(JSON.stringify(value))` sagt dagegen text/html.',
        "So sieht es aus: `app.get('/v1/books', (_req, res) => { res.json(books); });`, und jedes Buch hat alle sechs Felder von BookV1 (year und isbn dürfen null sein).",
      ],
    },
    'one-book': {
      title: 'GET /v1/books/{id} antwortet mit genau diesem Buch',
      expected:
        '200 und das Buch mit der ID aus dem Pfad (dieselbe ID und derselbe Titel wie in der Liste), gültig nach BookV1',
      hints: [
        'Die ID ist Teil des Pfads: eine URL pro Buch. Die Route liest sie und sucht das Buch.',
        "Ein Routenparameter: `app.get('/v1/books/:id', …)`; der Wert steht in `req.params.id` (ein String).",
        'So sieht es aus: `const book = books.find((b) => b.id === req.params.id); if (!book) return …404…; res.json(book);`.',
      ],
    },
    'add-book': {
      title: 'POST /v1/books legt ein Buch an: 201, das Buch und ein Header Location',
      expected:
        '201 Created, das neue Buch (gültig nach BookV1, mit dem gesendeten Titel, Autor und Jahr) und ein Header Location, der zu ihm führt',
      hints: [
        'Wer eine Ressource anlegt, antwortet mit 201 Created und sagt im Header Location, wo die neue Ressource liegt (RFC 9110 §15.3.2).',
        'Lies den Body mit `express.json()`, gib dem Buch eine ID und createdAt, dann `res.status(201).location(`/v1/books/${book.id}`).json(book)`.',
        "So sieht es aus: `app.post('/v1/books', express.json(), (req, res) => { const book = { id: String(books.length + 1), title: req.body.title, author: req.body.author, year: req.body.year ?? null, isbn: req.body.isbn ?? null, createdAt: new Date().toISOString() }; books.push(book); res.status(201).location(…).json(book); });`",
      ],
    },
    'invalid-book': {
      title: 'POST /v1/books ohne Titel antwortet mit 400 und Problem Details',
      expected:
        '400, Content-Type application/problem+json, ein Body, gültig nach dem Schema Problem (type, title, status)',
      hints: [
        'Falsche Eingaben sind Sache des Clients: ein Status 4xx und ein Body, der in einer Standardform sagt, was falsch ist: Problem Details (RFC 9457).',
        "Prüfe den Body, bevor du etwas speicherst: title und author müssen nicht leere Strings sein. Antworte mit `res.status(400).type('application/problem+json').send(JSON.stringify(problem))`.",
        "So sieht es aus: `if (typeof req.body?.title !== 'string' || req.body.title.trim() === '') return sendProblem(res, 400, 'Bad Request', 'title is required');`, wobei `sendProblem` `{ type: 'about:blank', title, status, detail }` schreibt.",
      ],
    },
    'not-found': {
      title: 'GET /v1/books/{id} mit einer unbekannten ID antwortet mit 404 und Problem Details',
      expected: '404, Content-Type application/problem+json, ein Body, gültig nach dem Schema Problem',
      hints: [
        'Ein Buch, das es nicht gibt, ist 404 Not Found, mit einem Body, den der Client genauso lesen kann wie jeden anderen Fehler.',
        'Findet `find` nichts, antworte mit Status 404 und Problem Details als Body; `res.status(404).json(…)` sagt application/json statt application/problem+json.',
        "So sieht es aus: `if (!book) return sendProblem(res, 404, 'Not Found', `No book with id ${req.params.id}.`);`",
      ],
    },
    etag: {
      title: 'Ein Buch trägt ein ETag, und If-None-Match damit bekommt 304',
      expected:
        'GET /v1/books/{id} schickt ein ETag; derselbe Request mit If-None-Match: <dieses ETag> bekommt 304 ohne Body',
      hints: [
        'Bedingte Requests sparen Bytes: Der Client schickt das ETag, das er hat, und der Server antwortet mit 304, wenn sich nichts geändert hat (RFC 9110 §13.1.2).',
        'express berechnet für `res.json` ein ETag und antwortet selbst mit 304, wenn If-None-Match passt, außer die Einstellung `etag` ist abgeschaltet oder der Header ETag wird entfernt.',
        "So sieht es aus: Lass `app.set('etag', …)` in Ruhe (oder setze es auf 'weak' oder 'strong'), schicke Bücher mit `res.json`, und überschreibe den Header ETag in keiner Middleware.",
      ],
    },
  },
};
