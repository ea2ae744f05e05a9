/** A URL from text a user typed, or undefined where the text is no URL (no throw to catch at each place). */
export function parseUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}
