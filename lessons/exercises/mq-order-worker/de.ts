import type { ExerciseText } from '../../../demos/exercises/types.js';

export const de: ExerciseText = {
  title: 'Bestell-Worker und ein Preisdienst über AMQP, mit amqplib',
  summary:
    'Ein Worker mit manuellen Acks und Prefetch 1, zweimal gestartet für faire Verteilung, und ein RPC-Responder (reply-to, correlation-id)',
  task: [
    'Baue die beiden Dienste aus den Schritten Work Queue und RPC der mq-Demo mit `amqplib` in TypeScript (`awt-demo mq` zeigt sie auf der Leitung). Beide verbinden sich mit dem Broker unter `AMQP_URL` und nutzen die Queues, die in `TASK_QUEUE` und `RPC_QUEUE` stehen (ohne diese Variablen: `amqp://guest:guest@localhost:5672`, `orders` und `price-quotes`), jeweils mit `durable: false` deklariert.',
    '- **Der Worker** (`src/worker.ts`) packt Bestellungen aus `TASK_QUEUE`. Eine Bestellung ist JSON: `{"order":1,"isbn":"9780132350884","title":"Clean Code","quantity":2}`; das Packen dauert `quantity × 25` ms (ein `setTimeout` steht für die Arbeit). Der Worker bestätigt eine Bestellung erst, wenn sie gepackt ist, und nimmt höchstens eine unbestätigte Bestellung auf einmal (Prefetch 1). So teilen sich zwei Worker die Bestellungen fair, und eine Bestellung, deren Worker stirbt, geht an den anderen. Eine Nachricht, die keine Bestellung ist (kein JSON, oder `quantity` kleiner als 1), lehnt er ohne Requeue ab, wie im Schritt zur Dead-Letter-Queue.\n- **Der Preisdienst** (`src/responder.ts`) beantwortet Preisanfragen aus `RPC_QUEUE`: `{"isbn":"9780132350884","quantity":12}`. Die Antwort geht an die Queue, die im `replyTo` der Anfrage steht, mit der `correlationId` der Anfrage und `contentType: application/json`. Sie lautet `{"isbn":…,"quantity":…,"total":"431.89 EUR"}`: Listenpreis (`prices.json`, Eurocent nach ISBN) mal Menge, ab zehn Exemplaren ein Zehntel Rabatt, auf den Cent gerundet; für ein unbekanntes Buch oder eine ungültige Menge `{"error":"no such book"}`.',
  ],
  steps: [
    '1. Öffne `src/worker.ts` und `src/responder.ts`. Beide verbinden sich, konsumieren und antworten schon; jedes `TODO` markiert eine Regel, die du schreibst.',
    '2. Führe nach jeder Regel die Prüfungen aus. Die Prüfung startet zwei Worker und den Preisdienst selbst, aus diesem Ordner, mit `AMQP_URL` auf dem Mitschnitt vor dem Broker: Eine fehlgeschlagene Prüfung zeigt jeden Frame, auch deine eigenen `Basic.Ack` und Antworten. Sie nimmt RabbitMQ, wenn einer antwortet, sonst den Broker, den awt-demo mitbringt (mit `--broker embedded` wählst du ihn ausdrücklich).',
    '3. Vergleiche mit der Demo: `awt-demo mq` zeigt dieselben Frames für die eigenen Worker und den Preisdienst der Demo; `awt-demo broker` startet einen Broker, der zeigt, was deine Programme senden, wenn du sie selbst startest (`npm run worker`, `npm run responder`).',
  ],
  checks: {
    'task-acked-once': {
      title: 'Jede Bestellung wird genau einmal bestätigt; die Giftnachricht wird ohne Requeue abgelehnt',
      expected:
        'für jede von fünf Bestellungen ein Basic.Ack mit ihrem Delivery-Tag (keines fehlt, keines doppelt); für die Bestellung mit quantity -3 ein Basic.Reject (oder Nack) mit requeue=false',
      hints: [
        'Mit manuellen Bestätigungen behält der Broker jede zugestellte Bestellung, bis der Worker mit Basic.Ack für ihren Delivery-Tag „fertig“ meldet. Ein Ack, das nie kommt, blockiert die Bestellung (und mit Prefetch 1 auch den Worker); ein zweites Ack für denselben Tag ist ein Fehler, der den Channel schließt (406).',
        'Konsumiere mit `{ noAck: false }` und rufe `channel.ack(message)` einmal je Nachricht auf, wenn die Arbeit getan ist; für eine Nachricht, die nie zu verarbeiten ist, `channel.reject(message, false)`.',
        'So sieht es aus: `channel.consume(queue, (message) => { if (!message) return; const order = parseOrder(message.content); if (!order) return channel.reject(message, false); setTimeout(() => channel.ack(message), order.quantity * 25); }, { noAck: false });`',
      ],
    },
    'fair-dispatch': {
      title:
        'Zwei Worker teilen sich die Bestellungen fair: Eine langsame Bestellung hält nur ihren eigenen Worker auf',
      expected:
        'jeder Worker schickt Basic.Qos prefetch-count=1 vor Basic.Consume; solange ein Worker eine langsame Bestellung (80 Exemplare) packt, bekommt er keine weitere, und der andere Worker bekommt die schnellen',
      hints: [
        'Ohne Limit verteilt der Broker die Bestellungen streng reihum, sobald sie ankommen, egal wie beschäftigt ein Worker ist. Mit Prefetch 1 bekommt ein Worker seine nächste Bestellung erst, wenn die letzte bestätigt ist.',
        '`channel.prefetch(1)` schickt Basic.Qos mit prefetch-count 1; rufe es vor `channel.consume` auf. Es wirkt nur zusammen mit manuellen Acks.',
        'So sieht es aus: `const channel = await connection.createChannel(); await channel.assertQueue(queue, { durable: false }); await channel.prefetch(1); await channel.consume(queue, onOrder, { noAck: false });`',
      ],
    },
    'rpc-reply': {
      title: 'Eine Preisanfrage bekommt die richtige Antwort, an reply-to und mit derselben correlation-id',
      expected:
        'für {"isbn":"9780132350884","quantity":12} die Antwort {"isbn":"9780132350884","quantity":12,"total":"431.89 EUR"}, für eine unbekannte ISBN {"error":"no such book"}; jeweils an den Default-Exchange mit dem replyTo der Anfrage als Routing-Key und mit ihrer correlationId',
      hints: [
        'RPC über Queues: Der Client nennt seine Antwort-Queue in der Property replyTo und versieht jede Frage mit einer correlationId. Der Dienst antwortet genau an diese Queue und übernimmt die ID, damit der Client weiß, welche Antwort zu welcher Frage gehört.',
        "Lies `message.properties.replyTo` und `message.properties.correlationId`; `channel.sendToQueue(replyTo, body, { correlationId, contentType: 'application/json' })` veröffentlicht an den Default-Exchange mit dem Namen der Queue als Routing-Key.",
        "So sieht es aus: `const { replyTo, correlationId } = message.properties; const asked = JSON.parse(message.content.toString()); channel.sendToQueue(replyTo, Buffer.from(JSON.stringify(quote(asked.isbn, asked.quantity))), { correlationId, contentType: 'application/json' }); channel.ack(message);`",
      ],
    },
    'redelivered-on-crash': {
      title: 'Eine Bestellung, deren Worker beim Packen stirbt, wird erneut zugestellt und vom anderen Worker gepackt',
      expected:
        'eine langsame Bestellung (80 Exemplare, 2 s) geht an einen Worker; 300 ms später stirbt seine Verbindung; der Broker stellt die Bestellung erneut zu (redelivered=true), und sie wird dort bestätigt',
      hints: [
        'Der Broker legt eine unbestätigte Bestellung zurück in die Queue, wenn die Verbindung des Workers endet, der sie hält, und markiert die nächste Zustellung als redelivered. Eine zu früh bestätigte oder mit noAck konsumierte Bestellung ist weg, wenn der Worker stirbt.',
        'Rufe `channel.ack(message)` am Ende der Arbeit auf (im `setTimeout`), nie schon, wenn die Nachricht ankommt.',
        'So sieht es aus: `setTimeout(() => { /* gepackt */ channel.ack(message); }, order.quantity * 25);` und nichts, was vorher bestätigt.',
      ],
    },
  },
};
