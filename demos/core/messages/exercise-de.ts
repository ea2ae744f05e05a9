import type { ExerciseWords } from './exercise-en.js';
import { numberWords } from '../numbers.js';

const numbers = numberWords('de');

/** Die Worte von „awt-demo exercise“ auf Deutsch. */
export const exerciseDe: ExerciseWords = {
  commands: {
    exercise: 'Übungen: Du baust einen Dienst, awt-demo prüft ihn über die Leitung',
    list: 'die Übungen und wie weit du bist (aus awt-progress.json)',
    start: 'das Startprojekt einer Übung in einen neuen Ordner schreiben',
    hint: 'einen Tipp mehr für die erste Prüfung, die noch fehlschlägt',
    check: 'die Prüfungen der Übung gegen deinen laufenden Server ausführen, durch den Mitschnitt',
    id: 'die Übung (siehe „awt-demo exercise list“)',
    dir: (p) => `der Ordner der Übung (Standard: ${p.dir.replace('<id>', '<ID>')})`,
    url: 'die Adresse deines Servers (Standard: die aus der Aufgabe)',
    timeout: 'Sekunden, die jede Prüfung dauern darf (Standard 5; 15 bei mq-order-worker)',
    json: 'das Ergebnis als JSON ausgeben (für Bewertungsskripte)',
  },
  states: { 'not-started': 'nicht begonnen', started: 'begonnen', passed: 'bestanden' },
  list: {
    heading: 'Übungen:',
    usage: 'Beginne eine mit: awt-demo exercise start <ID>',
  },
  start: {
    wrote: (p) => `Das Startprojekt von ${p.exercise} liegt in ${p.dir}:`,
    next: 'Weiter geht es so:',
    install: 'die Abhängigkeiten installieren',
    run: 'deinen Server starten (er startet bei jeder Änderung neu)',
    check: 'in einem zweiten Terminal: ihn prüfen',
    hint: 'du kommst nicht weiter? Jedes Mal ein Tipp mehr',
    checkPrograms: 'sie prüfen: die Prüfung startet zwei Worker und den Responder selbst',
  },
  readme: {
    task: 'Die Aufgabe',
    steps: 'So gehst du vor',
    commands: 'Befehle',
    install: 'Die Abhängigkeiten installieren (einmal):',
    run: 'Deinen Server starten; er startet bei jedem Speichern neu:',
    check: 'In einem zweiten Terminal deinen Server über die Leitung prüfen:',
    hint: 'Du kommst nicht weiter? Jeder Aufruf zeigt einen Tipp mehr:',
    tap: 'Sehen, was dein eigener Client schickt, durch den Mitschnitt:',
    runPrograms:
      'Deine Programme selbst ausprobieren, jedes in einem eigenen Terminal (sie verbinden sich mit AMQP_URL, sonst mit RabbitMQ auf diesem Rechner; `npx awt-demo broker` startet einen Broker, der jeden Frame zeigt):',
    checkPrograms:
      'Sie über die Leitung prüfen; die Prüfung startet zwei Worker und den Responder selbst, aus diesem Ordner, mit eigenen Queues:',
    tapBroker:
      'Sehen, was deine Programme schicken, durch den Mitschnitt vor RabbitMQ (die Adresse, die er ausgibt, dann als AMQP_URL nehmen):',
    checks: 'Was die Prüfungen erwarten',
    progress:
      'awt-progress.json hält fest, welche Prüfungen wann erfolgreich waren; deine Lehrkraft kann die Datei einsammeln.',
  },
  hint: {
    heading: (p) => `Tipp ${p.level} von ${p.of} zu „${p.check}“:`,
    more: (p) => `Immer noch unklar? ${p.command} zeigt den nächsten.`,
    last: 'Das war der letzte Tipp zu dieser Prüfung; den Rest zeigen das README der Aufgabe und die Demo (awt-demo <Paradigma>).',
    noProgress: (p) =>
      `Hier gibt es keine ${p.file}, also lassen sich Tipps nicht zählen: Führe das im Ordner der Übung aus.`,
    allPassed: 'Beim letzten Mal waren alle Prüfungen erfolgreich: Du brauchst keinen Tipp.',
  },
  check: {
    heading: (p) => `Prüfe ${p.exercise} unter ${p.url}, durch den Mitschnitt`,
    headingPrograms: (p) =>
      `Prüfe ${p.exercise} in ${p.dir}: starte ${p.programs}, durch den Mitschnitt mit dem Broker verbunden`,
    expected: 'erwartet',
    got: 'erhalten',
    hint: 'Tipp',
    advice: 'Empfehlung',
    traceCut: (p) => `… und ${numbers.integer(p.more)} weitere Einträge auf der Leitung, nicht gezeigt`,
    passed: (p) => `${p.passed} von ${p.total} Prüfungen bestanden.`,
    allPassed: (p) => `Alle ${p.total} Prüfungen bestanden. Gut gemacht!`,
    noProgress: (p) => `In diesem Ordner gibt es keine ${p.file}: Das Ergebnis wurde nicht festgehalten.`,
    recorded: (p) => `Festgehalten in ${p.file}.`,
  },
  said: {
    timeout: (p) =>
      `keine vollständige Response innerhalb von ${numbers.decimal(p.seconds, Number.isInteger(p.seconds) ? 0 : 1)} s`,
    failedCall: (p) => `der Aufruf ist gescheitert: ${p.detail}`,
    tooLarge: (p) => `eine Response über ${p.mebibytes} MiB (nur das erste MiB gelesen)`,
    serverStopped: (p) =>
      `unter ${p.url} antwortet nichts mehr (${p.code}): Läuft dein Server noch? Sein Terminal zeigt, warum er beendet wurde`,
    status: (p) => `Status ${p.status}`,
    notJson: (p) => `Status ${p.status}, ein Body, der kein JSON ist (Content-Type: ${p.contentType || 'keiner'})`,
    errors: (p) => `ein errors-Array: ${p.messages}`,
    noErrors: 'kein errors-Array',
    noData: 'kein data in der Response',
    value: (p) => `${p.path} = ${p.value}`,
    missing: (p) => `${p.what} fehlt`,
    notListed: (p) => `die nächste Query listet ${p.what} nicht`,
    schema: (p) => `der Body passt nicht zum Schema im OpenAPI-Dokument: ${p.problems}`,
    header: (p) => `${p.name}: ${p.value}`,
    noHeader: (p) => `kein Header ${p.name}`,
    signature: (p) => `${p.field} ist als ${p.got} deklariert, der Vertrag sagt ${p.expected}`,
    audits: (p) => `MUST-Audits von GraphQL over HTTP schlagen fehl: ${p.failed}`,
    should: (p) => `${p.id} ${p.name} (${p.reason})`,
    notHeard: (p) => `${p.member} hat ${p.message} nicht bekommen`,
    upgraded: 'der Handshake ist gelungen (101 Switching Protocols)',
    stayedOpen: 'die Verbindung blieb offen (der Server beantwortete den nächsten Ping)',
    closed: (p) => `die Verbindung wurde mit ${p.code}${p.reason ? ` „${p.reason}“` : ''} geschlossen`,
    noPong: 'kein Pong (der Server beantwortete eine spätere Nachricht)',
    empty: '(leer)',
    notXml: (p) => `ein Body, der kein wohlgeformtes XML ist: ${p.detail}`,
    fault: (p) => `ein SOAP-Fault: ${p.code} „${p.text}“`,
    noFault: (p) => `eine Response statt eines Faults: ${p.answer}`,
    programEnded: (p) =>
      `${p.program} (${p.file}) endete mit ${p.how.replace('exit code', 'Exit-Code').replace('signal', 'Signal')}, ehe sein Consumer lief${p.output ? `; Ausgabe: ${p.output}` : ', ohne Ausgabe'}`,
    notConsuming: (p) =>
      `nach ${numbers.secondsUnit(p.seconds * 1000)} ${p.found} von ${p.wanted} Consumern auf ${p.queue} (${p.programs}): Verbindet sich das Programm mit AMQP_URL und konsumiert es die Queue aus der Umgebung?${p.output ? ` Ausgabe: ${p.output}` : ''}`,
    noAck: (p) =>
      `der Worker auf Verbindung #${p.connection} konsumiert mit no-ack: der Broker hält jede Bestellung für erledigt, sobald er sie schickt, und kein Basic.Ack geht über die Leitung`,
    notDelivered: (p) => `Bestellung ${p.order} wurde keinem Worker zugestellt`,
    neverAcked: (p) => `Bestellung ${p.order} wurde auf Verbindung #${p.connection} zugestellt und nie bestätigt`,
    ackedTwice: (p) =>
      `Bestellung ${p.order} wurde auf Verbindung #${p.connection} ${p.times}-mal bestätigt: der Broker kennt ihren Delivery-Tag nur einmal`,
    notAcked: (p) => `Bestellung ${p.order} ist gültig, bekam aber ${p.method} statt Basic.Ack`,
    poisonAcked: (p) =>
      `Bestellung ${p.order} (Menge -3, nie zu packen) wurde auf Verbindung #${p.connection} mit Basic.Ack bestätigt: Der Broker hält sie für gepackt`,
    requeued: (p) =>
      `Bestellung ${p.order} (Menge -3, nie zu packen) bekam ${p.method} mit requeue: Sie käme immer wieder`,
    brokerClosed: (p) => `der Broker hat einen Channel von Verbindung #${p.connection} geschlossen: ${p.text}`,
    noPrefetch: (p) =>
      `der Worker auf Verbindung #${p.connection} schickte vor seinem Basic.Consume kein Basic.Qos: kein Prefetch-Limit`,
    prefetch: (p) => `der Worker auf Verbindung #${p.connection} schickte Basic.Qos prefetch-count=${p.count}`,
    heldTwo: (p) =>
      `der Worker auf Verbindung #${p.connection} bekam Bestellung ${p.second}, während Bestellung ${p.first}, eine langsame, noch unbestätigt war`,
    idle: (p) => `der Worker auf Verbindung #${p.connection} bekam gar keine Bestellung`,
    noReply: (p) => `keine Antwort: Der Responder hat nach den Anfragen auf ${p.queue} nichts veröffentlicht`,
    replyElsewhere: (p) =>
      `die Antwort ging an den Exchange „${p.exchange}“ mit Routing-Key „${p.routingKey}“, nicht an den Default-Exchange mit reply-to „${p.replyTo}“`,
    noCorrelationId: (p) => `eine Antwort ohne correlation-id (die Anfrage hatte ${p.expected})`,
    correlationId: (p) => `eine Antwort mit correlation-id ${p.got}, die Anfrage hatte ${p.expected}`,
    replyBody: (p) => `der Body der Antwort ist ${p.got} statt ${p.expected}`,
    contentType: (p) =>
      `der content-type der Antwort ist ${p.got}; der RPC-Schritt schickt application/json, damit der Client weiß, wie er den Body liest`,
    ackedEarly: (p) =>
      `Bestellung ${p.order} wurde auf Verbindung #${p.connection} binnen ${numbers.msUnit(p.ms, 0)} bestätigt, bevor ihre ${numbers.msUnit(p.work, 0)} Packen vorbei waren; als der Worker abbrach, war die Bestellung verloren`,
    notRedelivered: (p) =>
      `nachdem Verbindung #${p.connection} gestorben war, wurde Bestellung ${p.order} nicht erneut mit redelivered=true zugestellt`,
  },
};
