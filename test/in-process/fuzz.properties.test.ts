/**
 * Property-based tests (fast-check): the decoders, highlighters, the wrapper and the
 * escaper hold their promises for any input, not only for the examples we thought of.
 * Runs are bounded (numRuns) and seeded per run; a failure prints its seed and the
 * shrunk counterexample.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { capLine, shortLimits } from '../../demos/render/body-limits.js';
import { bodyView } from '../../demos/render/body-view.js';
import { escapeText, isUnsafeCodePoint, terminalSafeJson } from '../../demos/render/escape.js';
import { graphqlLines } from '../../demos/render/highlight-graphql.js';
import { boundedJsonLines, jsonLines } from '../../demos/render/highlight-json.js';
import { xmlLines } from '../../demos/render/highlight-xml.js';
import { paint, wrap, type Line } from '../../demos/render/lines.js';
import { createTheme } from '../../demos/render/theme.js';
import { createAmqpFrameDecoder } from '../../demos/wire/amqp-frames.js';
import { httpDecoder } from '../../demos/wire/http-decoder.js';
import { httpExchanges } from '../../demos/wire/http-facts.js';
import { createWebSocketFrameDecoder } from '../../demos/wire/websocket-frames.js';
import type { Direction } from '../../demos/wire/decoder.js';
import type { WireItem } from '../../demos/wire/trace.js';
import { decodeChunks } from '../utils/decode.js';
import { encodeFrame, framesOf } from '../utils/websocket-bytes.js';

const runs = { numRuns: 150 };
const text = (line: Line) => line.map((s) => s.text).join('');
const lines = (ls: Line[]) => ls.map(text).join('\n');
const hasUnsafe = (s: string) => [...s].some((ch) => isUnsafeCodePoint(ch.codePointAt(0)!));

/** Strings with everything a hostile client likes: controls, C1, bidi, astral characters, spaces. */
const hostileChar = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 1 }),
  fc.constantFrom(
    '\u001b',
    '\u009b',
    '\u202e',
    '\u2066',
    '\u007f',
    '\r',
    '\n',
    '\t',
    ' ',
    '\u0000',
    '𝄞',
    '"',
    '<',
    '[',
  ),
);
const hostileString = fc.array(hostileChar, { maxLength: 200 }).map((chars) => chars.join(''));

/** Splits bytes into chunks at arbitrary points, as TCP may. */
function chunked(bytes: Buffer, cuts: number[]): Buffer[] {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Buffer[] = [];
  let from = 0;
  for (const at of points) {
    out.push(bytes.subarray(from, at));
    from = at;
  }
  out.push(bytes.subarray(from));
  return out.filter((b) => b.length > 0);
}

describe('escaper (property)', () => {
  test('when any string is escaped then no unsafe code point is left, and safe strings stay as they are', () => {
    fc.assert(
      fc.property(hostileString, (s) => {
        const escaped = escapeText(s);
        assert.equal(hasUnsafe(escaped), false);
        if (!hasUnsafe(s)) assert.equal(escaped, s);
      }),
      runs,
    );
  });

  test('when any JSON value is written for the terminal then it parses back to the same value and has no raw control', () => {
    fc.assert(
      fc.property(fc.jsonValue(), hostileString, (value, s) => {
        const data = { value, s };
        const json = terminalSafeJson(data);
        assert.equal(hasUnsafe(json), false);
        assert.deepEqual(JSON.parse(json), JSON.parse(JSON.stringify(data)));
      }),
      runs,
    );
  });

  test('when any line is painted then the terminal gets no control character but the newlines between lines', () => {
    fc.assert(
      fc.property(fc.array(hostileString, { maxLength: 5 }), (texts) => {
        const out = paint(
          texts.map((t) => [{ text: t }]),
          createTheme(false),
        );
        assert.equal(hasUnsafe(out.replaceAll('\n', '')), false);
      }),
      runs,
    );
  });
});

describe('wrapper (property)', () => {
  const spans = fc.array(
    fc.record({
      text: hostileString.map(escapeText),
      style: fc.constantFrom(undefined, 'string' as const, 'dim' as const),
    }),
    { maxLength: 6 },
  );

  test('when a line is wrapped exactly then every piece fits and the pieces put together are the line', () => {
    fc.assert(
      fc.property(spans, fc.integer({ min: 1, max: 120 }), (line, max) => {
        const pieces = wrap(line, max, 'exact');
        for (const piece of pieces) assert.ok([...text(piece)].length <= max);
        assert.equal(pieces.map(text).join(''), text(line));
      }),
      runs,
    );
  });

  test('when a line is wrapped at words or indented then every piece fits and no character is lost', () => {
    fc.assert(
      fc.property(spans, fc.integer({ min: 4, max: 120 }), fc.constantFrom('words', 'indent'), (line, max, mode) => {
        const pieces = wrap(line, max, mode as 'words' | 'indent');
        for (const piece of pieces) assert.ok([...text(piece)].length <= max, `${text(piece)} > ${max}`);
        const without = (s: string) => s.replaceAll(' ', '');
        assert.equal(without(pieces.map(text).join('')), without(text(line)));
      }),
      runs,
    );
  });

  test('when a line is capped then it is at most the cap plus the mark, and a prefix of the line', () => {
    fc.assert(
      fc.property(spans, fc.integer({ min: 0, max: 50 }), (line, max) => {
        const capped = text(capLine(line, max));
        const original = text(line);
        if ([...original].length <= max) assert.equal(capped, original);
        else {
          assert.ok(capped.endsWith('…'));
          assert.ok(original.startsWith(capped.slice(0, -1)));
          assert.equal([...capped].length, max + 1);
        }
      }),
      runs,
    );
  });
});

