import type { BenchLesson } from './en.js';

/** `awt-demo bench` auf Deutsch. */
export const de: BenchLesson = {
  cli: {
    description: 'Durchsatz und Latenz der Bücherliste je Paradigma, gemessen am nackten node:http als Obergrenze',
    duration: 'Sekunden Last je Paradigma, nach kurzem Aufwärmen (Standard 3)',
    concurrency: 'Verbindungen, die gleichzeitig senden (Standard 10)',
    only: 'die Paradigmen, die laufen sollen, durch Kommas getrennt (reference, rest, graphql, soap, websocket, mq); die Referenz läuft immer',
    json: 'die Messwerte als JSON ausgeben (der Fortschritt geht weiter nach stderr)',
    amqpUrl: 'der AMQP-Broker für die mq-Zeile (Standard: $AMQP_URL, sonst amqp://guest:guest@127.0.0.1:5672)',
  },
  title: 'Durchsatz und Latenz: die Liste der Bücher, je Paradigma',
  setup: (p) =>
    `${p.concurrency} Verbindungen, jede schickt ihre nächste Anfrage, sobald ihre letzte Antwort da ist; ` +
    `${p.seconds}\u00a0s je Paradigma nach ${p.warmup}\u00a0s Aufwärmen; alles auf 127.0.0.1.`,
  noTap: 'Hier ohne Mitschnitt: Die Last geht direkt an die Server, das Aufzeichnen bremst also keinen von ihnen.',
  columns: {
    paradigm: 'Paradigma',
    rps: 'Anfr./s',
    ratio: '× node:http',
    latency: 'Latenz in ms',
    median: 'Median',
    p90: 'p90',
    p99: 'p99',
    max: 'max',
    bytes: 'B/Antwort',
    operation: 'Anfrage',
  },
  legendHeading: 'Was jede Zeile sendet:',
  referenceOperation: 'GET /v1/books, beantwortet mit der REST-Liste als feste Bytes',
  skippedCell: 'übersprungen',
  findings: {
    row: (p) =>
      `${p.name} erreicht ${p.percent} % der Rate von nacktem node:http und braucht ${p.micros} µs CPU je Anfrage, ${p.extra} µs mehr.`,
    rowBelow: (p) =>
      `${p.name} erreicht ${p.percent} % der Rate von nacktem node:http und braucht ${p.micros} µs CPU je Anfrage, ${p.extra} µs weniger.`,
    why: {
      rest: 'express wählt die Route, macht aus der Liste JSON und berechnet daraus das ETag, jedes Mal.',
      graphql: 'graphql-http parst und validiert die Query und löst dann jedes Feld jedes Buchs auf, jedes Mal.',
      soap: 'Der Envelope wird zweimal geparst (die strenge Prüfung der Demo, dann das soap-Paket) und die Antwort als XML geschrieben, jedes Mal.',
      websocket:
        'Nach dem einen Handshake gibt es kein HTTP mehr: Eine Anfrage ist ein kleiner Text-Frame, die Antwort ein Frame ' +
        'mit 4 Byte Header; keine Seite parst eine HTTP-Nachricht, wie es selbst die Referenz je Anfrage zweimal tut. ' +
        'Die Obergrenze ist die von HTTP; WebSocket kann darüber liegen.',
      mq:
        'Jede Anfrage geht zweimal durch RabbitMQ (zur Queue des Dienstes, dann die Antwort zum Kanal des Clients). ' +
        'Der Broker ist ein eigener Prozess: Seine CPU-Zeit steckt nicht in dieser Zahl, er läuft aber auf denselben Kernen.',
    },
  },
  errors: (p) => `${p.name}: ${p.errors} von ${p.total} Anfragen sind gescheitert; die erste, weil: ${p.first}`,
  busy: (p) =>
    `Der Rechner war zu Beginn ausgelastet (Load Average ${p.load} bei ${p.cpus} Kernen): Anfr./s, Latenzen ` +
    'und selbst die CPU-Zeit je Anfrage werden von Lauf zu Lauf verschieden sein.',
  skipped: (p) => `${p.name} wurde übersprungen: ${p.reason}`,
  notes: {
    reference:
      'node:http ist die Referenz: nacktes node:http, das mit genau den Bytes der REST-Liste antwortet, einmal vorab ' +
      'berechnet. Kein HTTP-Server in node tut weniger je Anfrage; seine Zeile zeigt also, wie viel dieser Rechner mit ' +
      'diesem Lastgenerator über HTTP höchstens messen kann: die Obergrenze. WebSocket und AMQP schicken je Vorgang ' +
      'keine HTTP-Anfrage und können darüber liegen.',
    reading:
      '× node:http = Anfragen pro Sekunde geteilt durch die der Referenz. Die Latenz reicht vom Senden einer Anfrage ' +
      'bis zum letzten Byte ihrer Antwort; p90 und p99: 90 % und 99 % der Anfragen waren mindestens so schnell.',
    threads:
      'Die Server laufen im Haupt-Thread, der Lastgenerator in einem eigenen Thread desselben Prozesses; ' +
      'Client und Server wechseln sich also nicht auf einem Thread ab. Die CPU-Zeit ist die des ganzen ' +
      'Prozesses: Sie enthält auch die Arbeit des Clients, bei der Referenz den größten Teil.',
    machine: (p) =>
      `node ${p.node}, ${p.cpus} CPU-Kerne (${p.model}), Load Average ${p.load} zu Beginn. Andere Programme ` +
      'verändern die Werte: Vergleiche die Zeilen eines Laufs, nicht Läufe miteinander.',
  },
  progress: {
    warmup: 'Aufwärmen',
    measure: 'Messung',
    done: (p) => `${p.name}: ${p.requests} Anfragen in ${p.seconds} s, ${p.rps} Anfr./s`,
    skipped: (p) => `${p.name}: übersprungen`,
  },
};
