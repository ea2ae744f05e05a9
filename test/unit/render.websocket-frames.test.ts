import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { renderItems } from '../../demos/render/items.js';
import { paint, type Line } from '../../demos/render/lines.js';
import type { RenderOptions } from '../../demos/render/options.js';
import { createTheme } from '../../demos/render/theme.js';
import { headerHex, renderWebSocketFrames } from '../../demos/render/websocket-frames.js';
import type { WebSocketFrameItem } from '../../demos/wire/websocket-frames.js';
import { messages } from '../../demos/core/messages/index.js';
import { ansi } from '../utils/cli.js';
import { decodeWs, encodeFrame, framesOf, hex, type Chunk } from '../utils/websocket-bytes.js';

function options(overrides: Partial<RenderOptions> = {}): RenderOptions {
  return { width: 120, theme: createTheme(false), messages: messages.en, raw: false, full: false, ...overrides };
}

const text = (lines: Line[], o = options()) => paint(lines, o.theme);

// RFC 6455 §5.7: the masked "Hello" from a client, the unmasked one from a server.
const helloMasked = hex('81 85 37 fa 21 3d 7f 9f 4d 51 58');
const helloUnmasked = hex('81 05 48 65 6c 6c 6f');
const binary256 = Buffer.concat([hex('82 7e 01 00'), Buffer.from(Array.from({ length: 256 }, (_, i) => i))]);
const longText = 'The book club meets on Thursdays. '.repeat(6).trim();

function frames(...chunks: Chunk[]): WebSocketFrameItem[] {
  return framesOf(decodeWs(...chunks));
}

const conversation = () =>
  frames(
    ['up', helloMasked],
    ['down', helloUnmasked],
    ['down', binary256],
    ['up', encodeFrame({ opcode: 1, payload: longText, mask: '0a0b0c0d' })],
    ['up', encodeFrame({ opcode: 8, payload: Buffer.concat([hex('03 e8'), Buffer.from('bye')]), mask: '01020304' })],
    ['down', encodeFrame({ opcode: 8, payload: Buffer.concat([hex('03 e8'), Buffer.from('bye')]) })],
  );

