import type { MicroLesson } from './en.js';

import { numberWords } from '../../demos/core/numbers.js';

const numbers = numberWords('de');
/** A duration as the step reads it: one decimal below 10 ms, whole above. */
const ms = (value: number) => numbers.decimal(value, value < 10 ? 1 : 0);
/** Warum die Rezensionen fehlen, wie das Gateway es sagt. */
const reason = (code: string) =>
  ({
    unreachable: 'nicht erreichbar',
    timeout: 'Zeitüberschreitung',
    open: 'Breaker offen',
    'no-instance': 'keine Instanz angemeldet',
  })[code] ?? code;
const breakerState = (state: string) =>
  ({ closed: 'geschlossen', open: 'offen', 'half-open': 'halb offen' })[state] ?? state;

/** Die Microservices-Lektion auf Deutsch. */
export const de: MicroLesson = {
  title: 'Microservices: der Buchladen in Dienste zerlegt, jeder Hop auf der Leitung',
  summary:
    'Monolith und Dienste, Service Discovery, API-Gateway, BFF, zusammengesetztes GraphQL, Circuit Breaker, Rolling Update, Saga, der Preis, Docker und Kubernetes',
  steps: {
    monolith: {
      title: 'Der modulare Monolith: ein Prozess, ein Round Trip',
      notice: [
        'Katalog, Rezensionen und Bestellungen sind Module eines Prozesses. Die Buchseite ist ein Request; die Module rufen einander als Funktionen auf, davon erreicht nichts die Leitung.',
        'Der Monolith meldet seine Modulaufrufe im Header Server-Timing (W3C): Mehr sieht die Leitung vom Inneren nicht.',
      ],
    },
    split: {
      title: 'Zerlegt: Katalog, Rezensionen und Bestellungen als eigene Prozesse',
      notice: [
        'Drei Node-Prozesse, Kinder von awt-demo, jeder auf eigenem Port, jeder mit eigenen Daten im eigenen Speicher. Geteilt wird nur das Netz.',
        'Vor jedem Prozess sitzt ein Wire Tap, also steht unten jeder Aufruf zwischen ihnen. (Beim Start haben sie sich schon bei einer Registry angemeldet: nächster Schritt.)',
      ],
    },
    discovery: {
      title: 'Service Discovery: eine Registry, Heartbeats und eine TTL',
      notice: [
        'Ein zweiter Rezensionsprozess startet und meldet sich an (POST /instances). Eine Abfrage (GET /services/reviews) liefert nun beide.',
        'Dann wird er mit SIGKILL beendet, ohne Abmeldung. Die Registry merkt es nur daran, dass seine Heartbeats ausbleiben; nach Ablauf der TTL ist der Eintrag weg. Diese Instanz hat eine kurze TTL (300 ms), damit die Demo nicht lange warten muss.',
      ],
    },
    gateway: {
      title: 'API-Gateway: ein Eingang, der API-Key wird am Gateway geprüft, der Fan-out im Trace',
      notice: [
        'Ohne X-Api-Key antwortet das Gateway selbst mit 401: Kein Dienst dahinter wird behelligt.',
        'Mit Key wird aus einem Request des Clients eine ganze Reihe im Inneren: Abfragen bei der Registry, der Katalog, eine Rezensionsinstanz (reihum). Der W3C-Header traceparent verbindet sie: dieselbe Trace-ID auf jedem Hop, eine neue Parent-ID je Dienst.',
      ],
    },
    bff: {
      title: 'Backend for Frontend: ein Web-BFF und ein Mobile-BFF für dieselbe Ansicht',
      notice: [
        'Beide fragen dieselben Dienste für Katalog und Rezensionen. Das Web-BFF reicht alles weiter, was die Desktop-Seite zeigt; das Mobile-BFF nur, was auf ein Handy passt.',
        'Dieselben Dienste, verschiedene Formen: Jeder Client bekommt ein Backend, das für ihn gemacht ist, statt einer API, die keinem richtig passt.',
      ],
    },
    graphql: {
      title: 'GraphQL über Dienste: ein Schema aus zweien zusammengesetzt',
      notice: [
        'Das GraphQL-Gateway liest die Schemas der Dienste für Katalog und Rezensionen (Introspection) und setzt sie zu einem zusammen (@graphql-tools/stitch). Beide kennen den Typ Book; das Gateway verbindet sie über die ID.',
        'Eine Query fragt nach Titel, Autor und Rezensionen: Das Gateway zerlegt sie und schickt jedem Dienst den Teil, der ihm gehört. Apollo Federation aus der Vorlesung macht dasselbe mit @key-Direktiven.',
      ],
    },
    isolation: {
      title: 'Fehlerisolation: Die Rezensionsprozesse sterben, die Seite bleibt',
      notice: [
        'Alle Rezensionsprozesse werden beendet (SIGKILL). Das Gateway beantwortet die Buchseite weiter mit den Katalogdaten und meldet innerhalb begrenzter Zeit, dass die Rezensionen fehlen.',
        'Der Circuit Breaker (opossum) zählt Fehler und öffnet: Dann antwortet er sofort, ohne den Dienst aufzurufen. Nach seiner Wartezeit lässt er einen Aufruf durch (halb offen); ein neuer Rezensionsprozess beantwortet ihn, und der Breaker schließt.',
      ],
    },
    deployment: {
      title: 'Unabhängiges Deployment: Katalog v2 ersetzt v1, eine Instanz nach der anderen',
      notice: [
        'Zwei Katalogprozesse v1 arbeiten, während ein Client das Gateway fortlaufend nach einem Buch fragt. v2 bringt ein neues Feld mit (isbn10).',
        'Rolling Update: Ein Prozess v2 startet und meldet sich an, dann meldet sich ein Prozess v1 ab, beendet seine laufenden Requests und stoppt; danach dasselbe noch einmal. Verschwindet eine Instanz, während das Gateway sie aufruft, versucht es die nächste.',
      ],
    },
    saga: {
      title: 'Das Problem verteilter Transaktionen und eine Saga über den Broker',
      notice: [
        'Eine Bestellung braucht zwei Dienste: orders speichert die Bestellung, stock reserviert das Exemplar. Eine Transaktion über beide gibt es nicht.',
        'Ohne Koordination hinterlässt ein Fehler zwischen den beiden Schreibvorgängen einen inkonsistenten Zustand. Die Saga schickt stattdessen Ereignisse über AMQP (order.placed → stock.reserved oder stock.rejected); eine Absage bringt orders dazu, den eigenen Schreibvorgang zu stornieren: die kompensierende Aktion.',
      ],
    },
    price: {
      title: 'Der Preis: dieselbe Buchseite, Monolith gegen Dienste',
      notice: [
        'Dieselbe Seite, je fünfmal, gemessen in diesem Lauf: Round Trips auf der Leitung, Bytes, Latenz, die beteiligten Prozesse und ihr Speicher.',
        'Unabhängigkeit wird mit Netzwerk-Hops, Bytes, Prozessen und Betriebsaufwand bezahlt. Für ein kleines System ist ein gut geschnittener Monolith oft die bessere Wahl, wie die Vorlesung sagt.',
      ],
    },
    deploy: {
      title: 'Im echten Betrieb: Dockerfile, docker-compose, Kubernetes',
      notice: [
        'Die Dateien unten betreiben genau diese Dienste in Containern: ein Image, ein Einstiegspunkt je Dienst; compose für einen Rechner, für Kubernetes je Dienst ein Deployment und ein Service.',
        'In Kubernetes hat ein Service einen DNS-Namen und verteilt die Aufrufe auf seine Pods: Er übernimmt, was hier die Registry tut. awt-demo microservices --deploy-files VERZEICHNIS schreibt die Dateien.',
      ],
    },
  },
  facts: {
    monolithTrips: (p) =>
      `${p.trips} Round Trip auf der Leitung für die ganze Seite, ${p.inside} im Inneren: Ein Prozess (PID ${p.pid}) hat alles erledigt.`,
    moduleCalls: (p) => `Modulaufrufe (laut Server-Timing): ${p.calls}; Funktionsaufrufe, keine Netzwerkaufrufe.`,
    moduleCall: (p) => `${p.name} ${numbers.decimal(p.ms, 3)} ms`,
    pageContent: (p) => `Die Seite: „${p.title}“ mit ${p.reviews} Rezensionen.`,
    processes: (p) => `${p.count} Prozesse, Kinder von awt-demo (PID ${p.parent}): ${p.processes}.`,
    processEntry: (p) => `${p.name} mit PID ${p.pid} auf Port ${p.port} (Tap ${p.tap})`,
    ownData: (p) =>
      `Jeder antwortet aus seinen eigenen Daten: der Katalog mit einem Buch (${p.bookFields}), der Rezensionsdienst (reviews) mit ${p.reviews} Rezensionen, der Bestelldienst (orders) mit ${p.orders} Bestellungen.`,
    notShared: (p) => `Nach Rezensionen gefragt, antwortet der Katalog mit ${p.status}: Sein Prozess hat keine.`,
    splitTrips: (p) => `${p.trips} Round Trips zu drei Prozessen für das, was der Monolith in einem erledigt hat.`,
    registered: (p) => `reviews-2 hat sich selbst angemeldet: ${p.status} auf POST /instances ${p.body}.`,
    lookupBoth: (p) => `Die Abfrage lieferte ${p.count} Instanzen: ${p.urls}.`,
    expired: (p) =>
      p.gone
        ? `${ms(p.ms)} ms nach dem Beenden hat die Registry reviews-2 gestrichen, ${ms(p.silentMs)} ms nach seinem letzten Heartbeat; die nächste Abfrage liefert nur noch ${p.left}. reviews-2 hat sich mit einer kurzen TTL von ${numbers.decimal(p.ttl, 0)} ms angemeldet (Heartbeats alle ${numbers.decimal(p.heartbeat, 0)} ms), damit die Demo nicht lange wartet; die anderen haben ${numbers.decimal(p.othersTtl, 0)} ms.`
        : `reviews-2 stand ${ms(p.ms)} ms nach dem Beenden noch in der Liste: Seine TTL (${numbers.decimal(p.ttl, 0)} ms) hat ihn nicht entfernt.`,
    heartbeats: (p) =>
      p.count === 0
        ? 'In diesem Schritt lief kein Heartbeat (PUT /instances/…) über die Leitung: Die Instanzen melden sich nur in ihrem Intervall.'
        : `${p.count === 1 ? 'Ein Heartbeat' : `${p.count} Heartbeats`} (PUT /instances/…) ${p.count === 1 ? 'lief' : 'liefen'} in diesem Schritt über die Leitung. So viel kostet es zu wissen, welche Instanzen noch leben.`,
    denied: (p) =>
      `Ohne Key: ${p.status} und ${p.inside} Aufrufe im Inneren: Das Gateway hat den Request schon am Rand des Systems abgewiesen.`,
    fanOut: (p) =>
      `Mit Key löste ein Request des Clients ${p.inside} Requests im Inneren aus (${p.lookups} davon Abfragen bei der Registry). Alle trugen die Trace-ID ${p.traceId}, mit ${p.spans} verschiedenen Parent-IDs: eine je aufrufendem Span.`,
    balanced: (p) =>
      p.first !== p.second
        ? `Lastverteilung: Die Rezensionen des ersten Requests kamen von ${p.first}, die des zweiten von ${p.second}.`
        : `Die Rezensionen beider Requests kamen von ${p.first}: Nur eine Instanz war angemeldet.`,
    bffShape: (p) =>
      `${p.bff}: ${numbers.decimal(p.bytes, 0)} B JSON (${p.fields}), nach ${p.inside} Aufrufen im Inneren.`,
    bffSaved: (p) =>
      `Das Handy bekommt für dieselbe Ansicht ${numbers.decimal(Math.round((1 - p.mobile / p.web) * 100), 0)} % weniger Bytes.`,
    stitched: (p) =>
      `Beim Start holte das GraphQL-Gateway die Schemas beider Dienste: ${p.introspections} Introspection-Requests.`,
    subRequests: (p) =>
      `Eine Query, ${p.count} Teil-Requests: ${p.services} (dazu ${p.lookups} Abfragen bei der Registry), alle mit der Trace-ID der Query.`,
    graphqlAnswer: (p) =>
      `Eine Antwort: „${p.title}“ aus dem Katalog mit ${p.reviews} Rezensionen aus dem Rezensionsdienst.`,
    killed: (p) => `Mit SIGKILL beendet: ${p.names}.`,
    degraded: (p) =>
      `${p.count} Requests, während reviews fehlte: Status ${p.statuses}, jedes Mal mit den Katalogdaten, ${p.withReviews} mit Rezensionen (${reason(p.reason)}), keiner langsamer als ${ms(p.maxMs)} ms. ${p.opened ? 'Dann öffnete der Breaker.' : 'Der Breaker blieb geschlossen.'}`,
    whileOpen: (p) =>
      `Bei offenem Breaker: ${p.status} in ${ms(p.ms)} ms, ${p.reviewLookups} Abfragen nach reviews: Das Gateway hat es gar nicht erst versucht.`,
    recovered: (p) =>
      `Nachdem ein neuer Rezensionsprozess lief: ${p.status} in ${ms(p.ms)} ms, ${p.reviews ? 'mit Rezensionen' : 'weiter ohne Rezensionen'}; Breaker ${breakerState(p.breaker)}.`,
    breakerStates: (p) => `Der Breaker durchlief ${p.states} in ${ms(p.ms)} ms.`,
    breakerState: (p) => breakerState(p.state),
    rollout: (p) => `Rolling Update: ${p.steps}.`,
    rolloutStep: (p) => `nach ${ms(p.ms)} ms ${p.name} ${p.action === 'start' ? 'gestartet' : 'gestoppt'}`,
    zeroFailed: (p) =>
      `${p.requests} Requests während des Updates, ${p.failed} fehlgeschlagen: ${p.v1} von v1 beantwortet, ${p.v2} von v2 (Statuscodes: ${p.statuses}).`,
    noCoordination: (p) =>
      `Ohne Koordination, während der Lagerdienst nicht lief: ${p.status}, die Bestellung ist aber gespeichert (Status „${p.order}“).`,
    noBroker: (p) =>
      `Unter ${p.url} antwortet kein Broker (--broker rabbitmq), daher entfällt der Teil mit der Saga. Starte RabbitMQ (siehe README) oder lass --broker weg: Dann springt der eingebaute Broker ein.`,
    inconsistent: (p) =>
      `Danach gefragt, meldet orders den Status „${p.order}“, stock hat ${p.available} Exemplare und ${p.reserved} Reservierungen: Die Daten der beiden Dienste sind inkonsistent.`,
    sagaRefused: (p) =>
      `Die erste Bestellung der Saga wurde abgelehnt: ${p.status} ${p.said}. Ist der Broker überlastet? Führe den Schritt noch einmal aus.`,
    sagaConfirmed: (p) =>
      `Saga, Bestellung ${p.id} (vorrätig): Status „${p.status}“; stock ${p.reserved ? 'hält die Reservierung' : 'hält keine Reservierung'}.`,
    sagaCompensated: (p) =>
      `Saga, Bestellung ${p.id} (nicht vorrätig): Status „${p.status}“, denn der Lagerdienst lehnte ab (seine Begründung im Originaltext: „${p.reason}“); stock ${p.reserved ? 'hält eine Reservierung' : 'hält keine Reservierung'}: Die beiden Dienste sind wieder konsistent.`,
    sagaNoAnswer: (p) =>
      `Saga, Bestellung ${p.id}: Binnen ${numbers.decimal(p.seconds, 0)} s kam kein stock.reserved oder stock.rejected bei orders an, daher steht sie noch auf „${p.status}“. Vielleicht ist der Broker überlastet; auf der Leitung: ${p.seen || 'kein Ereignis der Saga'}. Führe den Schritt noch einmal aus.`,
    price: (p) =>
      `Mediane aus ${p.runs} Läufen: Die Dienste brauchen das ${numbers.decimal(p.trips, 1)}-Fache an Round Trips, das ${numbers.decimal(p.bytes, 1)}-Fache an Bytes und das ${numbers.decimal(p.ms, 1)}-Fache an Zeit (die Seite lief über ${p.names}).`,
    deployFiles: (p) =>
      `${p.files} Dateien für ${p.services} Dienste (und RabbitMQ); von außen erreichbar: ${p.public}.`,
    deployHow:
      'docker compose up --build startet sie auf einem Rechner, kubectl apply -f k8s/ in einem Cluster. Die Einstellungen heißen wie in diesem Lauf; Heartbeat und TTL sind für ein echtes Netz länger.',
  },
  price: {
    what: 'je Buchseite',
    monolith: 'Monolith',
    microservices: 'Dienste',
    trips: 'Round Trips',
    bytes: 'Bytes auf der Leitung',
    latency: 'Latenz (ms)',
    processes: 'Prozesse',
    memory: 'Speicher (MB, RSS)',
  },
  deployTable: { file: 'Datei', bytes: 'Bytes' },
  compareView: {
    title: 'Microservices gegen den Monolithen: eine Buchseite, jetzt gemessen',
    intro: (p) =>
      `Dieselbe Seite vom modularen Monolithen und über das API-Gateway, je ${p.runs}-mal, abwechselnd; Mediane.`,
    more: 'awt-demo microservices zeigt jeden Hop; Schritt 10 misst dasselbe im ganzen Lauf.',
  },
  format: {
    int: (p) => numbers.integer(p.value),
    ms: (p) => numbers.decimal(p.value, p.value < 10 ? 2 : 1),
    mb: (p) => numbers.decimal(p.bytes / 1024 / 1024, 1),
  },
};
