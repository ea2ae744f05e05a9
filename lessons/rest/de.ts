import { numberWords } from '../../demos/core/numbers.js';
import type { RestLesson } from './en.js';

const numbers = numberWords('de');

/** Die REST-Lektion auf Deutsch. */
export const de: RestLesson = {
  title: 'REST mit express: Ressourcen, Statuscodes, Caching, Versionierung',
  summary: 'GET, POST, 201/400/404/304, ETag-Caching und /v1 gegen /v2, jeweils auf der Leitung',
  steps: {
    list: {
      title: 'GET /v1/books: Der Server bestimmt die Struktur',
      notice: [
        'Eine Listenansicht braucht nur Titel und Autor, zurück kommen aber alle Felder jedes Buchs: Over-Fetching.',
      ],
    },
    detail: {
      title: 'Eine Ansicht, zwei Round Trips: erst das Buch, dann seine Rezensionen',
      notice: ['Buch und Rezensionen sind zwei Ressourcen, also fragt der Client zweimal: Under-Fetching.'],
    },
    create: {
      title: 'POST /v1/books: 201 Created mit Location',
      notice: [
        'Der Server antwortet 201 und nennt im Location-Header, wo das neue Buch jetzt liegt.',
        'Schreiben erfordert ein Bearer-Token: Der Client schickt es im Authorization-Header mit (Schritt 8 zeigt, warum).',
      ],
    },
    invalid: {
      title: 'Ein ungültiges Buch: 400 mit Problem Details',
      notice: ['Der Statuscode sagt „dein Fehler“; der Body (RFC 9457 problem+json) sagt, welcher genau.'],
    },
    missing: {
      title: 'Ein Buch, das es nicht gibt: 404',
      notice: ['REST schreibt den Fehler zuerst in die Statuszeile; der Body erklärt ihn nur.'],
    },
    caching: {
      title: 'Caching: ETag und If-None-Match → 304 Not Modified',
      notice: [
        'Der Client schickt das erhaltene ETag zurück; nichts hat sich geändert, also antwortet der Server 304 ganz ohne Body.',
        'Cache-Control: no-cache verbietet das Cachen nicht: Der Client darf die Liste behalten, muss aber vor jeder Wiederverwendung nachfragen, und genau das tut If-None-Match (RFC 9111 §5.2.2.4).',
      ],
    },
    versioning: {
      title: 'Versionierung in der URL: /v2/books',
      notice: ['Eine neue Struktur bekommt eine neue URL: Clients von /v1 laufen weiter, neue Clients steigen um.'],
    },
    security: {
      title: 'Ein Bearer-Token (OAuth 2.0) zum Schreiben: 401, 201, 403',
      notice: [
        'OAuth 2.0: Die Nutzerin meldet sich beim Autorisierungsserver an; der Client erhält ein Access-Token mit Scopes (hier books:read, books:write), nie das Passwort (die Tokens der Demo sind vorab ausgestellt).',
        'Das Token steht in jedem Request als „Authorization: Bearer …“ (RFC 6750): Wer es hat, kann es nutzen, also nur über TLS.',
        '401: „Wer bist du?“; 403: „Ich kenne dich, aber dein Token erlaubt das nicht.“',
      ],
    },
  },
  facts: {
    overFetching: (p) =>
      `${p.received} Felder kamen zurück, ${p.needed} wurden gebraucht: ${p.percent} % davon wurden umsonst übertragen (Over-Fetching).`,
    twoRoundTrips: (p) => `${p.trips} Round Trips für eine Ansicht, zusammen ${numbers.msUnit(p.ms)}.`,
    location: (p) => `${p.status} Created, Location: ${p.location}`,
    problems: (p) => `${p.status} Bad Request; fehlerhafte Felder: ${p.fields}.`,
    notFound: (p) => `${p.status}, Content-Type ${p.type}.`,
    notModified: (p) =>
      `304 mit leerem Body: ${numbers.bytes(p.saved)} JSON wurden nicht noch einmal geschickt (ETag ${p.etag}).`,
    v2Shape: (p) => `Felder in v1: ${p.v1}. Felder in v2: ${p.v2}.`,
    unauthorized: (p) => `Ohne Token: ${p.status} Unauthorized, WWW-Authenticate: ${p.challenge}`,
    authorized: (p) => `Mit dem Scope ${p.scope}: ${p.status} Created unter ${p.location}`,
    forbidden: (p) => `Mit einem Token nur zum Lesen: ${p.status} Forbidden, ${p.error}`,
    tokenOnWire: (p) => `Das Token (${p.token} Zeichen) macht den Header jedes Requests um ${p.header} B größer.`,
  },
};
