/**
 * The frame view: one aligned row per WebSocket frame with the fields of the RFC 6455
 * §5.2 header (FIN, opcode, MASK and masking key, how the length was encoded), the
 * payload, and the frame's size on the wire against its payload. Broken frames get
 * a warning line per violation. A pure function of the frames and the options.
 */
import { bodyLimits, capLine } from './body-limits.js';
import { safeSpans } from './escape.js';
import { span, wrap, type Line, type Span } from './lines.js';
import type { RenderOptions } from './options.js';
import type { WebSocketFrameItem } from '../wire/websocket-frames.js';

/** Below this many columns left for it, the payload goes on its own line under the row. */
const minInlinePayload = 24;
/** Lines of payload per frame before it is cut (unless --full): a chat message or a small JSON reads whole. */
export const maxPayloadLines = 4;

interface Row {
  cells: Span[];
  payload: Line;
  frame: WebSocketFrameItem;
}

export function renderWebSocketFrames(frames: readonly WebSocketFrameItem[], options: RenderOptions): Line[] {
  const words = options.messages.frames;
  const count = options.messages.numbers.integer;
  // A reduce, not Math.max(...): one argument per frame overflows the stack for a server that sends 100,000.
  const widest = (of: (frame: WebSocketFrameItem) => number) =>
    frames.reduce((most, frame) => Math.max(most, count(of(frame)).length), 0);
  const sizeWidths = {
    wire: widest((f) => f.wireBytes),
    head: widest((f) => f.headerBytes),
    payload: widest((f) => f.payloadLength),
  };
  const rows: Row[] = frames.map((frame) => ({
    frame,
    payload: payloadLine(frame, options),
    cells: [
      span(`${frame.direction === 'up' ? '▶' : '◀'} #${frame.connection}`, frame.direction),
      span(frame.fin ? '1' : '0'),
      span(
        `0x${frame.opcode.toString(16).toUpperCase()} ${words.opcodes[frame.opcodeName] ?? frame.opcodeName}`,
        'bold',
      ),
      span(frame.masked ? `1 ${frame.maskingKey ?? ''}` : '0', frame.masked ? 'attr' : undefined),
      span(words.lengthBits({ bits: frame.lengthEncoding })),
      span(
        `${count(frame.wireBytes).padStart(sizeWidths.wire)} = ${count(frame.headerBytes).padStart(sizeWidths.head)}` +
          ` + ${count(frame.payloadLength).padStart(sizeWidths.payload)}`,
        'number',
      ),
    ],
  }));
  const allHeadings = ['', words.fin, words.opcode, words.mask, words.length, words.sizes];
  // Minimums fit the common values ("0x1 binary", "1 " + an 8-digit key), so frames shown
  // one at a time (the live view) still line up.
  const minimums = [0, 0, 10, 10, 0, 0];
  const layoutOf = (columns: number[]) => {
    const widths = columns.map((i) =>
      rows.reduce(
        (most, row) => Math.max(most, row.cells[i]!.text.length),
        Math.max(allHeadings[i]!.length, minimums[i]!),
      ),
    );
    const fits = (gap: number) => widths.reduce((sum, w) => sum + w + gap, 0) - gap <= options.width;
    // Very narrow terminals get single spaces between the columns, and wrapped rows if even that is too wide.
    const gap = fits(2) ? '  ' : ' ';
    const fixed = widths.reduce((sum, w) => sum + w + gap.length, 0);
    return { columns, widths, gap, fixed, inline: options.width - fixed >= minInlinePayload };
  };
  const every = layoutOf([0, 1, 2, 3, 4, 5]);
  // Folded to fit a small screen, a frame keeps one row: who, opcode, sizes and the payload;
  // FIN, the masking key and the length form come back with f, unless the step talks about them.
  const columnOf = { fin: 1, mask: 3, length: 4 } as const;
  const kept = [...(options.keepFrameColumns ?? [])].map((column) => columnOf[column]);
  const { columns, widths, gap, fixed, inline } =
    options.compact && !every.inline ? layoutOf([0, 2, 5, ...kept].sort((a, b) => a - b)) : every;
  const headings = columns.map((i) => allHeadings[i]!);
  for (const row of rows) row.cells = columns.map((i) => row.cells[i]!);
  const room = inline ? options.width - fixed : options.width - 4;

  const lines: Line[] = options.continued
    ? []
    : wrap(
        [
          span(
            headings.map((heading, i) => heading.padEnd(widths[i]!)).join(gap) + (inline ? gap + words.payload : ''),
            'dim',
          ),
        ],
        options.width,
      );
  let cut = false;
  for (const row of rows) {
    const cells = row.cells.flatMap((cell, i) => [span(cell.text.padEnd(widths[i]!), cell.style), span(gap)]);
    const [first, ...more] = fit(row.payload, room, options.full, options.compact ? 1 : maxPayloadLines);
    cut ||= [first!, ...more].reduce((sum, line) => sum + lineWidth(line), 0) < lineWidth(row.payload);
    if (inline) {
      lines.push([...cells, ...first!]);
      lines.push(...more.map((line) => [span(' '.repeat(fixed)), ...line]));
    } else {
      lines.push(...wrap(cells.slice(0, -1), options.width));
      lines.push(...[first!, ...more].map((line) => [span('    '), ...line]));
    }
    if (options.raw) {
      lines.push([span('    '), span(`${words.headerBytes} ${headerHex(row.frame)}`, 'escape')]);
      const masked = maskedHex(row.frame);
      if (masked) lines.push(...wrap([span('    '), span(`${words.maskedBytes} ${masked}`, 'escape')], options.width));
    }
    for (const violation of row.frame.violations) {
      const why = words.violations[violation] ?? violation;
      lines.push(...wrap([span('    ⚠ ', 'warn'), span(`${violation}: ${why}`, 'warn')], options.width));
    }
  }
  if (cut && !options.continued) lines.push(...wrap([span(words.cut, 'dim')], options.width));
  return lines;
}

