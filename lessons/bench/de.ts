import type { BenchLesson } from './en.js';

/** `awt-demo bench` auf Deutsch. */
export const de: BenchLesson = {
  why: {
    rest: 'express wählt die Route, macht aus der Liste JSON und berechnet daraus das ETag, jedes Mal.',
    graphql: 'graphql-http parst und validiert die Query und löst dann jedes Feld jedes Buchs auf, jedes Mal.',
    soap: 'Der Envelope wird zweimal geparst (die strenge Prüfung der Demo, dann das soap-Paket) und die Response als XML geschrieben, jedes Mal.',
    websocket:
      'Nach dem einen Handshake gibt es kein HTTP mehr: Ein Request ist ein kleiner Text-Frame, die Response ein Frame ' +
      'mit 4 Byte Header; keine Seite parst eine HTTP-Nachricht, wie es selbst die Referenz je Request zweimal tut. ' +
      'Die Obergrenze ist die von HTTP; WebSocket kann darüber liegen.',
    mq:
      'Jeder Request geht zweimal durch RabbitMQ (zur Queue des Dienstes, dann die Response zum Kanal des Clients). ' +
      'Der Broker ist ein eigener Prozess: Seine CPU-Zeit steckt nicht in dieser Zahl, er läuft aber auf denselben Kernen.',
  },
  notes: {
    reference:
      'node:http ist die Referenz: nacktes node:http, das mit genau den Bytes der REST-Liste antwortet, einmal vorab ' +
      'berechnet. Kein HTTP-Server in node tut weniger je Request; seine Zeile zeigt also, wie viel dieser Rechner mit ' +
      'diesem Lastgenerator über HTTP höchstens messen kann: die Obergrenze. WebSocket und AMQP schicken je Vorgang ' +
      'keinen HTTP-Request und können darüber liegen.',
    reading:
      '× node:http = Requests pro Sekunde geteilt durch die der Referenz. Die Latenz reicht vom Senden eines Requests ' +
      'bis zum letzten Byte seiner Response; p90 und p99: 90 % und 99 % der Requests waren mindestens so schnell.',
    threads:
      'Die Server laufen im Haupt-Thread, der Lastgenerator in einem eigenen Thread desselben Prozesses; ' +
      'Client und Server wechseln sich also nicht auf einem Thread ab. Die CPU-Zeit ist die des ganzen ' +
      'Prozesses: Sie enthält auch die Arbeit des Clients, bei der Referenz den größten Teil.',
    machine: (p) =>
      `node ${p.node}, ${p.cpus} CPU-Kerne (${p.model}), Load Average ${p.load} zu Beginn. Andere Programme ` +
      'verändern die Werte: Vergleiche die Zeilen eines Laufs, nicht Läufe miteinander.',
  },
};
