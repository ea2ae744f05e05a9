import type { Direction } from '../../demos/wire/decoder.js';
import type { DecoderFactory } from '../../demos/wire/decoder.js';
import type { WireItem } from '../../demos/wire/trace.js';

/** Feeds chunks (strings are taken byte for byte, as latin1) through a decoder as the tap would and returns what it emitted. */
export function decodeChunks(factory: DecoderFactory, chunks: Array<[Direction, Buffer | string]>): WireItem[] {
  const items: WireItem[] = [];
  const decoder = factory(1, (item) => items.push(item));
  chunks.forEach(([direction, chunk], i) =>
    decoder.push(direction, typeof chunk === 'string' ? Buffer.from(chunk, 'latin1') : chunk, i),
  );
  decoder.end(chunks.length);
  return items;
}

/** Every way to cut `bytes` in two. */
export function* splits(bytes: Buffer): Generator<[Buffer, Buffer]> {
  for (let i = 0; i <= bytes.length; i++) yield [bytes.subarray(0, i), bytes.subarray(i)];
}
