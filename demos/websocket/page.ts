/**
 * The browser page for `--serve`: a book-club chat with live "new book" notices,
 * written against the browser's own WebSocket API (onopen, onmessage, onclose,
 * onerror), as in the lecture. Shipped as strings, so the build needs no copy step.
 * Its words come from the lesson catalogue; the script picks the browser's language.
 */

/** Every label of the page; {name} marks a value the script fills in. */
export interface PageLabels {
  title: string;
  intro: string;
  name: string;
  token: string;
  join: string;
  connecting: string;
  connected: string;
  closed: string;
  refused: string;
  chat: string;
  message: string;
  send: string;
  newBooks: string;
  newBook: string;
  bookTitle: string;
  bookAuthor: string;
  add: string;
  added: string;
  notAdded: string;
  events: string;
}

export type PageTexts = Record<'en' | 'de', PageLabels>;

/**
 * The page does not carry the token: whoever can read a response of this server (a page
 * on another origin that got around the same-origin policy, a proxy log) would have it.
 * The user types it in from the terminal, where awt-demo --serve shows it.
 */
export function pageHtml(texts: PageTexts): string {
  // "<" escaped, so no text can end the script element early.
  const json = JSON.stringify(texts).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>awt-demo websocket</title>
<style>
  body { font: 16px/1.4 system-ui, sans-serif; max-width: 52rem; margin: 1.5rem auto; padding: 0 1rem; }
  form { display: flex; gap: .5rem; flex-wrap: wrap; margin: .5rem 0; }
  input { padding: .3rem; } ul, ol { padding-left: 1.2rem; }
  #status { font-weight: bold; } #events { font: 13px/1.3 ui-monospace, monospace; color: #555; }
  section { border-top: 1px solid #ddd; margin-top: 1rem; }
</style>
</head>
<body>
<h1 data-t="title"></h1>
<p data-t="intro"></p>
<form id="join">
  <input id="name" required maxlength="40" data-p="name">
  <input id="token" required autocomplete="off" data-p="token">
  <button data-t="join"></button>
</form>
<p id="status" role="status"></p>
<section>
  <h2 data-t="chat"></h2>
  <ul id="messages"></ul>
  <form id="say"><input id="text" required data-p="message" disabled><button data-t="send" disabled></button></form>
</section>
<section>
  <h2 data-t="newBooks"></h2>
  <ul id="books"></ul>
  <form id="add">
    <input id="bookTitle" required data-p="bookTitle"><input id="bookAuthor" required data-p="bookAuthor">
    <button data-t="add"></button>
  </form>
  <p id="added"></p>
</section>
<section>
  <h2 data-t="events"></h2>
  <ol id="events"></ol>
</section>
<script type="application/json" id="texts">${json}</script>
<script src="/app.js"></script>
</body>
</html>
`;
}

/** Plain browser JavaScript; text goes in with textContent only, so chat messages cannot inject HTML. */
export const pageScript = `'use strict';
const texts = JSON.parse(document.getElementById('texts').textContent);
const lang = (navigator.language || 'en').toLowerCase().startsWith('de') ? 'de' : 'en';
const t = texts[lang];
const fill = (template, values) => template.replace(/\\{(\\w+)\\}/g, (_, key) => String(values[key] ?? ''));
const $ = (id) => document.getElementById(id);
document.documentElement.lang = lang;
for (const el of document.querySelectorAll('[data-t]')) el.textContent = t[el.dataset.t];
for (const el of document.querySelectorAll('[data-p]')) {
  el.placeholder = t[el.dataset.p];
  el.setAttribute('aria-label', t[el.dataset.p]);
}
$('name').value = new URLSearchParams(location.search).get('name') || 'guest-' + Math.floor(Math.random() * 900 + 100);

let socket;
let opened = false;

function item(list, text) {
  const li = document.createElement('li');
  li.textContent = text;
  $(list).append(li);
  return li;
}

function event(name, detail) {
  item('events', detail === undefined ? name : name + ': ' + detail);
}

function chatting(on) {
  for (const el of $('say').elements) el.disabled = !on;
}

$('join').onsubmit = (e) => {
  e.preventDefault();
  if (socket) socket.close(1000, 'rejoining');
  const url = new URL('/chat', location.href);
  url.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  url.searchParams.set('name', $('name').value);
  // The WebSocket API cannot send an Authorization header: the token travels in the query (RFC 6750 §2.3).
  url.searchParams.set('access_token', $('token').value);
  $('status').textContent = t.connecting;
  opened = false;
  const ws = new WebSocket(url);
  socket = ws;
  ws.onopen = () => {
    opened = true;
    event('onopen');
    $('status').textContent = t.connected;
    chatting(true);
  };
  ws.onmessage = (message) => {
    event('onmessage', message.data);
    const data = JSON.parse(message.data);
    if (data.type === 'chat') item('messages', data.from + ': ' + data.text);
    if (data.type === 'bookAdded') item('books', fill(t.newBook, data.book));
  };
  ws.onerror = () => event('onerror');
  ws.onclose = (closing) => {
    event('onclose', closing.code + (closing.reason ? ' ' + closing.reason : ''));
    if (socket !== ws) return;
    chatting(false);
    $('status').textContent = opened ? fill(t.closed, closing) : t.refused;
  };
};

$('say').onsubmit = (e) => {
  e.preventDefault();
  socket.send(JSON.stringify({ type: 'chat', text: $('text').value }));
  $('text').value = '';
};

$('add').onsubmit = async (e) => {
  e.preventDefault();
  const book = { title: $('bookTitle').value, author: $('bookAuthor').value };
  const response = await fetch('/books', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(book),
  });
  $('added').textContent = fill(response.ok ? t.added : t.notAdded, { ...book, status: response.status });
  if (response.ok) $('add').reset();
};
`;
