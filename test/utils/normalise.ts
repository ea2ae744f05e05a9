/** Makes rendered output comparable across runs: ports, dates and timings vary. */
export function normalise(text: string): string {
  return text
    .replace(/127\.0\.0\.1:\d+/g, '127.0.0.1:PORT')
    .replace(/Date: [A-Z][a-z]{2}, \d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d GMT/g, 'Date: DATE')
    .replace(/\d+\.\d ms/g, 'N ms');
}
