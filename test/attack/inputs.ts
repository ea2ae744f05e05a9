/**
 * The hostile inputs of the attack campaign: raw bytes a browser, curl or a student's
 * own client could send to a --serve server. Deterministic (a seeded generator), so a
 * failure can be replayed. Each demo gets the shared list plus its own protocol's extras.
 */

export interface HostileInput {
  name: string;
  /** What goes on the socket, in the order given (each piece one write). */
  pieces: Buffer[];
  /** Half-close after writing (the client sends FIN and waits for the answer). */
  halfClose?: boolean;
}

export interface Target {
  demo: 'rest' | 'graphql' | 'soap' | 'websocket';
  /** Where a body is POSTed. */
  path: string;
}

/** Mulberry32: small, seeded, good enough to vary bytes. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const crlf = '\r\n';

function post(path: string, type: string, body: string | Buffer, extra: string[] = []): Buffer {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  const head = [
    `POST ${path} HTTP/1.1`,
    'Host: 127.0.0.1',
    `Content-Type: ${type}`,
    `Content-Length: ${bytes.length}`,
    ...extra,
  ];
  return Buffer.concat([Buffer.from(head.join(crlf) + crlf + crlf, 'latin1'), bytes]);
}

const raw = (text: string) => Buffer.from(text, 'latin1');

/** Terminal attacks: window title, clear screen, OSC 8 link, C1 CSI, bidi override, isolates, DEL. */
export const terminalAttacks = [
  '\u001b]0;pwned\u0007',
  '\u001b[2J\u001b[H',
  '\u001b]8;;http://evil.example\u0007click\u001b]8;;\u0007',
  '\u009b31mred',
  'abc\u202edcba',
  '\u2066hidden\u2069',
  '\u007f\u0008\u0008',
  '\u001b[8mhidden\u001b[0m',
];

