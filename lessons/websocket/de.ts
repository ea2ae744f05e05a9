import { numberWords } from '../../demos/core/numbers.js';
import type { WebsocketLesson } from './en.js';

const numbers = numberWords('de');

/** Die WebSocket-Lektion auf Deutsch. */
export const de: WebsocketLesson = {
  title: 'WebSocket mit ws: Handshake, Frames, Push und Polling zum Vergleich',
  summary: 'ein HTTP-Upgrade, danach Frames in beide Richtungen auf einer TCP-Verbindung; Push statt Nachfragen',
  steps: {
    handshake: {
      title: 'Der Handshake: ein HTTP-GET bittet um Protokollwechsel',
      notice: [
        'GET mit Upgrade: websocket, Connection: Upgrade, einem zufälligen Sec-WebSocket-Key und Sec-WebSocket-Version: 13; die Response ist 101 Switching Protocols.',
        'Der Server beweist, dass er WebSocket spricht: Sec-WebSocket-Accept = base64(SHA-1(Key + feste GUID)), RFC 6455 §4.2.2.',
      ],
    },
    echo: {
      title: 'Der Echo-Server der Vorlesung: Text und Binärdaten',
      notice: [
        'Nach dem 101 gibt es auf dieser Verbindung kein HTTP mehr, nur noch Frames. Frames des Clients sind mit einem frischen 4-Byte-Schlüssel maskiert, die des Servers nicht (RFC 6455 §5.1, §5.3).',
        'Der Frame-Header ist 2 Bytes groß, plus 4 für den Maskierungsschlüssel: Vergleiche das mit dem HTTP-Header des Handshakes in Schritt 1.',
        '0 Round Trips: Ein Daten-Frame wartet auf keine Antwort (nur Ping → Pong und Close → Close tun das); das Echo ist eine eigene Nachricht des Servers, und der Client könnte ohne sie weitersenden.',
      ],
    },
    broadcast: {
      title: 'Broadcast: drei Mitglieder in einem Buchclub-Chat',
      notice: [
        'Drei Clients treten dem Chat (/chat) bei (drei Handshakes). Eine Nachricht kommt herein; der Server schreibt jedem Mitglied einen Frame, auch dem Absender.',
      ],
    },
    push: {
      title: 'Server-Push: ein Buch per POST, alle erfahren es sofort',
      notice: [
        'HTTP und WebSocket teilen sich einen Server und einen Port. Der POST kommt auf einer eigenen Verbindung an; die Push-Frames gehen über die offenen hinaus, ohne dass jemand fragen musste.',
      ],
    },
    pingPong: {
      title: 'Ping und Pong: Ist die Gegenseite noch da?',
      notice: [
        'Steuer-Frames: Ein Ping (Opcode 0x9) muss mit einem Pong (0xA) mit denselben Nutzdaten beantwortet werden. Server nutzen das als Herzschlag; Browser antworten von selbst.',
        'Hier zählt ein Pong als ein Round Trip; Daten-Frames warten auf keine Antwort.',
      ],
    },
    limits: {
      title: 'Grenzen: Nachricht zu groß (1009), kein Token (401)',
      notice: [
        'Der Server nimmt Nachrichten bis 64 KiB an; bei einer größeren schließt er genau diese eine Verbindung mit 1009. Die anderen Mitglieder machen weiter.',
        'Die Authentifizierung findet beim Handshake statt: Ohne Bearer-Token lautet die Response 401, nie 101, also tritt niemand ohne gültiges Token bei.',
      ],
    },
    close: {
      title: 'Der Close-Handshake (1000)',
      notice: [
        'Eine Seite sendet einen Close-Frame mit Statuscode und Grund, die andere antwortet mit einem Close-Frame, dann schließt TCP (RFC 6455 §5.5.1, §7).',
      ],
    },
    thenAndNow: {
      title: 'Früher und heute: „Gibt es neue Bücher?“ auf drei Arten',
      notice: [
        'Dieselben fünf Bücher kommen im Server dazu. Short Polling fragt immer wieder, Long Polling lässt einen Request warten, WebSocket bekommt einen Push.',
        'Alles hier wurde in diesem Lauf gemessen: Requests, Bytes auf der Leitung (wie der Mitschnitt sie gezählt hat) und wie spät jede Benachrichtigung ankam.',
      ],
    },
    graphqlSubscription: {
      title: 'Eine GraphQL-Subscription über WebSocket (graphql-ws)',
      notice: [
        'Derselbe Server spricht auf /graphql GraphQL über WebSocket: Das Subprotokoll wird im Handshake vereinbart, und jede Protokollnachricht ist JSON in einem Text-Frame.',
      ],
    },
    security: {
      title: 'Sicherheit: Origin, ein Token in der URL und wss://',
      notice: [
        'Jede Seite, die die Nutzerin geöffnet hat, kann mit new WebSocket(…) eine Verbindung zu diesem Server öffnen, und der Browser schickt die Cookies mit. Deshalb prüft der Server vor dem 101 den Origin-Header (RFC 6455 §10.2): Eine fremde Seite bekommt 403, auch mit gültigem Token.',
        'Die WebSocket-API des Browsers kann keinen Authorization-Header setzen: Das Token steht in der URL (?access_token=…, RFC 6750 §2.3) oder in einem Cookie. Eine URL landet in Access-Logs und Proxy-Logs; ein solches Token sollte deshalb kurzlebig sein oder nur einmal gelten.',
        'wss:// ist WebSocket über TLS, so wie https:// HTTP über TLS ist: Der Handshake mit seiner URL und jeder Frame gehen verschlüsselt über das Netz. Diese Demo bleibt auf Loopback, daher einfaches ws://.',
      ],
    },
  },
  quoted: (p) => `„${p.text}“`,
  facts: {
    key: (p) => `Sec-WebSocket-Key (16 Zufallsbytes, base64): ${p.key}`,
    sha1: (p) => `SHA-1(Key + ${p.guid}) = ${p.sha1}`,
    accept: (p) => `base64 dieser 20 Bytes = ${p.computed}; Sec-WebSocket-Accept im 101: ${p.header} (${p.match})`,
    matches: 'stimmt überein',
    differs: 'WEICHT AB',
    switched: (p) => `Ab hier trägt die TCP-Verbindung #${p.connection} WebSocket-Frames; sie bleibt offen.`,
    declined: (p) =>
      `Der Client bot ${p.offered} an (RFC 7692); der 101 nimmt keine Erweiterung an: Der Server läuft mit perMessageDeflate: false, denn komprimierte Nutzdaten wären in diesem Mitschnitt unlesbare Bytes.`,
    echoText: (p) =>
      `Text hin: „${p.sent}“ in ${numbers.bytes(p.upWire)} (${numbers.bytes(p.upHead)} Header mit Maskierungsschlüssel). Zurück: „${p.back}“ in ${numbers.bytes(p.downWire)} (${numbers.bytes(p.downHead)} Header, unmaskiert).`,
    echoBinary: (p) =>
      `Binär: Die ISBN ${p.isbn} belegt als 64-Bit-Ganzzahl ${numbers.bytes(p.bytes)} (${p.hex}) statt 13 Zeichen; sie kam ${p.same} zurück.`,
    unchanged: 'unverändert',
    changed: 'VERÄNDERT',
    members: (p) => `Mitglieder: ${p.names}.`,
    fanOut: (p) =>
      `1 Frame herein (${numbers.bytes(p.inBytes)}), ${p.out} Frames hinaus (${p.outBytes} B): einer pro Mitglied, auch für den Absender.`,
    created: (p) => `POST /books wurde mit ${p.status} beantwortet: „${p.title}“.`,
    pushed: (p) =>
      `${p.frames} Mitglieder erfuhren es binnen ${numbers.msUnit(p.ms)} nach dem letzten Byte des POST, ohne zu fragen.`,
    pushedFirst:
      'Die Push-Frames gingen hinaus, bevor der Server den POST mit 201 beantwortete: Der Speicher benachrichtigt zuerst seine Listener.',
    answeredFirst: 'Die 201 beantwortete den POST, bevor die Push-Frames hinausgingen.',
    pushLength: (p) =>
      `Jeder Push ist ${numbers.bytes(p.bytes)} JSON, mehr als 125: Seine Länge steht in der 16-Bit-Form (das 7-Bit-Feld enthält 126, die Länge folgt in 2 Bytes).`,
    clientPing: (p) =>
      `Client-Ping → Server-Pong: ${numbers.msUnit(p.ms)} Round Trip, gemessen vom Client (${numbers.msUnit(p.wireMs)} zwischen den beiden Frames im Mitschnitt).`,
    serverPing: (p) =>
      `Server-Ping → Client-Pong (der Herzschlag): ${numbers.msUnit(p.ms)}, gemessen vom Server. Der Pong des Clients ist maskiert, wie jeder Client-Frame.`,
    samePayload: (p) => `Jeder Pong bringt die Nutzdaten seines Pings zurück: ${p.payloads}.`,
    tooBig: (p) =>
      `Eine Nachricht mit ${numbers.bytes(p.bytes)} (${p.encoding}-Bit-Länge) liegt über der Grenze von ${numbers.bytes(p.limit)}: Der Server schloss diese Verbindung mit ${p.code}${p.reason ? ` „${p.reason}“` : ''}.`,
    refused: (p) => `Ohne Token: HTTP ${p.status}, kein 101, kein Frame.`,
    stillThere: (p) => `Weiter im Chat und verbunden: ${p.names}.`,
    closed: (p) =>
      `#${p.connection}: Der Client sandte Close ${p.code} „${p.reason}“, der Server antwortete ${
        p.answer ? `mit Close ${p.answer.code ?? ''}${p.answer.reason ? ` „${p.answer.reason}“` : ''}` : 'nicht'
      }.`,
    schedule: (p) =>
      `${p.count} Bücher kamen im Server dazu, verteilt über ${numbers.msUnit(p.span, 0)}; Short Polling fragt alle ${numbers.msUnit(p.interval, 0)}.`,
    delayChart: 'Mittlere Verzögerung (ms), gemessen in diesem Lauf:',
    protocol: (p) => `Im Handshake vereinbartes Subprotokoll: ${p.protocol}.`,
    messages: (p) => `Protokollnachrichten in den Frames, der Reihe nach: ${p.types}.`,
    received: (p) => `Die Subscription lieferte „${p.title}“ in einer next-Nachricht.`,
    foreignOrigin: (p) =>
      `Eine Seite von ${p.origin} (Origin-Header) mit gültigem Token: HTTP ${p.status} Forbidden, kein 101, kein Frame.`,
    tokenInUrl: (p) =>
      `Die eigene Seite des Servers (Origin ${p.origin}), das Token in der URL${p.authorization ? ' und in einem Authorization-Header' : ', kein Authorization-Header'}: HTTP ${p.status} Switching Protocols.`,
    accessLog: (p) => `Ein Access-Log behält diese URL samt Token: ${p.line}`,
  },
  polling: {
    way: 'Art',
    requests: 'Requests',
    bytes: 'Bytes',
    average: 'Mittlere Verzögerung',
    max: 'Größte Verzögerung',
    shortPolling: 'Short Polling',
    longPolling: 'Long Polling',
    websocket: 'WebSocket',
  },
};