describe('the WebSocket frame view', () => {
  test('when a server sent 130,000 frames then they render without overflowing the stack', () => {
    const pong = frames(['down', hex('8a 00')])[0]!;
    const flood = Array.from({ length: 130_000 }, () => pong);
    const lines = renderItems(flood, options());
    assert.ok(lines.length >= flood.length, `${lines.length} lines`);
  });

  test('when the terminal is wide then each frame is one row and the columns line up under the heading', () => {
    const lines = text(renderWebSocketFrames(conversation(), options())).split('\n');
    assert.match(lines[0]!, /^ +FIN +opcode +MASK key +length +bytes = head \+ payload +payload$/);
    const rows = lines.filter((line) => /^[▶◀] #1/.test(line));
    assert.equal(rows.length, 6);
    assert.match(rows[0]!, /^▶ #1 +1 +0x1 text +1 37fa213d +7-bit +11 = +6 \+ +5 +Hello$/);
    assert.match(rows[1]!, /^◀ #1 +1 +0x1 text +0 +7-bit +7 = +2 \+ +5 +Hello$/);
    assert.match(rows[2]!, /^◀ #1 +1 +0x2 binary +0 +16-bit +260 = +4 \+ 256 +00 01 02 03/);
    for (const column of ['0x', '=', '+']) {
      const at = rows.map((row) => row.indexOf(column));
      assert.deepEqual(
        at,
        at.map(() => at[0]),
        `"${column}" is aligned`,
      );
    }
    for (const line of lines) assert.ok([...line].length <= 120, `line of ${[...line].length}`);
  });

  test('when frames are shown one at a time (live, --serve) then the columns still line up and headings come once', () => {
    const [first, ...rest] = conversation();
    const shown = [
      text(renderWebSocketFrames([first!], options())),
      ...rest.map((frame) => text(renderWebSocketFrames([frame], options({ continued: true })))),
    ].join('\n');
    const lines = shown.split('\n');
    assert.equal(lines.filter((line) => /FIN +opcode/.test(line)).length, 1);
    const rows = lines.filter((line) => /^[▶◀] #1/.test(line));
    assert.equal(rows.length, 6);
    const at = rows.map((row) => row.indexOf('-bit'));
    assert.deepEqual(at.slice(0, 2), [at[0], at[0]], 'the length column lines up for one-digit and masked rows');
  });

  test('when the terminal is narrow then the payload goes on its own line below the row', () => {
    const lines = text(renderWebSocketFrames(conversation(), options({ width: 60 }))).split('\n');
    assert.match(lines[0]!, /bytes = head \+ payload$/);
    const at = lines.findIndex((line) => line.startsWith('▶ #1'));
    assert.match(lines[at]!, /0x1 text +1 37fa213d +7-bit +11 = +6 \+ +5$/);
    assert.equal(lines[at + 1], '    Hello');
    for (const line of lines) assert.ok([...line].length <= 60, `line of ${[...line].length}`);
    for (const width of [40, 48]) {
      const tight = text(renderWebSocketFrames(conversation(), options({ width, messages: messages.de }))).split('\n');
      for (const line of tight) assert.ok([...line].length <= width, `line of ${[...line].length} in ${width}`);
    }
  });

  test('when a payload is longer than its room then it is cut with …, and --full shows all of it', () => {
    const cut = text(renderWebSocketFrames(conversation(), options({ width: 100 })));
    // A chat-sized payload wraps under its row, up to four lines; a longer one ends in … on the fourth.
    const row = cut.split('\n').findIndex((line) => /^▶ #1 .* 0a0b0c0d .* The book club meets on /.test(line));
    assert.ok(row >= 0, cut);
    const payload = cut.split('\n').slice(row, row + 4);
    assert.match(payload[3]!, /^ {20,}\S.*…$/);
    assert.doesNotMatch(payload.slice(0, 3).join('\n'), /…/);
    assert.match(cut, /Payloads longer than four lines are cut; --full shows them whole\./);
    const full = text(renderWebSocketFrames(conversation(), options({ width: 100, full: true })));
    assert.equal(full.includes('…'), false);
    assert.equal(full.includes('--full'), false);
    assert.equal(full.replace(/\s+/g, ' ').includes(longText), true);
  });

  test('when the pager folds to fit then every payload takes one line, cut with …', () => {
    const compact = text(renderWebSocketFrames(conversation(), options({ width: 100, compact: 'routine' })));
    const lines = compact.split('\n');
    const row = lines.findIndex((line) => /^▶ #1 .* 0a0b0c0d .* The book club meets on .*…$/.test(line));
    assert.ok(row >= 0, compact);
    assert.doesNotMatch(lines[row + 1]!, /^ {20,}\S/, 'no second payload line under the row');
  });

  test('when the pager folds to fit a narrow screen then a frame is one row without FIN, key and length, unless the step talks about them', () => {
    const narrow = (keep?: ReadonlySet<'fin' | 'mask' | 'length'>) =>
      text(
        renderWebSocketFrames(conversation(), options({ width: 80, compact: 'routine', keepFrameColumns: keep })),
      ).split('\n');
    const [heading, ...rows] = narrow();
    assert.match(heading!, /^ +opcode +bytes = head \+ payload +payload$/);
    assert.ok(rows.some((row) => /^▶ #1 +0x1 text +\d+ = \d+ \+ +\d+ +The book club meets on .*…$/.test(row)));
    // A step about masking keeps the key.
    const [masked, ...maskedRows] = narrow(new Set(['mask']));
    assert.match(masked!, /^ +opcode +MASK key +bytes = head \+ payload +payload$/);
    assert.ok(maskedRows.some((row) => /^▶ #1 +0x1 text +1 0a0b0c0d +\d+ = \d+ \+/.test(row)));
  });

  test('when a close frame is shown then its code, the code name and the reason are the payload', () => {
    const out = text(renderWebSocketFrames(conversation(), options()));
    assert.match(out, /^▶ #1 .*0x8 close +1 01020304 .*1000 normal closure "bye"$/m);
    assert.match(out, /^◀ #1 .*0x8 close +0 .*1000 normal closure "bye"$/m);
    const empty = text(renderWebSocketFrames(frames(['down', hex('88 00')]), options()));
    assert.match(empty, /\(no status code\)$/m);
  });

  test('when a frame breaks a rule then a warning line names the rule and the RFC section', () => {
    const unmasked = frames(['up', helloUnmasked]);
    const lines = renderWebSocketFrames(unmasked, options());
    const warning = lines.find((line) => line.some((s) => s.text.includes('unmasked-client-frame')))!;
    assert.ok(warning.every((s) => s.style === 'warn'));
    assert.match(
      text([warning]),
      /^ {4}⚠ unmasked-client-frame: a client must mask every frame it sends \(RFC 6455 §5\.1\)$/,
    );
    assert.match(paint(lines, createTheme(true)), ansi);
  });

  test('when --raw is asked then the header bytes are shown as they were sent', () => {
    const out = text(renderWebSocketFrames(frames(['up', helloMasked], ['down', binary256]), options({ raw: true })));
    assert.match(out, /^ {4}header bytes: 81 85 37 fa 21 3d$/m);
    assert.match(out, /^ {4}header bytes: 82 7e 01 00$/m);
    // RFC 6455 §5.7: "Hello" masked with 37 fa 21 3d crosses the wire as 7f 9f 4d 51 58; the server's frame is not masked.
    assert.match(out, /^ {4}payload as sent \(masked\): 7f 9f 4d 51 58$/m);
    assert.equal(out.match(/payload as sent/g)?.length, 1);
  });

  test('when a header is rebuilt from the decoded fields then it is byte for byte the one on the wire', () => {
    const sent = [
      encodeFrame({ opcode: 2, payload: Buffer.alloc(70_000), mask: 'a1b2c3d4' }),
      encodeFrame({ opcode: 1, payload: 'x', fin: false, rsv: [false, true, false] }),
      encodeFrame({ opcode: 1, payload: 'short', lengthEncoding: 16 }),
    ];
    for (const bytes of sent) {
      const [frame] = frames(['down', bytes]);
      assert.equal(
        headerHex(frame!),
        bytes
          .subarray(0, frame!.headerBytes)
          .toString('hex')
          .replace(/(..)(?!$)/g, '$1 '),
      );
    }
  });

  test('when the language is German then the headings and names are German', () => {
    const out = text(renderWebSocketFrames(conversation(), options({ messages: messages.de, width: 120 })));
    assert.match(out, /FIN +Opcode +MASK Schlüssel +Länge +Bytes = Header \+ Nutzdaten/);
    assert.match(out, /0x2 binär +0 +16 Bit/);
    assert.match(out, /1000 normales Schließen "bye"/);
    assert.match(out, /Nutzdaten über vier Zeilen sind gekürzt/);
    assert.equal(/\bpayload\b|\bnormal closure\b/.test(out), false);
  });

  test('when a step holds frames between HTTP exchanges then renderItems shows them with this view', () => {
    const out = text(renderItems(frames(['up', helloMasked]), options()));
    assert.match(out, /^▶ #1 +1 +0x1 text/m);
  });
});
