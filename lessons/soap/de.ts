import { numberWords } from '../../demos/core/numbers.js';
import type { SoapLesson } from './en.js';

const numbers = numberWords('de');

/** Die SOAP-Lektion auf Deutsch. */
export const de: SoapLesson = {
  title: 'SOAP mit dem soap-Paket: WSDL, Envelopes, Faults, WS-Security',
  summary:
    'ein WSDL-1.1-Vertrag, XML-Envelopes für vier Operationen, SOAP-Faults und ein UsernameToken, auf der Leitung',
  steps: {
    wsdl: {
      title: 'GET ?wsdl: der Vertrag, aus dem ein Client erzeugt wird',
      notice: [
        'Die WSDL nennt die Operationen, die XML-Typen ihrer Nachrichten (XSD) und die Adresse, an die sie gehen. Das soap-Paket liest sie und baut daraus einen Client mit einer Methode pro Operation. --full zeigt das ganze Dokument.',
      ],
    },
    listBooks: {
      title: 'ListBooks: ein ganzer SOAP-Envelope',
      notice: [
        'Jeder Aufruf ist ein POST eines XML-Envelopes an dieselbe URL; der SOAPAction-Header und das Element in soap:Body nennen die Operation.',
        'Die Response enthält dieselben Bücher mit denselben sechs Feldern (id, title, author, year, isbn, createdAt) wie GET /v1/books bei REST und die GraphQL-Query { books { id title author year isbn createdAt } }, beide in diesem Lauf abgefragt: Nur die Verpackung unterscheidet sich.',
      ],
    },
    getBook: {
      title: 'GetBook(1), GetBookWithReviews(1): eine URL für alles',
      notice: [
        'SOAP hat keine URL pro Buch: Die ID steht im Envelope. GetBookWithReviews ist eine eigene Operation und liefert das Buch samt Rezensionen in einem Round Trip.',
      ],
    },
    addBook: {
      title: 'AddBook: Schreiben braucht ein WS-Security-Token',
      notice: [
        'AddBook ändert Daten, also will der Dienst wissen, wer aufruft: Der soap:Header enthält ein WS-Security-UsernameToken (Schritt 7 zeigt, was ohne passiert).',
        'Die XSD-Typen machen aus der XML-Response im Client wieder typisierte Werte.',
      ],
    },
    fault: {
      title: 'GetBook(999): ein SOAP-Fault mit HTTP 500',
      notice: [
        'SOAP 1.1 meldet einen Fehler als Fault im Body: faultcode soap:Client heißt „der Request des Clients ist schuld“, und über HTTP kommt jeder Fault mit Status 500 (SOAP 1.1 §6.2), während REST mit 404 antwortet.',
        'Der erzeugte Client macht aus dem Fault ein abgelehntes Promise.',
      ],
    },
    invalid: {
      title: 'Ungültiges AddBook (leerer Titel): gemeinsame Regeln',
      notice: [
        'Dieselben Regeln prüfen ein neues Buch in jedem Paradigma: Das detail des Faults nennt dieselben Problem-Codes wie die 400-Response von REST und die errors von GraphQL, denen dieser Lauf dasselbe Buch geschickt hat.',
      ],
    },
    security: {
      title: 'WS-Security: AddBook ohne Token, dann mit',
      notice: [
        'Ohne UsernameToken wird der Aufruf mit dem WS-Security-Fault wsse:FailedAuthentication abgewiesen; mit einem gültigen Token geht er durch.',
        'Das Token ist ein PasswordDigest: Base64(SHA-1(Nonce + Created + Passwort)). Das Passwort selbst geht nie über die Leitung, und eine einmal benutzte Nonce lässt sich nicht wieder einspielen.',
      ],
    },
    serverFault: {
      title: 'GetBook(1) bei ausgefallenem Speicher: ein soap:Server-Fault',
      notice: [
        'SOAP 1.1 §4.4.1 nennt den Schuldigen. soap:Client (Schritt 5): „Deine Nachricht ist falsch“, dieselbe Nachricht noch einmal zu schicken, ist also sinnlos. soap:Server: „Deine Nachricht war in Ordnung, ich konnte sie nicht verarbeiten“, derselbe Request kann später also gelingen.',
        'Hier erreicht der Dienst für einen Aufruf seinen Buchspeicher nicht. Beide Faults kommen mit HTTP 500 (§6.2): Nur der faultcode sagt dem Client, ob sich ein erneuter Versuch lohnt.',
      ],
    },
  },
  facts: {
    wsdl: (p) => `Die WSDL: ${numbers.bytes(p.bytes)} in ${p.lines} Zeilen, mit den Operationen ${p.operations}.`,
    generated: (p) => `Der daraus erzeugte Client bietet: ${p.methods}.`,
    bodySizes: (p) =>
      `Dieselben ${p.books} Bücher, Bodies der Responses: SOAP ${numbers.bytes(p.soap)} XML, REST ${numbers.bytes(p.rest)} und GraphQL ${numbers.bytes(p.graphql)} JSON; SOAP braucht ${numbers.ratio(p.ratio)}-mal so viele Bytes wie REST.`,
    totalSizes: (p) =>
      `Mit Statuszeile und Headern: SOAP ${numbers.bytes(p.soap)}, REST ${numbers.bytes(p.rest)}, GraphQL ${numbers.bytes(p.graphql)}.`,
    oneEndpoint: (p) =>
      `${p.calls} Aufrufe, eine URL: Jeder ist POST ${p.target}; nur die SOAPAction (${p.actions}) und das Element im Body unterscheiden sich.`,
    withReviews: (p) => `GetBookWithReviews: „${p.title}“ mit ${p.reviews} Rezensionen, in einem Round Trip.`,
    created: (p) =>
      `Neues Buch mit der ID ${p.id}. Im Client ist year vom Typ ${p.year} und createdAt vom Typ ${p.createdAt}, wie es die XSD sagt.`,
    fault: (p) => `HTTP ${p.status}; faultcode ${p.code}, faultstring „${p.string}“, detail ${p.detail}`,
    surfaced: (p) =>
      `Das Promise wird mit einem Fehler abgelehnt (rejected), seine Meldung: „${p.message}“; error.root.Envelope.Body.Fault enthält den geparsten Fault.`,
    problems: (p) =>
      `detail des Faults: ${p.soap}. Die 400-Response von REST für dasselbe Buch: ${p.rest}. Die errors von GraphQL: ${p.graphql}.`,
    sameCodes: 'Dieselben Problem-Codes in allen drei Paradigmen.',
    differentCodes:
      'Die Problem-Codes unterscheiden sich zwischen den Paradigmen: ein Fehler in den gemeinsamen Regeln.',
    refused: (p) =>
      `Ohne Token: HTTP ${p.status}, faultcode ${p.code}, faultstring „${p.reason}“${p.reason.endsWith('.') ? '' : '.'}`,
    accepted: (p) => `Mit Token: AddBook ging durch, neues Buch mit der ID ${p.id}.`,
    noPassword: (p) =>
      p.count === 0
        ? `Das Passwort steht nirgends in den ${numbers.bytes(p.bytes)}, die der Client in diesem Schritt gesendet hat.`
        : `Das Passwort steht ${p.count}-mal in den ${numbers.bytes(p.bytes)}, die der Client in diesem Schritt gesendet hat.`,
    serverFault: (p) => `Speicher ausgefallen: HTTP ${p.status}; faultcode ${p.code}, faultstring „${p.string}“`,
    retried: (p) =>
      `Derselbe Aufruf GetBook(1), sobald der Speicher wieder antwortet: HTTP ${p.status}, „${p.title}“. Der erneute Versuch war richtig.`,
  },
};
