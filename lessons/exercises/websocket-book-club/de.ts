import type { ExerciseText } from '../../../demos/exercises/types.js';

export const de: ExerciseText = {
  title: 'Der Buchclub der WebSocket-Demo mit dem Paket ws',
  summary: 'Handshake mit Bearer-Token, Broadcast an alle Mitglieder, 401 ohne Token, 1003 für Binärdaten, Pong',
  task: [
    'Baue den Buchclub der WebSocket-Demo mit dem Paket `ws` in TypeScript: einen WebSocket-Endpunkt unter `/chat` auf einem einfachen HTTP-Server, der das Chat-Protokoll der Demo spricht (`awt-demo websocket` zeigt es auf der Leitung).',
    '- Mitglieder treten mit `ws://localhost:8080/chat?name=Ada` und dem Bearer-Token `book-club` bei: im Header `Authorization: Bearer book-club` (Node-Clients) oder als `?access_token=book-club` (Browser, die keine Header setzen können). Ohne Token bekommt der Handshake `401 Unauthorized` mit `WWW-Authenticate: Bearer …` statt `101`.\n- Ein Mitglied schickt Text-Frames mit JSON: `{"type":"chat","text":"…"}`. Jedes Mitglied, auch der Absender, bekommt `{"type":"chat","from":"Ada","text":"…"}`.\n- Der Club spricht nur JSON-Text: Ein Binär-Frame schließt die Verbindung mit dem Code `1003` (nicht unterstützte Daten).\n- Auf einen Ping antwortet der Server mit einem Pong mit derselben Payload.',
  ],
  steps: [
    '1. Öffne `src/server.ts`. Der Server startet und nimmt schon WebSocket-Verbindungen an; jedes `TODO` markiert eine Regel, die du schreibst.',
    '2. Schreibe eine Regel nach der anderen und führe nach jeder die Prüfungen aus; eine fehlgeschlagene Prüfung zeigt den Handshake und die Frames in beiden Richtungen, so wie der Tap sie gesehen hat.',
    '3. Vergleiche mit der Demo: `awt-demo websocket` zeigt dieselben Frames gegen den Referenzserver; `awt-demo tap http://localhost:8080/chat` zeigt, was deine eigenen Clients senden.',
  ],
  checks: {
    handshake: {
      title: 'Der Handshake an /chat mit Token antwortet mit 101, mit dem Token im Header und in der Query',
      expected:
        '101 Switching Protocols mit korrektem Sec-WebSocket-Accept, für Authorization: Bearer book-club und für ?access_token=book-club',
      hints: [
        'Ein WebSocket beginnt als HTTP-Request mit Upgrade: websocket; der Server antwortet mit 101, und ab dann sprechen beide Seiten Frames (RFC 6455 §4). Browser können keine Header setzen, deshalb darf das Token auch in der URL stehen.',
        "Lies das Token aus `request.headers.authorization` (`Bearer <token>`) oder, wenn es dort fehlt, aus `new URL(request.url, 'http://localhost').searchParams.get('access_token')`.",
        "So sieht es aus: `const bearer = /^Bearer\\s+(\\S+)$/i.exec(request.headers.authorization ?? '')?.[1]; const given = bearer ?? url.searchParams.get('access_token'); if (given !== 'book-club') …ablehnen…; wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));`",
      ],
    },
    broadcast: {
      title: 'Eine Chat-Nachricht erreicht jedes Mitglied, auch den Absender',
      expected:
        'drei Mitglieder treten bei; das erste schickt {"type":"chat","text":"…"}; jedes der drei bekommt {"type":"chat","from":"<Name des Absenders>","text":"…"}',
      hints: [
        'Broadcast heißt: Der Server schickt eine Nachricht an jede offene Verbindung. Auch der Absender ist Mitglied: Er erfährt, dass seine Nachricht verschickt wurde, indem er sie zurückbekommt.',
        "`wss.clients` ist die Menge der offenen Verbindungen; schicke an jede mit `readyState === WebSocket.OPEN`. Den Namen des Absenders liefert `?name=` aus seinem Handshake-Request (das zweite Argument des Events 'connection').",
        "So sieht es aus: `const out = JSON.stringify({ type: 'chat', from: name, text: message.text }); for (const member of wss.clients) if (member.readyState === WebSocket.OPEN) member.send(out);`",
      ],
    },
    'no-token': {
      title: 'Ohne Token antwortet der Handshake mit 401 und WWW-Authenticate',
      expected: 'HTTP 401 Unauthorized statt 101, mit einem Header WWW-Authenticate, der das Schema Bearer nennt',
      hints: [
        'Das Token wird geprüft, bevor die 101 gesendet wird: Bis dahin ist es ein gewöhnlicher HTTP-Request, also antwortet ein gewöhnlicher HTTP-Fehler, und der Client wird nie Mitglied.',
        "Behandle das Event 'upgrade' des HTTP-Servers selbst (`new WebSocketServer({ noServer: true })`); für einen Request ohne Token schreibst du eine einfache HTTP-Response auf den Socket und beendest ihn.",
        'So sieht es aus: `socket.end(\'HTTP/1.1 401 Unauthorized\\r\\nWWW-Authenticate: Bearer realm="book-club"\\r\\nContent-Length: 0\\r\\nConnection: close\\r\\n\\r\\n\');`',
      ],
    },
    binary: {
      title: 'Ein Binär-Frame schließt die Verbindung mit 1003',
      expected: 'nach einem Binär-Frame ein Close-Frame mit dem Statuscode 1003 (nicht unterstützte Daten)',
      hints: [
        'Jede WebSocket-Nachricht ist Text oder binär (der Opcode sagt, was). Der Club versteht nur JSON-Text, und RFC 6455 §7.4.1 hat einen Close-Code für Daten, die ein Endpunkt nicht annehmen kann.',
        "Das Event 'message' von ws liefert `(data, isBinary)`; `ws.close(code, reason)` sendet den Close-Frame.",
        "So sieht es aus: `ws.on('message', (data, isBinary) => { if (isBinary) return ws.close(1003, 'The book club speaks JSON text.'); … });`",
      ],
    },
    pong: {
      title: 'Auf einen Ping antwortet der Server mit einem Pong mit derselben Payload',
      expected: 'ein Pong-Frame mit genau der Payload des Pings',
      hints: [
        'Ping und Pong sind Control-Frames (RFC 6455 §5.5.2–5.5.3): Ein Endpunkt beantwortet jeden Ping mit einem Pong mit denselben Anwendungsdaten; so erfährt jede Seite, ob die andere noch da ist.',
        "ws beantwortet Pings selbst, außer der Server wurde mit `autoPong: false` erzeugt; dann muss `ws.on('ping', …)` mit `ws.pong(data)` antworten.",
        "So sieht es aus: Lass `autoPong` auf seinem Standardwert, oder: `ws.on('ping', (data) => ws.pong(data));`",
      ],
    },
  },
};
