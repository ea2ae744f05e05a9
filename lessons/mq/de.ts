import { numberWords } from '../../demos/core/numbers.js';
import type { MqLesson } from './en.js';

const numbers = numberWords('de');

const parties: MqLesson['parties'] = {
  broker: 'Broker',
  producer: 'Producer',
  consumer: 'Consumer',
  worker: (p) => `Worker ${p.n}`,
  shop: 'Webshop',
  catalogue: 'Katalog',
  email: 'E-Mail',
  searchIndex: 'Suchindex',
  audit: 'Audit',
  standardShipping: 'Standardversand',
  expressShipping: 'Expressversand',
  scifi: 'Sci-Fi-Fans',
  newReleases: 'Neuerscheinungen',
  restock: 'Nachbestellung',
  allMatch: 'deutsche E-Books (all)',
  anyMatch: 'E-Book oder deutsch (any)',
  priceService: 'Preisdienst',
  priceClient: 'Shop-Frontend',
  checker: 'Bestellprüfer',
  deadLetters: 'Dead Letters',
  orderService: 'Bestelldienst',
  reportService: 'Berichtsdienst',
  buggyWorker: 'fehlerhafter Worker',
  fixedWorker: 'reparierter Worker',
};

type GrammaticalCase = 'nominative' | 'genitive';

/** The parties that facts put into a sentence, with article and ending for each case the sentences need. */
const partyForms: Record<string, Record<GrammaticalCase, string>> = {
  [parties.broker]: { nominative: 'der Broker', genitive: 'des Brokers' },
  [parties.buggyWorker]: { nominative: 'der fehlerhafte Worker', genitive: 'des fehlerhaften Workers' },
  [parties.fixedWorker]: { nominative: 'der reparierte Worker', genitive: 'des reparierten Workers' },
  [parties.orderService]: { nominative: 'der Bestelldienst', genitive: 'des Bestelldiensts' },
  [parties.reportService]: { nominative: 'der Berichtsdienst', genitive: 'des Berichtsdiensts' },
  [parties.standardShipping]: { nominative: 'der Standardversand', genitive: 'des Standardversands' },
  [parties.expressShipping]: { nominative: 'der Expressversand', genitive: 'des Expressversands' },
};

/** A party inside a sentence, declined; a name with a number ("Worker 2") needs no article and stands as it is. */
function party(name: string, grammaticalCase: GrammaticalCase): string {
  return partyForms[name]?.[grammaticalCase] ?? name;
}

