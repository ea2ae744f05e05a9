/**
 * Makes rendered output comparable across runs: what varies from run to run (ports, dates,
 * timings, the random parts of a WebSocket handshake and of masking) becomes a fixed
 * placeholder; everything else, the layout included, stays as it was.
 */
export function normalise(text: string): string {
  let out = text
    .replace(/127\.0\.0\.1:\d+/g, '127.0.0.1:PORT')
    .replace(/Date: [A-Z][a-z]{2}, \d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d GMT/g, 'Date: DATE')
    // The decimal separator stays: it is the language's, not the run's.
    // Thousands are grouped (1.042,3 ms), so the whole number goes.
    .replace(/\d[\d.,]*([.,])\d+ ms\b/g, 'N$1N ms');
  // RFC 6455 §4.1: Sec-WebSocket-Key is 16 random bytes; Sec-WebSocket-Accept and the SHA-1
  // shown on the way to it follow from it (§4.2.2). Same-width placeholders keep wrapping as it was.
  for (const [, key] of out.matchAll(/Sec-WebSocket-Key: ([A-Za-z0-9+/]{22}==)/g))
    out = out.replaceAll(key!, 'K'.repeat(24));
  // The accept value may be wrapped before its final "=", so its first 27 characters are matched.
  for (const [, accept] of out.matchAll(/Sec-WebSocket-Accept: ([A-Za-z0-9+/]{27})/g)) {
    out = out.replaceAll(accept!, 'A'.repeat(27));
  }
  return (
    out
      .replace(/\b[0-9a-f]{40}\b/g, 'S'.repeat(40))
      // RFC 6455 §5.3: each client frame carries a fresh random masking key; in the frame table it
      // follows the MASK bit 1.
      .replace(/(0x[0-9a-f] +\S+ +1 )[0-9a-f]{8}\b/g, '$1MMMMMMMM')
  );
}