/**
 * Wrapped to `room`, at most `most` lines (one where the pager folds to fit a screen), the
 * last cut with …; with --full every line.
 */
function fit(line: Line, room: number, full: boolean, most: number): Line[] {
  if (lineWidth(line) <= room) return [line];
  const lines = wrap(line, room);
  if (full || lines.length <= most) return lines;
  return [...lines.slice(0, most - 1), cutLine(lines[most - 1]!, room)];
}

/** The line shortened to leave room for the … that says more followed. */
function cutLine(line: Line, room: number): Line {
  const out: Line = [];
  let left = room - 1;
  for (const s of line) {
    const chars = [...s.text];
    if (chars.length <= left) {
      out.push(s);
      left -= chars.length;
      continue;
    }
    if (left > 0) out.push(span(chars.slice(0, left).join(''), s.style));
    break;
  }
  return [...out, span('…', 'warn')];
}

function lineWidth(line: Line): number {
  return line.reduce((sum, s) => sum + [...s.text].length, 0);
}

/** What the payload says: text as text, close as code and reason, anything else as hex. */
function payloadLine(frame: WebSocketFrameItem, options: RenderOptions): Line {
  const words = options.messages.frames;
  // A payload may be megabytes: only what one row (or --full's limit) can show is looked at.
  const { maxLineChars } = bodyLimits(options.full);
  if (frame.opcodeName === 'close' && frame.payloadLength > 0 && frame.closeCode !== undefined) {
    const name = words.closeCodes[frame.closeCode];
    return [
      span(String(frame.closeCode), 'number'),
      ...(name ? [span(` ${name}`, 'dim')] : []),
      ...(frame.closeReason ? [span(' '), ...safeSpans(JSON.stringify(frame.closeReason), 'string')] : []),
    ];
  }
  if (frame.opcodeName === 'close' && frame.payloadLength === 0) return [span(words.noCloseCode, 'dim')];
  if (frame.payloadText !== undefined) {
    if (frame.payloadText === '') return [span(words.empty, 'dim')];
    const text = frame.payloadText.slice(0, maxLineChars + 1);
    return capLine(escaped(text), maxLineChars);
  }
  if (frame.payloadBase64 !== undefined) {
    const bytes = Buffer.from(frame.payloadBase64.slice(0, Math.ceil(maxLineChars / 3 / 3) * 4 + 4), 'base64');
    if (bytes.length === 0) return [span(words.empty, 'dim')];
    const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join(' ');
    return capLine([span(hex, 'number')], frame.payloadLength * 3 - 1 > hex.length ? hex.length - 1 : maxLineChars);
  }
  return [span(words.notDecoded, 'warn')];
}

/** Text with control characters made visible, so a payload stays on its row (escape.ts). */
function escaped(text: string): Line {
  return safeSpans(text, 'string');
}

/** Bytes of a masked payload looked at: enough to see that the wire carries no readable text. */
const maskedShown = 16;

/**
 * A client's payload as it crossed the wire: each byte XOR the masking key (RFC 6455 §5.3);
 * the view above shows it unmasked, as the server reads it.
 */
export function maskedHex(frame: WebSocketFrameItem): string | undefined {
  if (!frame.masked || !frame.maskingKey || frame.payloadLength === 0) return undefined;
  const payload =
    frame.payloadText !== undefined
      ? Buffer.from(frame.payloadText.slice(0, maskedShown), 'utf8').subarray(0, maskedShown)
      : frame.payloadBase64 !== undefined
        ? Buffer.from(frame.payloadBase64.slice(0, Math.ceil(maskedShown / 3) * 4), 'base64').subarray(0, maskedShown)
        : undefined;
  if (!payload || payload.length === 0) return undefined;
  const key = Buffer.from(frame.maskingKey, 'hex');
  const hex = [...payload].map((b, i) => (b ^ key[i % 4]!).toString(16).padStart(2, '0')).join(' ');
  return frame.payloadLength > payload.length ? `${hex} …` : hex;
}

/** The header exactly as it was sent, rebuilt from its fields (RFC 6455 §5.2 is lossless). */
export function headerHex(frame: WebSocketFrameItem): string {
  const [rsv1, rsv2, rsv3] = frame.rsv;
  const first = (frame.fin ? 0x80 : 0) | (rsv1 ? 0x40 : 0) | (rsv2 ? 0x20 : 0) | (rsv3 ? 0x10 : 0) | frame.opcode;
  const len7 = frame.lengthEncoding === 7 ? frame.payloadLength : frame.lengthEncoding === 16 ? 126 : 127;
  const extended = Buffer.alloc(frame.lengthEncoding === 7 ? 0 : frame.lengthEncoding === 16 ? 2 : 8);
  if (frame.lengthEncoding === 16) extended.writeUInt16BE(frame.payloadLength);
  if (frame.lengthEncoding === 64) extended.writeBigUInt64BE(BigInt(frame.payloadLength));
  const key = Buffer.from(frame.maskingKey ?? '', 'hex');
  const bytes = Buffer.concat([Buffer.from([first, (frame.masked ? 0x80 : 0) | len7]), extended, key]);
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join(' ');
}
