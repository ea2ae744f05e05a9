import type { UiMessages } from './en.js';

/** Jede Zeile, die das Werkzeug selbst ausgibt, auf Deutsch. */
export const de: UiMessages = {
  program: {
    description:
      'Zeigt, was zwischen Client und Server wirklich über die Leitung geht: REST, GraphQL, SOAP, WebSocket und Message Queues.',
    demoArgument: 'die Demo, die laufen soll (siehe "awt-demo list")',
    options: {
      step: 'Schritt für Schritt: vor jedem Schritt auf Enter warten (q beendet)',
      json: 'den ganzen Mitschnitt als JSON ausgeben (ohne Farbe, ohne Rückfragen)',
      raw: 'die Bytes genau so zeigen, wie sie übertragen wurden, Steuerzeichen maskiert',
      full: 'lange Bodies vollständig zeigen statt gekürzt',
      lang: 'Sprache der Ausgabe: de oder en (Standard aus LC_ALL/LANG)',
      noColor: 'keine Farbe, auch im Terminal (NO_COLOR wirkt ebenso)',
      width: 'Spaltenzahl für das Layout (Standard: Terminalbreite, sonst 100)',
      serve: 'den Demo-Server hinter dem Mitschnitt starten und jede Anfrage zeigen, bis Strg-C',
      port: 'mit --serve: der Port, auf dem er lauscht (Standard: ein freier Port)',
      schema: 'den Vertrag der Demo ausgeben (GraphQL-SDL, OpenAPI) und beenden',
      amqpUrl: 'der AMQP-Broker für die mq-Demo (Standard: $AMQP_URL, sonst amqp://guest:guest@127.0.0.1:5672)',
    },
    commands: {
      list: 'die Demos auflisten',
      run: 'eine Demo starten (dasselbe wie "awt-demo <demo>")',
    },
    help: {
      usage: '[Optionen] [Befehl] [Demo]',
      version: 'die Versionsnummer ausgeben',
      help: 'diese Hilfe zeigen',
      titles: {
        'Usage:': 'Aufruf:',
        'Arguments:': 'Argumente:',
        'Options:': 'Optionen:',
        'Commands:': 'Befehle:',
        'Global Options:': 'Globale Optionen:',
      },
    },
    examplesHeading: 'Beispiele:',
    examples: {
      'awt-demo graphql': 'der GraphQL-Rundgang, Anfrage neben Antwort',
      'awt-demo rest --step': 'ein Schritt nach dem anderen, für die Vorlesung',
      'awt-demo rest --json > trace.json': 'dieselben Fakten als Daten',
      'awt-demo graphql --serve --port 4000': 'ein laufender Server für eigene Anfragen',
      'awt-demo graphql --schema': 'das GraphQL-Schema (SDL)',
      'awt-demo list --json': 'die Demos, für Skripte',
    },
  },
  list: {
    heading: 'Demos:',
    usage: 'Starten mit: awt-demo <demo>   (awt-demo --help zeigt alle Optionen)',
  },
  menu: {
    prompt: 'Welche Demo möchtest du sehen?',
    keys: { navigate: 'wählen', select: 'starten' },
  },
  errors: {
    AWT_UNKNOWN_DEMO: (p) => `Unbekannte Demo "${p.demo}". Es gibt: ${p.ids}.`,
    AWT_BAD_OPTION: (p) => `Ungültiger Wert "${p.value}" für ${p.option}: erwartet ${p.expected}.`,
    AWT_BAD_OPTION_hint: '"awt-demo --help" zeigt die Optionen.',
    AWT_PORT_IN_USE: (p) => `Port ${p.port} ist schon belegt.`,
    AWT_PORT_IN_USE_hint:
      'Wähle mit --port einen anderen oder lass --port weg, dann sucht das System einen freien aus.',
    AWT_NO_SCHEMA: (p) => `Die Demo ${p.demo} hat keinen Vertrag zum Ausgeben.`,
    AWT_NO_SERVE: (p) => `Die Demo ${p.demo} hat keinen Server zum Weiterlaufen; starte sie ohne --serve.`,
    AWT_BROKER_UNREACHABLE: (p) => {
      const sentences: Record<string, string> = {
        refused: `Unter ${p.url} ist kein AMQP-Broker erreichbar: dort nimmt niemand Verbindungen an (${p.detail}).`,
        timeout: `Unter ${p.url} ist kein AMQP-Broker erreichbar: keine Antwort innerhalb von ${p.detail}.`,
        'unknown-host': `Unter ${p.url} ist kein AMQP-Broker erreichbar: der Hostname ist unbekannt (${p.detail}).`,
        login: `Der AMQP-Broker unter ${p.url} hat die Anmeldung abgelehnt (${p.detail}).`,
        'not-amqp': `Was unter ${p.url} antwortet, ist kein AMQP-0-9-1-Broker (${p.detail}).`,
        lost: `Die Verbindung zum AMQP-Broker unter ${p.url} ist abgerissen (${p.detail}).`,
        stalled: `Der AMQP-Broker unter ${p.url} antwortet nicht mehr (5 s gewartet auf ${p.detail}).`,
      };
      return sentences[p.reason] ?? `Der AMQP-Broker unter ${p.url} ist nicht nutzbar (${p.detail}).`;
    },
    AWT_BROKER_UNREACHABLE_hint:
      'Starte RabbitMQ wie in der Vorlesung: docker run -d --hostname my-rabbit --name some-rabbit -p 5672:5672 -p 15672:15672 rabbitmq:3-management (oder installiere das Paket der Distribution: sudo apt install rabbitmq-server), oder nenne einen laufenden Broker mit --amqp-url oder AMQP_URL.',
    AWT_INTERRUPTED: () => 'Abgebrochen. Alle Server und Verbindungen sind geschlossen.',
    bug: 'Das ist ein Fehler in awt-demo, nicht deiner. Bitte melde ihn mit den Zeilen darüber.',
  },
  render: {
    step: (p) => `Schritt ${p.index}/${p.total}`,
    notice: 'Achte auf',
    request: 'Anfrage',
    response: 'Antwort',
    connection: (p) => (p.nth === 1 ? `Verbindung #${p.id}, neu` : `Verbindung #${p.id}, wiederverwendet (${p.nth}.)`),
    noResponse: 'keine Antwort: die Verbindung wurde vorher geschlossen',
    sizes: (p) => `${p.head} B Kopf + ${p.body} B Body`,
    chunked: (p) => `chunked, ${p.content} B Inhalt`,
    took: (p) => `${p.ms} ms`,
    cut: (p) => `… ${p.more} weitere Zeilen (--full zeigt sie)`,
    undecoded: (p) => `${p.bytes} B nicht dekodiert: ${p.reason}`,
    summaryHeading: 'Zusammenfassung',
    roundTrips: 'Round Trips',
    connections: 'TCP-Verbindungen',
    bytesUp: 'Bytes Client → Server',
    bytesDown: 'Bytes Server → Client',
    stepTotals: (p) => `${p.trips} Round Trip${p.trips === 1 ? '' : 's'}, ${p.up} B hin, ${p.down} B zurück`,
  },
  stepGate: {
    prompt: 'Enter: nächster Schritt · q: beenden',
    quit: 'Beendet. Alle Server und Verbindungen sind geschlossen.',
  },
  serve: {
    listening: (p) => `Der Server der Demo ${p.demo} lauscht auf ${p.url} (hinter dem Mitschnitt).`,
    tryThese: 'Probiere in einem anderen Terminal:',
    waiting: 'Jede Anfrage, die jemand schickt, erscheint hier. Strg-C beendet den Server.',
  },
  interrupted: 'Abgebrochen. Alle Server und Verbindungen sind geschlossen.',
};