export function hostileInputs(target: Target): HostileInput[] {
  const inputs: HostileInput[] = [];
  const add = (name: string, ...pieces: Buffer[]) => inputs.push({ name, pieces });
  const { path } = target;
  const json = ['application/json', 'application/graphql-response+json', 'application/problem+json'];
  const xml = ['text/xml; charset=utf-8', 'application/soap+xml', 'application/xml'];

  // Nesting that once overflowed the highlighters' stack (JSON near 1700, XML near 1300).
  for (const depth of [1000, 1800, 5000, 20_000]) {
    for (const type of json)
      add(`json depth ${depth} ${type}`, post(path, type, '['.repeat(depth) + ']'.repeat(depth)));
    for (const type of json)
      add(`json object depth ${depth}`, post(path, type, '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)));
    for (const type of xml)
      add(`xml depth ${depth} ${type}`, post(path, type, '<a>'.repeat(depth) + '</a>'.repeat(depth)));
  }
  // Regular-expression traps in the XML view.
  for (const n of [20, 30, 36, 50, 2000]) {
    for (const type of xml) add(`doctype [] x${n}`, post(path, type, `<!DOCTYPE x ${'[]'.repeat(n)}`));
  }
  for (const [name, unit] of [
    ['doctypes', '<!DOCTYPE'],
    ['pis', '<?'],
    ['comments', '<!--'],
    ['cdata', '<![CDATA['],
    ['end tags', '</'],
    ['open quotes', '<b c="'],
    ['attributes', ' a="1"'],
  ] as const) {
    for (const count of [1000, 30_000]) add(`${name} x${count}`, post(path, 'text/xml', `<r${unit.repeat(count)}`));
  }
  // Long lines: quadratic wrapping once took 8 s for 400 KB and 50 s for 1 MB.
  for (const size of [100_000, 400_000, 1_000_000]) {
    add(`one line of ${size}`, post(path, 'text/plain', 'x'.repeat(size)));
    add(`one JSON string of ${size}`, post(path, 'application/json', JSON.stringify({ title: 'y'.repeat(size) })));
    add(`many lines ${size}`, post(path, 'text/plain', 'ab\n'.repeat(size / 3)));
    add(`spaces then text ${size}`, post(path, 'text/plain', ' '.repeat(size) + 'x'));
  }
  // Terminal escape sequences wherever wire text is shown.
  for (const attack of terminalAttacks) {
    add(`attack in text body ${JSON.stringify(attack)}`, post(path, 'text/plain', attack));
    add(`attack in JSON string`, post(path, 'application/json', JSON.stringify({ title: attack, [attack]: 1 })));
    add(`attack in XML`, post(path, 'text/xml', `<a x="${attack}">${attack}</a>`));
    add(
      `attack in GraphQL`,
      post(path, 'application/json', JSON.stringify({ query: `{ book(id: "${attack}") { title } }` })),
    );
    add(`attack in header value`, post(path, 'text/plain', 'x', [`X-Note: ${attack}`]));
    add(`attack in target`, raw(`GET /${attack} HTTP/1.1${crlf}Host: x${crlf}${crlf}`));
    add(`attack in method`, raw(`${attack} / HTTP/1.1${crlf}Host: x${crlf}${crlf}`));
  }
  // Broken HTTP.
  for (const text of [
    'GET / HTTP/1.1\r\n\r\n',
    'GET\r\n\r\n',
    'GET / HTTP/9.9\r\nHost: x\r\n\r\n',
    'HELLO\r\n\r\n',
    '\r\n\r\n\r\n',
    'GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc',
    'POST / HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n',
    'POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab',
    'POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nffffffff\r\nabc',
    'POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n',
    'POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked, gzip\r\n\r\n0\r\n\r\n',
    'GET / HTTP/1.1\r\nHost: x\r\nConnection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\nHTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\n\r\n',
    'CONNECT evil.example:443 HTTP/1.1\r\nHost: evil.example:443\r\n\r\n',
    'GET http://evil.example/ HTTP/1.1\r\nHost: evil.example\r\n\r\n',
    'GET //[ HTTP/1.1\r\nHost: x\r\n\r\n',
    'GET / HTTP/1.1\r\nHost: x\r\n X-Folded: yes\r\n\r\n',
    'PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n',
    '\u0016\u0003\u0001\u0002\u0000\u0001\u0000\u0001\u00fc\u0003\u0003',
  ]) {
    add(`broken: ${JSON.stringify(text.slice(0, 30))}`, raw(text));
  }
  add('header of 100 KB', raw(`GET / HTTP/1.1${crlf}Host: x${crlf}X-Big: ${'a'.repeat(100_000)}${crlf}${crlf}`));
  add(
    '2000 headers',
    raw(
      `GET / HTTP/1.1${crlf}Host: x${crlf}${Array.from({ length: 2000 }, (_v, i) => `X-${i}: ${i}`).join(crlf)}${crlf}${crlf}`,
    ),
  );
  add('500 pipelined requests', raw(`GET ${path} HTTP/1.1${crlf}Host: x${crlf}${crlf}`.repeat(500)));
  add(
    'invalid UTF-8 body',
    post(path, 'application/json', Buffer.from([0x7b, 0x22, 0xc3, 0x28, 0x9b, 0xff, 0x22, 0x7d])),
  );
  add('NUL bytes body', post(path, 'text/plain', Buffer.alloc(1000)));
  // A request split into single bytes, as a slow client sends it.
  add('byte by byte', ...[...post(path, 'application/json', '{"title":"x"}')].map((b) => Buffer.from([b])));

  // Random garbage, seeded.
  const next = random(10);
  for (let i = 0; i < 40; i++) {
    const length = Math.floor(next() * 2000);
    add(`garbage ${i}`, Buffer.from(Array.from({ length }, () => Math.floor(next() * 256))));
  }
  for (let i = 0; i < 20; i++) {
    const length = Math.floor(next() * 500);
    const body = Buffer.from(Array.from({ length }, () => Math.floor(next() * 256)));
    add(`random JSON-typed body ${i}`, post(path, 'application/json', body));
  }

  if (target.demo === 'graphql') {
    add(
      'many aliases',
      post(path, 'application/json', JSON.stringify({ query: `{ ${'a: books { title author } '.repeat(2000)} }` })),
    );
    add(
      'deep selection',
      post(path, 'application/json', JSON.stringify({ query: '{ books '.padEnd(20_000, '{ books ') })),
    );
  }
  if (target.demo === 'websocket') {
    const upgrade = (targetPath: string, headers: string[] = []) =>
      raw(
        [
          `GET ${targetPath} HTTP/1.1`,
          'Host: 127.0.0.1',
          'Connection: Upgrade',
          'Upgrade: websocket',
          'Sec-WebSocket-Version: 13',
          'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
          'Authorization: Bearer book-club',
          ...headers,
        ].join(crlf) +
          crlf +
          crlf,
      );
    for (const bad of ['//[', '//[::1', 'http://[', '*', '/chat%', '/%%', '//']) add(`upgrade to ${bad}`, upgrade(bad));
    add('upgrade from a foreign origin', upgrade('/chat?name=eve', ['Origin: http://evil.example']));
    const frames = [
      Buffer.from([0x81, 0x05, 0x68, 0x65, 0x6c, 0x6c, 0x6f]), // unmasked client frame
      Buffer.from([0x82, 0xff, 0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]), // 2^63 length
      Buffer.from([0x8f, 0x80, 0, 0, 0, 0]), // reserved opcode
      Buffer.from([0x81, 0x82, 0, 0, 0, 0, 0xc2, 0x9b]), // C1 CSI as text
      Buffer.from([0x81, 0x83, 0, 0, 0, 0, 0xe2, 0x80, 0xae]), // RLO as text
      Buffer.from([0x81, 0x82, 0, 0, 0, 0, 0xff, 0xfe]), // invalid UTF-8
    ];
    for (const [i, frame] of frames.entries()) add(`echo then frame ${i}`, upgrade('/echo'), frame);
  }
  return inputs;
}
