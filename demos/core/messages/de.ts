import type { Messages } from './en.js';
import { exerciseDe } from './exercise-de.js';
import { numberWords } from '../numbers.js';

const numbers = numberWords('de');

/** Jede Zeile, die das Werkzeug selbst ausgibt, auf Deutsch. */
export const de: Messages = {
  numbers,
  program: {
    description:
      'Zeigt, was zwischen Client und Server wirklich über die Leitung geht: REST, GraphQL, SOAP, WebSocket und Message Queues.',
    tapUrl: 'der Server, vor den der Mitschnitt kommt: http://host:port/… oder amqp://user:password@host:port/vhost',
    demoArgument: 'die Demo, die laufen soll (siehe „awt-demo list“)',
    options: {
      tapAssets: 'die Dateien einer Seite (HTML, JavaScript, CSS, Bilder) vollständig zeigen statt in je einer Zeile',
      tapPort: 'der Port, auf dem der Mitschnitt lauscht (Standard: ein freier Port)',
      tapJson: 'ein JSON-Objekt pro Zeile für jeden Austausch und jeden Frame (ohne Farbe)',
      tapHar:
        'die HTTP-Requests und -Responses zusätzlich als HAR 1.2 in die Datei <file> schreiben (die DevTools der Browser lesen das); vollständig nach Strg+C',
      only: 'nur diese Paradigmen, durch Kommas getrennt (z. B. rest,graphql)',
      compareView:
        'microservices: statt der Paradigmen dieselbe Buchseite vom Monolithen und von den Diensten, gemessen',
      case: 'nur diese Anwendungsfälle, durch Kommas getrennte Nummern 1–6',
      repeat: 'Wiederholungen je Anwendungsfall für den Median der Latenz (Standard 5)',
      markdown: 'Markdown ausgeben (für Folien)',
      csv: 'CSV ausgeben (für Tabellenkalkulation und Skripte)',
      from: 'die gemessenen Zeilen aus einer Datei von „awt-demo compare --json“ nehmen',
      step: 'Schritt für Schritt: im Terminal ein Bildschirm pro Schritt (dort Standard); mit --all oder aus einer Pipe eine Pause vor jedem Schritt (q beendet)',
      all: 'alle Schritte auf einmal ausgeben, auch im Terminal (ohne Pager)',
      fromStep: 'bei Schritt N beginnen (die Schritte davor laufen trotzdem, nur ohne Anzeige)',
      json: 'den ganzen Mitschnitt als JSON ausgeben (ohne Farbe, ohne Rückfragen)',
      raw: 'die Bytes genau so zeigen, wie sie übertragen wurden, Steuerzeichen maskiert',
      full: 'lange Bodies vollständig zeigen statt gekürzt',
      lang: 'Sprache der Ausgabe: de oder en (Standard aus LC_ALL/LANG)',
      noColor: 'keine Farbe, auch im Terminal (NO_COLOR wirkt ebenso)',
      width: 'Spaltenzahl für das Layout (Standard: Terminalbreite, sonst 100)',
      serve: 'den Demo-Server hinter dem Mitschnitt starten und jeden Request zeigen, bis Strg+C',
      port: 'mit --serve: der Port, auf dem er lauscht (Standard: ein freier Port)',
      schema: 'den Vertrag der Demo ausgeben (GraphQL-SDL, OpenAPI, WSDL) und beenden',
      assets:
        'mit --serve: die Dateien einer Seite (HTML, JavaScript, CSS, Bilder) vollständig zeigen statt je einer Zeile',
      har: 'die HTTP-Requests und -Responses des Laufs zusätzlich als HAR 1.2 in die angegebene Datei schreiben (die DevTools der Browser lesen das)',
      mermaid: 'den Lauf als Mermaid-Sequenzdiagramm ausgeben (für Folien) statt des Mitschnitts',
      deployFiles:
        'Dockerfile, docker-compose.yml und Kubernetes-Manifeste der Microservices-Demo in ein Verzeichnis schreiben und beenden',
      amqpUrl:
        'der AMQP-Broker für die mq-Demo und die Saga der Microservices (Standard: $AMQP_URL, sonst amqp://guest:guest@127.0.0.1:5672)',
      broker:
        'welcher AMQP-Broker: auto (der unter --amqp-url, wenn er antwortet, sonst der eingebaute), rabbitmq oder embedded (Standard: $AWT_BROKER, sonst auto)',
      brokerPort: 'der Port des eingebauten Brokers (Standard 5672)',
      llmUrl:
        'graphql: ein OpenAI-kompatibler Endpunkt (POST /v1/chat/completions, z. B. Ollama unter http://127.0.0.1:11434), der im Schritt „Query aus natürlicher Sprache“ die Queries schreibt (Standard: $AWT_LLM_URL, sonst aufgezeichnete Antworten)',
      llmModel: 'das Modell, das --llm-url verwenden soll (Standard: $AWT_LLM_MODEL, sonst llama3.2)',
    },
    commands: {
      tap: 'den Mitschnitt vor einen beliebigen Server stellen (http:// oder amqp://) und zeigen, was hindurchgeht, bis Strg+C',
      broker: 'den eingebauten AMQP-0-9-1-Broker allein starten und jeden Frame zeigen, bis Strg+C',
      compare: 'dieselben Anwendungsfälle in jedem Paradigma, nebeneinander, gemessen',
      table: 'die Vergleichstabelle aus der Vorlesung, mit gemessenen Zeilen darunter',
      list: 'die Demos auflisten',
      run: 'eine Demo starten (dasselbe wie „awt-demo <Demo>“)',
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
      placeholders: {
        options: 'Optionen',
        command: 'Befehl',
        demo: 'Demo',
        lang: 'Sprache',
        columns: 'Spalten',
        n: 'N',
        port: 'Port',
        dir: 'Verzeichnis',
        url: 'URL',
        file: 'Datei',
        kind: 'Art',
        paradigms: 'Paradigmen',
        numbers: 'Nummern',
        folder: 'Ordner',
        id: 'ID',
        seconds: 'Sekunden',
        ids: 'IDs',
        name: 'Name',
        view: 'Ansicht',
      },
    },
    examplesHeading: 'Beispiele:',
    examples: {
      'awt-demo graphql': 'der GraphQL-Rundgang, Request neben Response',
      'awt-demo rest --step': 'ein Schritt nach dem anderen, für die Vorlesung',
      'awt-demo rest --from-step 6': 'ab Schritt 6 (ETag und 304); die Schritte davor laufen trotzdem',
      'awt-demo rest --json > trace.json': 'dieselben Fakten als Daten',
      'awt-demo graphql --serve --port 4000': 'ein laufender Server für eigene Queries',
      'awt-demo graphql --schema': 'das GraphQL-Schema (SDL)',
      'awt-demo websocket --serve': 'eine Chat-Seite für den Browser; jeder Frame erscheint hier',
      'awt-demo rest --serve': 'Swagger UI unter /docs, GraphiQL mit graphql --serve, offline',
      'awt-demo rest --har rest.har': 'die HTTP-Requests und -Responses als HAR 1.2 für die DevTools',
      'awt-demo graphql --mermaid': 'der Lauf als Mermaid-Sequenzdiagramm, für Folien',
      'awt-demo compare --only rest,graphql': 'dieselben Anwendungsfälle nebeneinander, gemessen',
      'awt-demo table --markdown': 'die Vergleichstabelle der Vorlesung mit Messwerten, für Folien',
      'awt-demo tap http://localhost:4000/': 'der Mitschnitt vor deinem eigenen Server',
      'awt-demo exercise start graphql-book-service': 'die Übung aus der Vorlesung: Aufgabe, Startprojekt, Tipps',
      'awt-demo exercise check graphql-book-service': 'deinen laufenden Server über die Leitung prüfen',
      'awt-demo list --json': 'die Demos, für Skripte',
      'awt-demo mq --broker embedded': 'die Message-Queue-Demo ohne RabbitMQ',
      'awt-demo broker --port 5672': 'ein AMQP-Broker für pika oder eigenen Code; jeder Frame erscheint hier',
    },
  },
  list: {
    heading: 'Demos:',
    usage: 'Starten mit: awt-demo <Demo>   (awt-demo --help zeigt alle Optionen)',
  },
  menu: {
    prompt: 'Was möchtest du sehen?',
    keys: '↑↓ wählen · Enter starten · 1–9 direkt · q oder Esc beenden',
    demosHeading: 'Demos, ein Schritt pro Bildschirm',
    toolsHeading: 'Alle Paradigmen im Vergleich',
    tools: {
      compare: 'dieselben Anwendungsfälle mit jedem Paradigma, gemessen',
      table: 'die Vergleichstabelle der Vorlesung, mit Messwerten',
      bench: 'Durchsatz und Latenz der Bücherliste je Paradigma',
      exercise: 'selbst einen Service bauen; awt-demo prüft ihn über die Leitung',
    },
    back: 'Enter: zurück zum Menü · q: beenden',
    failed: 'Das hat nicht geklappt:',
  },
  pager: {
    cut: (p) => `… ${numbers.integer(p.more)} weitere Zeilen (f zeigt sie)`,
    folded: (p) => `… ${numbers.integer(p.count)} weitere Round Trips dieser Art (f zeigt sie)`,
    keysShort: '? Tasten',
    framesCut: 'Lange Nutzdaten sind gekürzt; f zeigt sie ganz.',
    amqpFolded:
      'Verbindungsaufbau, sauberes Schließen und jede Methode mit ihrer Ok-Antwort stehen je in einer Zeile; f zeigt jeden Frame.',
    keys: 'Enter weiter · ← zurück · ↑↓ blättern · ? Tasten · q beenden',
    keysFromMenu: 'Enter weiter · ← zurück · ↑↓ blättern · ? Tasten · q Menü',
    running: (p) => `Schritt ${p.index} läuft …`,
    runningThis: 'läuft …',
    closing: 'die Summen werden ermittelt …',
    stopping: 'Ende nach diesem Schritt …',
    below: (p) => `↓ ${numbers.integer(p.lines)} weitere Zeile${p.lines === 1 ? '' : 'n'}`,
    scrolled: (p) => `Zeilen ${numbers.integer(p.from)}–${numbers.integer(p.to)} von ${numbers.integer(p.of)}`,
    views: { full: 'alles ausgeklappt', raw: 'Bytes wie auf der Leitung', json: 'JSON' },
    goto: (p) => `zu Schritt (1–${p.total}): ${p.typed}_   Enter: springen · Esc: abbrechen`,
    keysHeading: 'Tasten',
    keyList: [
      ['Enter  Leertaste  →', 'nächster Schritt'],
      ['←  b', 'voriger Schritt, so wie er aufgezeichnet wurde (nichts läuft erneut)'],
      ['1–9   g N Enter', 'Schritt N (die Schritte davor laufen einmal, der Reihe nach)'],
      ['↑ ↓  Bild↑ Bild↓', 'blättern (Pos1, Ende: an den Anfang, ans Ende)'],
      ['f', 'alle Bodies vollständig'],
      ['r', 'die Bytes genau so, wie sie über die Leitung gehen'],
      ['j', 'der Schritt als JSON (wie bei --json)'],
      ['Esc', 'zurück zur normalen Ansicht'],
      ['?', 'diese Tasten'],
      ['q  Strg+C', 'beenden: alle Server und Verbindungen werden geschlossen'],
    ],
    anyKey: 'Jede Taste außer q (siehe oben) schließt diese Liste.',
    end: 'Ende der Demo.  ← zurück zu den Schritten · Enter oder q: beenden',
    endFromMenu: 'Ende der Demo.  ← zurück zu den Schritten · Enter oder q: zurück zum Menü',
  },
  fit: {
    folded: (p) =>
      `… ${[p.names, p.lines > 0 ? `Body mit ${numbers.integer(p.lines)} Zeile${p.lines === 1 ? '' : 'n'}` : ''].filter(Boolean).join(' · ')} (f zeigt sie)`,
    keys: 'Enter weiter · ← zurück · ? Tasten · q beenden',
    keysFromMenu: 'Enter weiter · ← zurück · ? Tasten · q Menü',
  },
  chatPage: {
    title: 'Buchclub (WebSocket)',
    intro:
      'Diese Seite nutzt die WebSocket-API des Browsers: onopen, onmessage, onclose, onerror. Das Terminal, in dem awt-demo --serve läuft, zeigt jeden Frame.',
    name: 'Dein Name',
    token: 'Token (steht im Terminal)',
    join: 'Beitreten',
    connecting: 'Verbinde …',
    connected: 'Verbunden: du bist im Buchclub.',
    closed: 'Geschlossen: {code} {reason}',
    refused: 'Der Server hat den Handshake abgelehnt (kein Token oder ein falsches?).',
    chat: 'Chat',
    message: 'Nachricht',
    send: 'Senden',
    newBooks: 'Neue Bücher, vom Server gepusht',
    newBook: 'Neues Buch: {title} von {author}',
    bookTitle: 'Titel',
    bookAuthor: 'Autor',
    add: 'Per HTTP-POST hinzufügen',
    added: 'Hinzugefügt: {title} (HTTP {status})',
    notAdded: 'Nicht hinzugefügt: HTTP {status}',
    events: 'WebSocket-Ereignisse',
  },
  errors: {
    AWT_UNKNOWN_DEMO: (p) =>
      `Unbekannte Demo „${p.demo}“.${p.suggestion ? ` Meintest du „${p.suggestion}“?` : ''} Die Demos: ${p.ids}${
        p.commands ? `; die Befehle: ${p.commands}` : ''
      }.`,
    AWT_BAD_OPTION: (p) => `Ungültiger Wert „${p.value}“ für ${p.option}: erwartet ${p.expected}.`,
    AWT_BAD_OPTION_hint: '„awt-demo --help“ zeigt die Optionen.',
    AWT_PORT_IN_USE: (p) => `Port ${p.port} ist schon belegt.`,
    AWT_PORT_IN_USE_hint:
      'Wähle mit --port einen anderen oder lass --port weg, dann sucht das System einen freien aus.',
    AWT_PORT_FORBIDDEN: (p) => `Port ${p.port} liegt unter 1024; an solchen Ports darf nur der Administrator lauschen.`,
    AWT_PORT_FORBIDDEN_hint: 'Wähle mit --port einen Port ab 1024 (zum Beispiel 4000) oder lass --port weg.',
    AWT_BROKER_PORT_IN_USE: (p) => `Port ${p.port} ist schon belegt, vielleicht von einem laufenden RabbitMQ.`,
    AWT_BROKER_PORT_IN_USE_hint:
      'Starte den eingebauten Broker auf einem anderen Port, zum Beispiel: awt-demo broker --port 5673. Oder nimm den Broker, der dort läuft: awt-demo mq.',
    AWT_NO_SCHEMA: (p) => `Die Demo ${p.demo} hat keinen Vertrag zum Ausgeben.`,
    AWT_NO_SERVE: (p) => `Die Demo ${p.demo} hat keinen Server zum Weiterlaufen; starte sie ohne --serve.`,
    AWT_NO_DEPLOY_FILES: (p) =>
      `Die Demo ${p.demo} hat keine Deploy-Dateien; awt-demo microservices --deploy-files VERZEICHNIS hat welche.`,
    AWT_DEPLOY_DIR: (p) =>
      p.reason === 'exists'
        ? `In ${p.dir} liegt schon ${p.detail}; awt-demo überschreibt keine Dateien.`
        : `${p.dir} lässt sich nicht beschreiben (${p.detail}).`,
    AWT_DEPLOY_DIR_hint: 'Nenne ein neues oder leeres Verzeichnis: awt-demo microservices --deploy-files ./deploy',
    AWT_BROKER_UNREACHABLE: (p) => {
      const sentences: Record<string, string> = {
        refused: `Unter ${p.url} ist kein AMQP-Broker erreichbar: Dort nimmt niemand Verbindungen an (${p.detail}).`,
        timeout: `Unter ${p.url} ist kein AMQP-Broker erreichbar: keine Antwort innerhalb von ${p.detail}.`,
        'unknown-host': `Unter ${p.url} ist kein AMQP-Broker erreichbar: der Hostname ist unbekannt (${p.detail}).`,
        login: `Der AMQP-Broker unter ${p.url} hat die Anmeldung abgelehnt (${p.detail}).`,
        vhost: `Der AMQP-Broker unter ${p.url} hat den virtuellen Host „${p.detail}“ nicht geöffnet: Es gibt ihn nicht, oder der Benutzer darf ihn nicht nutzen.`,
        'not-amqp': `Was unter ${p.url} antwortet, ist kein AMQP-0-9-1-Broker (${p.detail}).`,
        lost: `Die Verbindung zum AMQP-Broker unter ${p.url} ist abgerissen (${p.detail}).`,
        stalled: `Der AMQP-Broker unter ${p.url} antwortet nicht mehr (${numbers.secondsUnit(p.waitedMs ?? NaN)} gewartet auf ${p.detail}).`,
      };
      return sentences[p.reason] ?? `Der AMQP-Broker unter ${p.url} ist nicht nutzbar (${p.detail}).`;
    },
    AWT_BROKER_UNREACHABLE_hint: (p) => {
      const start =
        'Starte RabbitMQ wie in der Vorlesung: docker run -d --hostname my-rabbit --name some-rabbit -p 5672:5672 -p 15672:15672 rabbitmq:3-management (oder installiere das Paket der Distribution: sudo apt install rabbitmq-server), oder nenne einen laufenden Broker mit --amqp-url oder AMQP_URL, oder nimm den eingebauten Broker: --broker embedded.';
      const hints: Record<string, string> = {
        login:
          'Prüfe Benutzer und Passwort in --amqp-url oder AMQP_URL. RabbitMQ lässt das Konto guest nur über Loopback herein: amqp://guest:guest@127.0.0.1:5672',
        vhost:
          'Nenne am Ende der URL einen vorhandenen virtuellen Host (der Standard-Host „/“ wird %2F geschrieben) oder lege ihn an mit: rabbitmqctl add_vhost <name>',
        'not-amqp': 'Prüfe Host und Port: AMQP lauscht auf 5672 (15672 ist die Management-Webseite).',
        lost: 'Prüfe, ob der Broker noch läuft (rabbitmqctl status), und versuche es noch einmal.',
        stalled:
          'Prüfe, ob der Broker noch läuft und nicht blockiert ist (rabbitmqctl status), und versuche es noch einmal.',
      };
      return hints[p.reason] ?? start;
    },
    AWT_INTERRUPTED: () => 'Abgebrochen. Alle Server und Verbindungen sind geschlossen.',
    AWT_BAD_FILE: (p) =>
      p.reason === 'not-a-comparison'
        ? `${p.file} ist kein Vergleich, den „awt-demo compare --json“ geschrieben hat.`
        : `${p.file} lässt sich nicht lesen (${p.reason}).`,
    AWT_BAD_FILE_hint: 'Schreibe einen mit: awt-demo compare --json > compare.json',
    AWT_OPTIONS_CLASH: (p) => `${p.first} und ${p.second} passen nicht zusammen.`,
    AWT_OPTIONS_CLASH_hint: 'Lass eine der beiden weg; „awt-demo --help“ listet die Optionen.',
    AWT_CANNOT_WRITE: (p) => `${p.file} lässt sich nicht schreiben (${p.reason}).`,
    AWT_CANNOT_WRITE_hint: 'Nenne eine Datei in einem Ordner, in den du schreiben darfst, z. B. --har ./lauf.har',
    AWT_TARGET_UNREACHABLE: (p) => {
      const sentences: Record<string, string> = {
        refused: `Unter ${p.url} antwortet nichts: Dort nimmt kein Server Verbindungen an (${p.detail}).`,
        timeout: `Unter ${p.url} antwortet nichts: keine Verbindung innerhalb von ${p.detail}.`,
        'unknown-host': `Unter ${p.url} antwortet nichts: der Hostname ist unbekannt (${p.detail}).`,
      };
      return sentences[p.reason] ?? `Keine Verbindung zu ${p.url} möglich (${p.detail}).`;
    },
    AWT_TARGET_UNREACHABLE_hint:
      'Starte zuerst den Server (npm start in seinem Ordner), oder gib die richtige Adresse an.',
    AWT_LLM_UNREACHABLE: (p) => {
      const sentences: Record<string, string> = {
        refused: `Der Modell-Endpunkt unter ${p.url} antwortet nicht (${p.detail}).`,
        timeout: `Der Modell-Endpunkt unter ${p.url} hat nicht innerhalb von ${p.detail} geantwortet.`,
      };
      return sentences[p.reason] ?? `Die Verbindung zum Modell-Endpunkt unter ${p.url} ist abgebrochen (${p.detail}).`;
    },
    AWT_LLM_UNREACHABLE_hint:
      'Starte ihn (bei Ollama: ollama serve) oder korrigiere --llm-url; ohne --llm-url nimmt der Schritt aufgezeichnete Antworten.',
    AWT_LLM_BAD_ANSWER: (p) => {
      const what: Record<string, string> = {
        status: `HTTP-Status ${p.detail}`,
        'not-json': 'der Body ist kein JSON',
        'no-content': 'choices[0].message.content fehlt oder ist leer',
        'too-large': `der Body ist größer als ${p.detail}`,
        'too-long': 'die Antwort ist zu lang für eine Query',
      };
      return `Der Modell-Endpunkt unter ${p.url} hat nicht mit einer Chat-Completion geantwortet: ${what[p.reason] ?? p.reason}.`;
    },
    AWT_LLM_BAD_ANSWER_hint:
      'Gib mit --llm-url einen OpenAI-kompatiblen Endpunkt (POST /v1/chat/completions) an und mit --llm-model ein installiertes Modell.',
    AWT_UNKNOWN_EXERCISE: (p) =>
      `Die Übung „${p.exercise}“ gibt es nicht.${p.suggestion ? ` Meintest du „${p.suggestion}“?` : ''} Es gibt: ${p.ids}.`,
    AWT_UNKNOWN_EXERCISE_hint: 'Mit „awt-demo exercise list“ siehst du alle.',
    AWT_UNKNOWN_EXERCISE_COMMAND: (p) =>
      `Den Befehl „exercise ${p.command}“ gibt es nicht.${p.suggestion ? ` Meintest du „${p.suggestion}“?` : ''} Es gibt: ${p.commands}.`,
    AWT_UNKNOWN_EXERCISE_COMMAND_hint: 'Mit „awt-demo exercise --help“ siehst du, was jeder tut.',
    AWT_FOLDER_NOT_EMPTY: (p) => `${p.dir} existiert und ist nicht leer; es wurde nichts geschrieben.`,
    AWT_FOLDER_NOT_EMPTY_hint: 'Wähle mit --dir einen anderen Ordner, oder entferne diesen zuerst.',
    AWT_NO_PROGRAMS: (p) =>
      `${p.dir} ist nicht der Ordner der Übung: Dort ${p.files.includes(', ') ? 'fehlen' : 'fehlt'} ${p.files.replace(/, ([^,]*)$/, ' und $1')}.`,
    AWT_NO_PROGRAMS_hint:
      'Starte die Prüfung in dem Ordner, den „awt-demo exercise start“ angelegt hat, oder nenne ihn mit --dir.',
    AWT_EXERCISE_OPTION: (p) =>
      p.programs
        ? `${p.option} passt nicht zu ${p.exercise}: die Prüfung startet deine Programme selbst, aus --dir, und verbindet sie mit dem Broker.`
        : `${p.option} passt nicht zu ${p.exercise}: die Prüfung gilt deinem Server unter --url.`,
    AWT_EXERCISE_OPTION_hint: (p) =>
      p.programs
        ? 'Wähle den Broker mit --broker auto|rabbitmq|embedded oder --amqp-url.'
        : 'Lass die Option weg; „awt-demo exercise check --help“ zeigt die Optionen.',
    AWT_CHECKS_FAILED: (p) =>
      p.failed === 1
        ? `1 von ${p.total} Prüfungen ist fehlgeschlagen.`
        : `${p.failed} von ${p.total} Prüfungen sind fehlgeschlagen.`,
    AWT_CHECKS_FAILED_hint: (p) =>
      p.json
        ? 'Der Bericht auf stdout enthält jede fehlgeschlagene Prüfung mit ihrem Mitschnitt und Tipp.'
        : 'Jede fehlgeschlagene Prüfung oben zeigt ihren Mitschnitt und einen Tipp; behebe eine und prüfe dann erneut.',
    bug: 'Das ist ein Fehler in awt-demo, nicht deiner. Bitte melde ihn mit den Zeilen darüber.',
    commander: {
      unknownOption: (p) => `Unbekannte Option „${p.option}“.`,
      unknownCommand: (p) => `Unbekannter Befehl „${p.command}“.`,
      missingArgument: (p) => `Das Argument „${p.argument}“ fehlt.`,
      valueMissing: (p) => `Zur Option ${p.option} fehlt der Wert.`,
      tooManyArguments: (p) =>
        `Zu viele Argumente: ${p.expected === 1 ? 'erwartet wird eines' : `erwartet werden ${p.expected}`}, es waren ${p.got}.`,
      didYouMean: (p) => `(Meintest du ${p.names}?)`,
    },
  },
  hops: {
    background: (p: { count: number }) =>
      `… und währenddessen ${p.count} Heartbeat${p.count === 1 ? '' : 's'} an die Registry (--full zeigt ${p.count === 1 ? 'ihn' : 'sie'})`,
  },
  render: {
    step: (p) => `Schritt ${p.index}/${p.total}`,
    notice: 'Achte auf',
    request: 'Request',
    response: 'Response',
    connection: (p) =>
      p.nth === 1 ? `Verbindung #${p.id}, neu` : `Verbindung #${p.id}, wiederverwendet, Request ${p.nth}`,
    noResponse: 'keine Response: Die Verbindung wurde vorher geschlossen.',
    sizes: (p) => `${numbers.bytes(p.head)} Header + ${numbers.bytes(p.body)} Body`,
    chunked: (p) => `chunked, ${numbers.bytes(p.content)} Inhalt`,
    took: (p) => numbers.msUnit(p.ms),
    folded: (p) => `… ${numbers.integer(p.count)} weitere Round Trips dieser Art (--full zeigt sie)`,
    cut: (p) => `… ${numbers.integer(p.more)} weitere Zeilen (--full zeigt sie)`,
    assetsFolded:
      'Dateien einer Seite (HTML, JavaScript, CSS, Bilder) stehen in je einer Zeile, #n ist die Verbindung; --assets zeigt sie vollständig.',
    cutFull: (p) => `… ${numbers.integer(p.more)} weitere Zeilen, mehr als --full zeigt (--json enthält alle)`,
    skipped: (p) =>
      `… dieser Body hat ${numbers.integer(p.total)} Zeichen: Die ersten ${numbers.integer(p.shown)} stehen hier als Klartext (--json enthält ihn ganz)`,
    deep: (p) => `Werte, die tiefer als ${p.depth} Ebenen verschachtelt sind, stehen hier als {…}, […] oder <…>`,
    displayFailed: (p) => `Dieser Eintrag lässt sich nicht anzeigen: ${p.reason}`,
    undecoded: (p) => `${numbers.bytes(p.bytes)} nicht dekodiert: ${p.reason}`,
    summaryHeading: 'Zusammenfassung',
    roundTrips: 'Round Trips',
    connections: 'TCP-Verbindungen',
    bytesUp: 'Bytes Client → Server',
    bytesDown: 'Bytes Server → Client',
    stepTotals: (p) =>
      `${numbers.integer(p.trips)} Round Trip${p.trips === 1 ? '' : 's'}, ${numbers.bytes(p.up)} hin, ${numbers.bytes(p.down)} zurück`,
  },
  frames: {
    fin: 'FIN',
    opcode: 'Opcode',
    mask: 'MASK Schlüssel',
    length: 'Länge',
    sizes: 'Bytes = Header + Nutzdaten',
    payload: 'Nutzdaten',
    lengthBits: (p) => `${p.bits} Bit`,
    opcodes: {
      continuation: 'Fortsetzung',
      text: 'Text',
      binary: 'binär',
      close: 'Close',
      ping: 'Ping',
      pong: 'Pong',
      reserved: 'reserviert',
    },
    closeCodes: {
      1000: 'normales Schließen',
      1001: 'Endpunkt wird beendet',
      1002: 'Protokollfehler',
      1003: 'Datentyp nicht unterstützt',
      1007: 'ungültige Nutzdaten',
      1008: 'Richtlinie verletzt',
      1009: 'Nachricht zu groß',
      1010: 'Erweiterung erforderlich',
      1011: 'interner Fehler',
      1012: 'Neustart des Dienstes',
      1013: 'später noch einmal versuchen',
    },
    empty: '(leer)',
    noCloseCode: '(ohne Statuscode)',
    notDecoded: '(nicht dekodiert)',
    headerBytes: 'Header-Bytes:',
    maskedBytes: 'Nutzdaten wie gesendet (maskiert):',
    cut: 'Nutzdaten über vier Zeilen sind gekürzt; --full zeigt sie ganz.',
    violations: {
      'unmasked-client-frame': 'ein Client muss jeden Frame maskieren, den er sendet (RFC 6455 §5.1)',
      'masked-server-frame': 'ein Server darf seine Frames nicht maskieren (RFC 6455 §5.1)',
      'reserved-bits-set': 'RSV1-3 müssen 0 sein, außer eine vereinbarte Erweiterung nutzt sie (RFC 6455 §5.2)',
      'reserved-opcode': 'dieser Opcode ist reserviert (RFC 6455 §5.2)',
      'non-minimal-length': 'die Länge muss so wenige Bytes wie möglich belegen (RFC 6455 §5.2)',
      'length-high-bit-set': 'das oberste Bit einer 64-Bit-Länge muss 0 sein (RFC 6455 §5.2)',
      'fragmented-control-frame': 'Steuer-Frames dürfen nicht fragmentiert sein (RFC 6455 §5.5)',
      'control-frame-too-long': 'Steuer-Frames tragen höchstens 125 Bytes (RFC 6455 §5.5)',
      'unexpected-continuation': 'ein Fortsetzungs-Frame ohne offene Nachricht (RFC 6455 §5.4)',
      'expected-continuation': 'eine neue Nachricht begann, bevor die fragmentierte zu Ende war (RFC 6455 §5.4)',
      'invalid-utf8': 'Text muss gültiges UTF-8 sein (RFC 6455 §5.6, §8.1)',
      'invalid-close-payload': 'ein Close-Body ist leer oder beginnt mit einem 2-Byte-Code (RFC 6455 §5.5.1)',
      'invalid-close-code': 'dieser Close-Code darf nicht gesendet werden (RFC 6455 §7.4)',
      'data-after-close': 'nach einem Close-Frame dürfen keine Daten-Frames folgen (RFC 6455 §5.5.1)',
      'frame-too-large': 'größer, als der Mitschnitt dekodiert; der Rest dieser Richtung wird übersprungen',
    },
  },
  mermaid: {
    client: 'Client',
    server: 'Server',
    wsClient: (p) => `Client ${p.id}`,
    noResponse: 'keine Response',
    more: (p) => `… ${numbers.integer(p.count)} weitere Nachrichten in diesem Schritt (awt-demo zeigt alle)`,
    nothing: 'in diesem Schritt nichts auf der Leitung',
  },
  amqp: {
    broker: 'Broker',
    connection: (p) => `Verbindung #${p.id}`,
    setUp: (p) =>
      `Verbindungsaufbau: AMQP ${p.version}, ${p.mechanism}-Login als ${p.user}, vhost ${p.vhost}, ${
        p.heartbeat === 0 ? 'ohne Heartbeat' : `Heartbeat-Timeout ${p.heartbeat} s`
      }`,
    channelOpen: (p) => `, Kanal ${p.channel} offen`,
    setUpAgain: 'Verbindungsaufbau wie oben',
    eachWithOk: 'jeweils ⇄ Ok-Antwort',
    moreLikeThese: (p) => `… ${numbers.integer(p.count)} weitere ${p.method} dieser Art (f zeigt sie)`,
    sameBody: (p) => `derselbe wie bei ${p.at} ms`,
    closed: 'sauber geschlossen (Close 200 → CloseOk)',
    frames: (p) => `${p.frames} Frames`,
    channel: (p) => `Kanal ${p.channel}`,
    deliveryModes: { 1: 'flüchtig', 2: 'persistent' },
    body: (p) => `Body, ${numbers.bytes(p.bytes)}:`,
    contentHeader: 'Content-Header',
    protocolHeader: (p) => `Protokoll-Header AMQP ${p.version}`,
    heartbeat: 'Heartbeat',
    rawFrame: (p) => `⟨Frame-Typ ${p.type}, Kanal ${p.channel}⟩`,
    ms: 'ms',
    bytes: 'B',
    folded: 'Verbindungsaufbau und sauberes Schließen stehen je in einer Zeile; --full zeigt jeden Frame.',
  },
  stepGate: {
    prompt: 'Enter: nächster Schritt · q: beenden',
    quit: 'Beendet. Alle Server und Verbindungen sind geschlossen.',
  },
  deploy: {
    wrote: (p) => `${p.count} Dateien nach ${p.dir} geschrieben:`,
    next: 'Danach: docker compose up --build (nachdem npm install dist/ gebaut hat) oder kubectl apply -f k8s/',
  },
  serve: {
    listening: (p) => `Der Server der Demo ${p.demo} lauscht auf ${p.url} (hinter dem Mitschnitt).`,
    browse: 'Im Browser öffnen:',
    tryThese: 'Probiere in einem anderen Terminal:',
    waiting: 'Jeder Request, den jemand schickt, erscheint hier. Strg+C beendet den Server.',
    openChatTwice: (p) => `${p.url} in zwei Browserfenstern öffnen; die Seite fragt nach dem Token: ${p.token}`,
  },
  tap: {
    listening: (p) => `Der Mitschnitt steht vor ${p.target}.`,
    useInstead: (p) => `Nimm stattdessen diese Adresse: ${p.url}`,
    waiting: {
      http: 'Jeder Request und jeder WebSocket-Frame, die hindurchgehen, erscheinen hier. Strg+C beendet den Mitschnitt.',
      amqp: 'Jeder AMQP-Frame, der hindurchgeht, erscheint hier. Strg+C beendet den Mitschnitt.',
    },
    unreachable: (p) =>
      `Verbindung #${p.connection}: das Ziel hat sie nicht angenommen (${p.code}); die Verbindung des Clients wurde geschlossen`,
  },
  exercise: exerciseDe,
  interrupted: 'Abgebrochen. Alle Server und Verbindungen sind geschlossen.',
  broker: {
    used: (p) =>
      p.kind === 'external'
        ? `Broker: ${p.product || 'der AMQP-Broker'} unter ${p.url}.`
        : p.fallbackFrom
          ? `Broker: der eingebaute Broker von awt-demo unter ${p.url} (unter ${p.fallbackFrom} hat keiner geantwortet).`
          : `Broker: der eingebaute Broker von awt-demo unter ${p.url}.`,
    listening: (p) =>
      `Der eingebaute AMQP-0-9-1-Broker lauscht auf ${p.url} (Benutzer guest, Passwort guest, virtueller Host /), hinter dem Mitschnitt.`,
    memory:
      'Die Nachrichten liegen nur im Speicher: „durable“ wird angenommen und gemeldet, aber nach Strg+C ist alles weg.',
    tryThese: 'Probiere in einem anderen Terminal:',
    waiting: 'Jeder Frame, den ein Client schickt oder bekommt, erscheint hier. Strg+C beendet den Broker.',
    examples: (p) => [
      `awt-demo mq --amqp-url ${p.url}`,
      'python3 send.py; python3 receive.py    (Producer und Consumer mit pika aus der Vorlesung, unverändert)',
      `awt-demo compare --only mq --amqp-url ${p.url}`,
    ],
    up: 'Client → Broker',
    down: 'Client ← Broker',
    connection: (p) => `#${p.id}`,
  },
  bench: {
    cli: {
      description: 'Durchsatz und Latenz der Bücherliste je Paradigma, gemessen am nackten node:http als Obergrenze',
      duration: 'Sekunden Last je Paradigma, nach kurzem Aufwärmen (Standard 3)',
      concurrency: 'Verbindungen, die gleichzeitig senden (Standard 10)',
      only: 'die Paradigmen, die laufen sollen, durch Kommas getrennt (reference, rest, graphql, soap, websocket, mq); die Referenz läuft immer',
      json: 'die Messwerte als JSON ausgeben (der Fortschritt geht weiter nach stderr)',
      amqpUrl: 'der AMQP-Broker für die mq-Zeile (Standard: $AMQP_URL, sonst amqp://guest:guest@127.0.0.1:5672)',
      broker:
        'welcher AMQP-Broker für die mq-Zeile: auto (der unter --amqp-url, wenn er antwortet, sonst der eingebaute), rabbitmq oder embedded',
    },
    title: 'Durchsatz und Latenz: die Liste der Bücher, je Paradigma',
    setup: (p) =>
      `${p.concurrency} Verbindungen, jede schickt ihren nächsten Request, sobald die Response auf den letzten da ist; ` +
      `${p.seconds}\u00a0s je Paradigma nach ${p.warmup}\u00a0s Aufwärmen; alles auf 127.0.0.1.`,
    noTap: 'Hier ohne Mitschnitt: Die Last geht direkt an die Server, das Aufzeichnen bremst also keinen von ihnen.',
    columns: {
      paradigm: 'Paradigma',
      rps: 'Requests/s',
      ratio: '× node:http',
      latency: 'Latenz in ms',
      median: 'Median',
      p90: 'p90',
      p99: 'p99',
      max: 'max',
      bytes: 'B/Response',
      operation: 'Request',
    },
    legendHeading: 'Was jede Zeile sendet:',
    referenceOperation: 'GET /v1/books, beantwortet mit der REST-Liste als feste Bytes',
    skippedCell: 'übersprungen',
    findings: {
      row: (p) =>
        `${p.name} erreicht ${p.percent} % der Rate von nacktem node:http und braucht ${p.micros} µs CPU je Request, ${p.extra} µs mehr.`,
      rowBelow: (p) =>
        `${p.name} erreicht ${p.percent} % der Rate von nacktem node:http und braucht ${p.micros} µs CPU je Request, ${p.extra} µs weniger.`,
    },
    errors: (p) => `${p.name}: ${p.errors} von ${p.total} Requests sind gescheitert; der erste, weil: ${p.first}`,
    busy: (p) =>
      `Der Rechner war zu Beginn ausgelastet (Load Average ${p.load} bei ${p.cpus} Kernen): Requests/s, Latenzen ` +
      'und selbst die CPU-Zeit je Request werden von Lauf zu Lauf verschieden sein.',
    skipped: (p) => `${p.name} wurde übersprungen: ${p.reason}`,
    progress: {
      warmup: 'Aufwärmen',
      measure: 'Messung',
      done: (p) => `${p.name}: ${p.requests} Requests in ${p.seconds} s, ${p.rps} Requests/s`,
      skipped: (p) => `${p.name}: übersprungen`,
    },
  },
  compare: {
    paradigms: { rest: 'REST', graphql: 'GraphQL', soap: 'SOAP', websocket: 'WebSocket', mq: 'Message Queue' },
    heading: 'Dieselben Anwendungsfälle in jedem Paradigma, gemessen in diesem Lauf',
    measuredHow: (p) =>
      `Gemessen über den Mitschnitt auf 127.0.0.1; die Latenz ist der Median aus ${p.repetitions === 1 ? 'einem Lauf' : `${p.repetitions} Läufen`} (der Mitschnitt leitet jedes Byte weiter und kostet daher jeweils etwas Zeit).`,
    setup: 'Aufbau vor dem ersten Aufruf (Verbindung, Handshake)',
    roundTripMeaning:
      'Ein Round Trip ist eine Nachricht, die auf ihre Antwort warten muss, bevor die nächste gesendet werden kann: ein HTTP-Request und seine Response, ein WebSocket-Ping und sein Pong oder ein Close und das Close der Gegenseite, eine AMQP-Methode und ihr -Ok (beim Verbindungsaufbau: Header → Start, StartOk → Tune, Open → OpenOk), ein Publish und sein Confirm. Daten-Frames und Zustellungen warten auf keine Antwort.',
    notes: {
      credentials: (p) =>
        p.silent
          ? `Die Bytes hin enthalten Zugangsdaten: ${p.sending}; ${p.silent} senden hier keine Zugangsdaten.`
          : `Die Bytes hin enthalten Zugangsdaten: ${p.sending}.`,
      credential: (p) =>
        `bei ${p.paradigm} ${p.kind === 'ws-security' ? 'ein WS-Security-Header (wsse:Security)' : 'ein Authorization-Header'} von ${numbers.bytes(p.bytes)}`,
      polling: (p) =>
        `${p.paradigm} fragt alle ${p.interval} ms nach, also bestimmt das Intervall die Latenz: Das Buch kommt zwischen zwei Abfragen an, im Mittel ein halbes Intervall (≈ ${p.half} ms) vor der nächsten. Gemessen bei mehreren Intervallen: ${p.points}.`,
      point: (p) => `${p.interval} ms → ${p.latency} ms`,
      nothingNeeded: (p) =>
        `0 gebraucht: Der Client hat die Liste schon, und nichts hat sich geändert; jedes Feld, das noch einmal kommt, hatte er bereits${p.resent ? ` (erneut gesendet: ${p.resent})` : ''}. REST bekommt über sein ETag ein 304 ohne Body; GraphQL und SOAP schicken einen POST an eine einzige URL, also kann kein HTTP-Cache die Frage als Schlüssel nehmen (\`awt-demo graphql\`, Schritt 11: Eine GraphQL-Query per GET bekommt ebenfalls ein 304).`,
      resent: (p) => `${p.paradigm} ${p.fields}`,
    },
    and: 'und',
    notAFitDefault: 'passt nicht natürlich zu diesem Paradigma',
    notAFitLabel: 'passt nicht',
    skippedLabel: 'übersprungen',
    rows: {
      roundTrips: 'Round Trips',
      connections: 'TCP-Verbindungen',
      bytesUp: 'Bytes hin',
      bytesDown: 'Bytes zurück',
      split: 'Overhead + Nutzdaten',
      fields: 'Felder erhalten / gebraucht',
      latency: 'Latenz (Median)',
      note: 'Response',
    },
    answers: {
      polling: (p) => `Polling: ${p.polls} × GET`,
      subscription: 'Subscription: next',
      push: (p) => `Push: ${p.type}`,
      confirmed: 'Confirm + Ack',
      fanout: 'Fanout: Basic.Deliver',
    },
    bars: {
      bytes: 'Bytes auf der Leitung (hin + zurück)',
      latency: 'Latenz, ms (Median)',
    },
    table: {
      heading: 'SOAP, REST, GraphQL, WebSocket und Message Queues im Vergleich',
      criterion: 'Kriterium',
      measuredHeading: 'Gemessen in diesem Lauf',
      measuredFrom: (p) => `Gemessene Zeilen aus ${p.source}.`,
      measured: {
        listBytes: 'Liste (1): Bytes auf der Leitung',
        listFields: 'Liste (1): Felder erhalten / gebraucht',
        detailTrips: 'Buch mit Rezensionen (2): Round Trips',
        cachedBytes: 'Liste erneut (5): Bytes auf der Leitung',
        notifyDelay: 'Neues Buch (6): ms, bis der Client es weiß',
        listLatency: 'Liste (1): Latenz, ms',
      },
    },
  },
};