describe('highlighters (property)', () => {
  test('when any JSON value is pretty-printed then the lines parse back to the same value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        assert.deepEqual(JSON.parse(lines(jsonLines(value))), JSON.parse(JSON.stringify(value)));
      }),
      runs,
    );
  });

  test('when the JSON view is bounded then it never has more lines than the limit and counts them all', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer({ min: 1, max: 30 }), (value, maxLines) => {
        const bounded = boundedJsonLines(value, { maxLines, maxDepth: Infinity });
        assert.ok(bounded.lines.length <= maxLines);
        assert.equal(bounded.total, jsonLines(value).length);
      }),
      runs,
    );
  });

  test('when any text is tokenized as GraphQL then every line keeps every character', () => {
    fc.assert(
      fc.property(hostileString, (source) => {
        const out = graphqlLines(source);
        assert.equal(lines(out), source);
      }),
      runs,
    );
  });

  test('when any text is viewed as XML then it is XML lines or nothing, never an exception', () => {
    const xmlish = fc
      .array(
        fc.constantFrom(
          '<a>',
          '</a>',
          '<b x="1"/>',
          '<!--c-->',
          '<![CDATA[d]]>',
          '<?p q?>',
          '<!DOCTYPE r [',
          ']',
          '>',
          'text',
          '<',
          '"',
          ' ',
        ),
        {
          maxLength: 40,
        },
      )
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.oneof(xmlish, hostileString), (source) => {
        const out = xmlLines(source, 8);
        if (out) assert.ok(out.length > 0);
      }),
      runs,
    );
  });

  test('when any body is viewed then the lines are within the limits and hold no unsafe character', () => {
    const type = fc.constantFrom('application/json', 'text/xml', 'text/plain', 'application/graphql-response+json');
    fc.assert(
      fc.property(
        fc.oneof(
          hostileString,
          fc.jsonValue().map((v) => JSON.stringify(v)),
        ),
        type,
        (body, contentType) => {
          const view = bodyView(body, contentType, { ...shortLimits, maxLines: 10, maxLineChars: 40 });
          assert.ok(view.lines.length <= 10);
          for (const line of view.lines) {
            assert.equal(hasUnsafe(text(line)), false);
            // 40 characters, each escape at most 6 wide, plus the cut mark.
            assert.ok([...text(line)].length <= 40 * 6 + 1);
          }
        },
      ),
      runs,
    );
  });
});

describe('decoders (property)', () => {
  const request = (body: string) =>
    Buffer.from(`POST /books HTTP/1.1\r\nHost: x\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  const response = (body: string) =>
    Buffer.from(`HTTP/1.1 200 OK\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);

  test('when HTTP exchanges arrive cut at any points then the decoder finds the same exchanges', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(hostileString, hostileString), { minLength: 1, maxLength: 4 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        (pairs, cuts) => {
          const chunks: Array<[Direction, Buffer]> = [];
          for (const [up, down] of pairs) {
            for (const c of chunked(request(up), cuts)) chunks.push(['up', c]);
            for (const c of chunked(response(down), cuts)) chunks.push(['down', c]);
          }
          const exchanges = httpExchanges(decodeChunks(httpDecoder(), chunks));
          assert.deepEqual(
            exchanges.map((e) => [e.request.body, e.response?.body]),
            pairs,
          );
        },
      ),
      runs,
    );
  });

  test('when any bytes reach a decoder then it reports items and never throws', () => {
    const bytes = fc.uint8Array({ maxLength: 400 }).map((a) => Buffer.from(a));
    const factories = [
      httpDecoder(),
      (connection: number, emit: (item: WireItem) => void) => createWebSocketFrameDecoder(connection, emit),
      (connection: number, emit: (item: WireItem) => void) => createAmqpFrameDecoder(connection, emit),
    ];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom<Direction>('up', 'down'), bytes), { maxLength: 6 }), (chunks) => {
        for (const factory of factories) decodeChunks(factory as never, chunks);
      }),
      runs,
    );
  });

  test('when WebSocket frames of any payload and mask arrive cut anywhere then each payload comes out as sent', () => {
    const frame = fc.record({
      payload: fc.string({ unit: 'grapheme', maxLength: 300 }),
      mask: fc.uint8Array({ minLength: 4, maxLength: 4 }).map((k) => Buffer.from(k).toString('hex')),
    });
    fc.assert(
      fc.property(
        fc.array(frame, { minLength: 1, maxLength: 4 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        (frames, cuts) => {
          const bytes = Buffer.concat(frames.map((f) => encodeFrame({ opcode: 1, payload: f.payload, mask: f.mask })));
          const items: never[] = [];
          const decoder = createWebSocketFrameDecoder(1, (item) => items.push(item as never));
          for (const chunk of chunked(bytes, cuts)) decoder.push('up', chunk, 0);
          decoder.end(0);
          assert.deepEqual(
            framesOf(items).map((f) => f.payloadText),
            frames.map((f) => f.payload),
          );
        },
      ),
      runs,
    );
  });
});
