import type { CompareLesson } from './en.js';

/** Die Wörter von `compare` und `table` auf Deutsch. */
export const de: CompareLesson = {
  useCases: {
    1: 'Titel und Autor aller Bücher auflisten',
    2: 'Ein Buch mit seinen Rezensionen',
    3: 'Ein Buch hinzufügen',
    4: 'Ein Buch, das es nicht gibt',
    5: 'Die Liste noch einmal (Caching)',
    6: 'Benachrichtigt werden, wenn ein neues Buch kommt',
  },
  notAFit: {
    rest: {},
    graphql: {},
    soap: {
      6: 'nur Request/Response: Ein SOAP-Client müsste pollen',
    },
    websocket: {
      1: 'WebSocket überträgt Nachrichten, keine Requests auf Ressourcen: Eine Listenabfrage bräuchte ein eigenes Protokoll obendrauf (oder GraphQL darüber)',
      2: 'WebSocket hat kein eigenes Request-Response-Schema: Um nach einem Buch zu fragen, bräuchte es ein Protokoll darüber',
      3: 'Hinzufügen ist ein Request, der eine Response erwartet; das erledigt HTTP (die Demo schickt POST, der Socket pusht die Neuigkeit)',
      4: '„nicht gefunden“ ist die Response auf einen Request, und WebSocket hat keine eigenen Requests',
      5: 'ein Live-Strom hat nichts zu cachen',
    },
    mq: {
      1: 'eine Queue transportiert Nachrichten, sie ist keine Datenbank zum Abfragen; die Liste gehört zu einem Dienst hinter Request/Reply',
      2: 'Daten nachschlagen ist Request/Response, kein Messaging',
      4: 'in einer Queue gibt es nichts nachzuschlagen',
      5: 'Nachrichten werden verbraucht, nicht gecacht',
    },
  },
  criteria: {
    architecture: [
      'Architekturtyp',
      'protokollbasiert',
      'Architekturstil',
      'Abfragesprache & Laufzeitumgebung',
      'Protokoll über eine TCP-Verbindung',
      'Messaging über einen Broker',
    ],
    transport: [
      'Transportprotokoll',
      'HTTP, SMTP, TCP',
      'HTTP',
      'HTTP (meist POST)',
      'TCP, nach einem HTTP-Upgrade',
      'AMQP über TCP',
    ],
    format: [
      'Datenformat',
      'XML',
      'JSON, XML',
      'JSON',
      'beliebig: Text- oder Binär-Frames',
      'beliebige Bytes, mit Content-Type',
    ],
    endpoints: [
      'Endpunkte',
      'einer je Dienst, nicht je Operation: SOAPAction und Body nennen die Operation',
      'mehrere, pro Ressource',
      'ein einziger Endpunkt',
      'ein Socket je Client',
      'Exchanges und Queues',
    ],
    flexibility: [
      'Abfrageflexibilität',
      'gering – festgelegte Operationen',
      'mittel – durch verschiedene Endpunkte',
      'hoch – clientseitig definierte Abfragen',
      'frei – die Anwendung bestimmt ihre Nachrichten',
      'Routing nach Key, Muster oder Headern',
    ],
    versioning: [
      'Versionierung',
      'über WSDL-Dateien',
      'häufig über URL-Versionierung (z.\u00a0B. /v1/)',
      'nicht erforderlich – Schema kann erweitert werden (alte Felder mit @deprecated markiert)',
      'im Nachrichtenprotokoll (Subprotokoll)',
      'im Nachrichtenformat',
    ],
    caching: [
      'Caching',
      'komplex, selten genutzt',
      'gut unterstützt durch HTTP-Caching',
      'eingeschränkt – abhängig von Abfragekomplexität',
      'keines (ein Live-Strom)',
      'keines – Nachrichten werden verbraucht',
    ],
    errors: [
      'Fehlerbehandlung',
      'standardisierte Fehlercodes in XML',
      'HTTP-Statuscodes + optionale Fehlermeldungen',
      'Fehlerobjekte im JSON-Format',
      'Close-Codes (RFC 6455)',
      'Acks, Nacks, Dead-Letter-Queues',
    ],
    security: [
      'Sicherheitsmechanismen',
      'WS-Security (z.\u00a0B. XML-Signaturen)',
      'TLS/HTTPS, OAuth, API-Keys',
      'TLS/HTTPS, OAuth, API-Keys',
      'TLS (wss://), Token beim Handshake',
      'TLS, Benutzer und Rechte je vhost',
    ],
    uses: [
      'Einsatzgebiete',
      'Unternehmensanwendungen, Legacy-Systeme',
      'Web-APIs, Microservices, mobile Anwendungen',
      'moderne SPAs, mobile Apps, datenintensive Anwendungen',
      'Chat, Live-Updates, Spiele',
      'Entkopplung, Lastverteilung, Ereignisse',
    ],
    complexity: [
      'Komplexität',
      'hoch – umfangreiche Spezifikationen',
      'mittel – abhängig vom Design',
      'hoch – insbesondere bei komplexen Schemas',
      'mittel – Zustand je Verbindung',
      'mittel bis hoch – ein Broker will betrieben werden',
    ],
  },
  corrections: {
    endpoints: {
      soap: 'Korrektur der Vorlesungsnotizen, dort steht „Mehrere, pro Operation“. Ein SOAP-Dienst hat eine Adresse (soap:address in seinem wsdl:port); jede Operation ist ein POST an diese URL, und der SOAPAction-Header und das erste Element im Body sagen, welche (awt-demo soap zeigt es auf der Leitung).',
    },
  },
  additions:
    'Ergänzung: WebSocket und Message Queues stehen nicht in der Tabelle der Vorlesungsnotizen; dieses Werkzeug beurteilt sie nach denselben Kriterien.',
};

/**
 * Where the table may break these words: at their joints, never mid-morpheme (the German
 * patterns alone would write „protokollba-siert“, „cli-entseitig“, „Mi-croservices“).
 */
export const hyphenationExceptions: readonly string[] = [
  'protokoll-basiert',
  'Abfrage-sprache',
  'client-seitig',
  'server-seitig',
  'Fehler-codes',
  'Fehler-meldungen',
  'Status-codes',
  'Micro-services',
  'Header',
  'Headern',
  'daten-intensive',
  'Unternehmens-anwendungen',
  'Nachrichten-protokoll',
  'Sub-protokoll',
  'Last-verteilung',
  'Laufzeit-umgebung',
  'Queue',
  'Queues',
];