const sentenceStart = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Die Message-Queue-Lektion auf Deutsch. */
export const de: MqLesson = {
  title: 'Message Queues mit RabbitMQ: AMQP 0-9-1, Frame für Frame',
  summary:
    'Queues, faire Verteilung, erneute Zustellung, die vier Exchange-Typen, RPC, Confirms und Dead Letters an einem echten Broker',
  steps: {
    hello: {
      title: '„Hello World!“ über eine Queue: Producer und Consumer aus der Vorlesung, in TypeScript',
      notice: [
        'Unter den Frames: Producer und Consumer dieses Schritts als TypeScript-Programme (amqplib), jeweils gefolgt vom Python-Programm der Vorlesung (pika), das dieselben Aufrufe macht: queue_declare ist assertQueue, basic_publish ist sendToQueue, basic_consume ist consume. (Die Namen der Queues tragen das Präfix dieses Laufs, awt-…, damit sich Läufe nie begegnen.)',
        'Producer und Consumer sind nie gleichzeitig verbunden: Der Producer hat seine Verbindung schon geschlossen, bevor der Consumer sich verbindet. Bis dahin hält die Queue im Broker die Nachricht.',
      ],
    },
    'work-queue': {
      title: 'Work Queue: zehn Bestellungen, zwei Worker, manuelles Ack, Prefetch 1',
      notice: [
        'Jeder Worker schickt Basic.Qos prefetchCount=1: „Gib mir die nächste Bestellung erst, wenn ich die letzte bestätigt habe.“',
        'Worker 1 läuft auf einem alten Rechner und braucht zum Packen dreimal so lange. Mit Prefetch 1 bestätigt der schnellere Worker früher und bekommt deshalb früher die nächste Bestellung: faire Verteilung statt stur reihum.',
      ],
    },
    'fault-tolerance': {
      title: 'Fehlertoleranz: Ein Worker stirbt mitten in einer Bestellung',
      notice: [
        'Worker 1 stirbt mit einer Bestellung, die er nicht bestätigt hat: kein Basic.Ack, kein Connection.Close, seine TCP-Verbindung endet einfach.',
        'Achte auf redelivered=true: Der Broker gibt dieselbe Bestellung Worker 2. Zähl die Acks: Nichts geht verloren.',
      ],
    },
    durability: {
      title: 'Dauerhaftigkeit: eine durable Queue und persistente Nachrichten',
      notice: [
        'Zwei Flags entscheiden, was einen Neustart des Brokers übersteht: durable=true in Queue.Declare (die Queue) und deliveryMode=2 im Content-Header (die Nachricht).',
        'Nötig sind beide: Eine persistente Nachricht in einer flüchtigen Queue geht mit ihrer Queue verloren.',
      ],
    },
    fanout: {
      title: 'Fanout: ein Ereignis „Buch hinzugefügt“, drei Dienste',
      notice: [
        'Der Katalog veröffentlicht ein einziges Mal an einen Fanout-Exchange; der Broker legt eine Kopie in jede gebundene Queue: E-Mail, Suchindex, Audit.',
        'Ein neuer Dienst bindet seine eigene Queue, und der Sender ändert sich nicht: Das ist Entkopplung.',
      ],
    },
    direct: {
      title: 'Direct: Bestellungen nach Versandart geroutet',
      notice: [
        'Ein Direct-Exchange vergleicht den Routing Key Zeichen für Zeichen mit jedem Binding Key.',
        'mandatory=true: Eine Bestellung, für die keine Queue gebunden ist, kommt als Basic.Return zurück, statt zu verschwinden.',
      ],
    },
    topic: {
      title: 'Topic: book.<Genre>.<Ereignis> gegen * und #',
      notice: [
        'Routing Keys sind Wörter zwischen Punkten. In einem Binding steht * für genau ein Wort und # für beliebig viele, auch keines.',
        'Unter dem Diagramm: welche Queues jeder Key erreicht hat und welche Wörter * oder # aufgenommen haben.',
      ],
    },
    headers: {
      title: 'Headers-Exchange: x-match all und any',
      notice: [
        'Hier entscheidet die Header-Tabelle der Nachricht, nicht ihr Routing Key. x-match=all verlangt, dass jeder gebundene Header passt; x-match=any, dass einer passt.',
      ],
    },
    rpc: {
      title: 'RPC über Queues: ein Preisangebot mit replyTo und correlationId',
      notice: [
        'Der Client nennt seine Antwort-Queue in replyTo und kennzeichnet die Frage mit einer correlationId; der Preisdienst antwortet an diese Queue mit derselben ID.',
        'Frage und Antwort sind zwei Nachrichten, vier Teilstrecken über den Broker; die Zeit von der Frage bis zur Antwort, die dieser Lauf gemessen hat, steht unten. Was der Umweg bringt: Der Dienst darf beschäftigt oder nicht erreichbar sein, wenn der Client fragt, und die Frage wartet in seiner Queue.',
      ],
    },
    confirms: {
      title: 'Publisher Confirms: Der Broker bestätigt dem Producer',
      notice: [
        'Confirm.Select schaltet den Kanal in den Confirm-Modus: Ab dann beantwortet der Broker jede Veröffentlichung mit Basic.Ack, sobald die Nachricht sicher ist.',
        'multiple=true bestätigt alles bis zu diesem deliveryTag in einem einzigen Frame.',
      ],
    },
    'dead-letter': {
      title: 'Eine Giftnachricht landet in der Dead-Letter-Queue',
      notice: [
        'Der Prüfer weist eine Bestellung zurück, die er nie verarbeiten kann: Basic.Reject requeue=false. Zurück in die Queue gelegt, käme sie ewig wieder.',
        'Ihre Queue wurde mit x-dead-letter-exchange deklariert, also veröffentlicht der Broker die abgelehnte Bestellung dort neu, mit einem x-death-Header, der den Grund nennt.',
      ],
    },
    'no-exchange': {
      title: 'Fehlerfall: an einen Exchange veröffentlichen, den es nicht gibt',
      notice: [
        'Basic.Publish hat keine Antwort, also kommt der Fehler unaufgefordert (asynchron): Der Broker schließt den Kanal mit 404 NOT_FOUND.',
        'Nur der Kanal ist weg; die Verbindung bleibt, und ein neuer Kanal macht weiter.',
      ],
    },
    'conflicting-queue': {
      title: 'Fehlerfall: eine Queue, mit anderen Argumenten deklariert',
      notice: [
        'Queue.Declare heißt „sorge dafür, dass es sie gibt, genau so“. Ein zweiter Dienst, der sie anders deklariert, bekommt 406 PRECONDITION_FAILED und verliert seinen Kanal.',
      ],
    },
    'throwing-consumer': {
      title: 'Fehlerfall: ein Consumer, der eine Exception wirft',
      notice: [
        'Der Nachrichten-Callback wirft eine Exception. amqplib schließt daraufhin den Kanal des Consumers mit 541 INTERNAL_ERROR: Dieses Close geht vom Client zum Broker.',
        'Die Nachricht wurde nie bestätigt, also hat der Broker sie noch und stellt sie dem nächsten Consumer zu.',
      ],
    },
  },
  code: {
    producerTypescript: 'Producer in TypeScript (amqplib), so wie dieser Schritt ihn ausführt:',
    producerPython: 'Der Producer der Vorlesung in Python (pika):',
    consumerTypescript: 'Consumer in TypeScript (amqplib), so wie dieser Schritt ihn ausführt:',
    consumerPython: 'Der Consumer der Vorlesung in Python (pika):',
  },
  parties,
  facts: {
    helloDecoupled: (p) =>
      `Der Consumer verband sich ${numbers.msUnit(p.gap)}, nachdem der Producer seine Verbindung geschlossen hatte, und bekam trotzdem „${p.body}“.`,
    helloWaiting: (p) =>
      `Queue.DeclareOk meldete dem Consumer messageCount=${p.count}, noch bevor er abonniert hatte: Die Nachricht wartete in der Queue.`,
    helloNoAck: (p) =>
      `noAck=true: Der Broker vergisst eine Nachricht, sobald er sie verschickt hat, deshalb ${p.acks === 0 ? 'ging kein Basic.Ack' : `gingen ${p.acks} Basic.Ack`} über die Leitung.`,
    perWorker: (p) => `${p.worker} packte ${p.count} Bestellungen: ${p.orders}.`,
    fairDispatch: (p) =>
      `Auf der Leitung gemessen: Kein Worker hatte je mehr als ${p.most} unbestätigte Bestellung (Basic.Qos prefetchCount=1).`,
    strictTurns: (p) =>
      `Ohne Prefetch hätte der Broker die Bestellungen strikt reihum verteilt: ${p.each} an jeden Worker, egal wie langsam er ist.`,
    crashed: (p) => `${p.worker} starb mit Bestellung ${p.order}: Er schickte weder Basic.Ack noch Connection.Close.`,
    redelivered: (p) =>
      `Der Broker stellte Bestellung ${p.order} noch einmal zu, an ${p.worker}, mit redelivered=true.`,
    nothingLost: (p) =>
      `Veröffentlicht: ${p.published}, bestätigt: ${p.one} von ${p.first} und ${p.two} von ${p.second}; verloren: ${p.lost}.`,
    survives: (p) =>
      `Bestellung ${p.order}, deliveryMode=${p.mode} in ${p.queue} (durable=${p.durable}): übersteht den Absturz eines Consumers, ${
        p.restart === 'true'
          ? 'und auch einen Neustart des Brokers.'
          : p.queueGone === 'true'
            ? 'aber keinen Neustart des Brokers: Die Queue selbst ist dann weg.'
            : 'aber keinen Neustart des Brokers: Die Queue kommt ohne sie zurück.'
      }`,
    inMemory:
      'Dieser Lauf nutzt den eingebauten Broker: Er hält alle Queues und Nachrichten nur im Speicher und vergisst alles, sobald er endet. Beide Flags nimmt er an wie RabbitMQ und antwortet genauso; „übersteht einen Neustart des Brokers“ beschreibt, was RabbitMQ behielte, denn RabbitMQ schreibt durable Queues und persistente Nachrichten auf die Platte.',
    fanout: (p) => `${p.published} Basic.Publish, ${p.delivered} Basic.Deliver: je eine Kopie für ${p.to}.`,
    fanoutKey:
      'Der Routing Key war leer und spielte keine Rolle: Ein Fanout-Exchange kopiert jede Nachricht in jede gebundene Queue.',
    routed: (p) =>
      `${sentenceStart(party(p.party, 'nominative'))} bekam ${p.count === 1 ? 'die Bestellung' : 'die Bestellungen'} ${p.orders} (Routing Key ${p.keys}).`,
    returned: (p) =>
      `Bestellung ${p.order} (Routing Key ${p.key}) passte auf kein Binding und kam zurück: Basic.Return ${p.code}. Ohne mandatory=true hätte der Broker sie stillschweigend verworfen.`,
    topicKey: (p) => `${p.key} → ${p.to}`,
    topicNone: (p) => `${p.key} → kein Binding passte: Der Broker hat die Nachricht verworfen.`,
    headersTo: (p) => `${p.headers} → ${p.to}`,
    headersNone: (p) => `${p.headers} → passte auf kein Binding: verworfen.`,
    rpcRequest: (p) =>
      `Die Frage trug replyTo=${p.replyTo} (eine Queue, die der Broker benannt hat, exklusiv für die Verbindung des Clients) und correlationId=${p.correlationId}.`,
    rpcReply: (p) =>
      p.same === 'true'
        ? `Die Antwort kam ${numbers.msUnit(p.ms)} später auf dieser Queue an, mit derselben correlationId: total="${p.total}".`
        : `Die correlationId der Antwort passte nicht zur Frage (total="${p.total}").`,
    rpcHops: (p) =>
      `Eine Frage, eine Antwort, ${p.hops} Nachrichten auf der Leitung: Client → Broker → Dienst → Broker → Client.`,
    confirmMode: (p) =>
      `Nach Confirm.Select nummerierte der Broker die ${p.published} Veröffentlichungen des Kanals mit 1, 2, 3, … und bestätigte sie unter diesen Nummern.`,
    brokerAcks: (p) =>
      `Die Acks des Brokers: ${p.acks} (${p.frames} Frame${p.frames === 1 ? '' : 's'} für alle zusammen).`,
    confirmTime: (p) =>
      `Das letzte Ack kam ${numbers.msUnit(p.ms)} nach der letzten Veröffentlichung: Persistente Nachrichten in einer durable Queue bestätigt der Broker, sobald sie auf der Platte sind.`,
    rejected: (p) =>
      `Der Prüfer bestätigte Bestellung ${p.acked} und wies Bestellung ${p.rejected} mit requeue=${p.requeue} zurück.`,
    deadLettered: (p) =>
      `Bestellung ${p.order} kam in der Dead-Letter-Queue an; ihr x-death-Header sagt reason=${p.reason}, queue=${p.queue}, count=${p.count}.`,
    withoutDlx:
      'Ohne x-dead-letter-exchange wird eine zurückgewiesene Nachricht einfach verworfen; mit requeue=true käme eine Giftnachricht immer und immer wieder.',
    channelClosedByBroker: (p) =>
      `publish() lieferte sofort ${p.accepted}, danach schloss der Broker Kanal ${p.channel}: ${p.close}.`,
    connectionLives: (p) =>
      p.acked === 'true'
        ? `Die Verbindung blieb offen: Auf einem neuen Kanal (Nummer ${p.channel}, wieder frei) bestätigte der Broker dieselbe Bestellung mit Basic.Ack.`
        : `Die Verbindung blieb offen, aber die Bestellung auf dem neuen Kanal ${p.channel} wurde nicht bestätigt.`,
    declareRefused: (p) =>
      `Der Broker lehnte das Queue.Declare ${party(p.party, 'genitive')} ab und schloss dessen Kanal: ${p.close}.`,
    firstDeclarationWins: (p) =>
      `${p.queue} behält ihre ersten Argumente (x-message-ttl=60000): Ein passives Queue.Declare auf einem neuen Kanal, das nur prüft, ob es die Queue gibt, funktioniert weiterhin.`,
    consumerThrew: (p) =>
      `Der Callback warf „${p.error}“; daraufhin schloss ${party(p.sender, 'nominative')} den Kanal: ${p.close}.`,
    requeuedAfterThrow: (p) =>
      `Die Bestellung ging nicht verloren: ${sentenceStart(party(p.worker, 'nominative'))} bekam sie mit redelivered=${p.redelivered} und bestätigte sie. Veröffentlicht: ${p.published}, bestätigt: ${p.acked}.`,
  },
};
