/**
 * Credentials in a header, shortened for the screen: a token on a projector or in a
 * screenshot is a token given away. The scheme and the first characters stay, so the
 * reader sees where it travels and which one it is; --raw and the JSON keep every byte.
 */
const credentialHeaders = new Set(['authorization', 'proxy-authorization']);
/** Shorter credentials are demo passwords meant to be read (the WebSocket demo's "book-club"). */
const shownChars = 8;
const longerThan = 12;

export function shownHeaderValue(name: string, value: string): string {
  if (!credentialHeaders.has(name.toLowerCase())) return value;
  const parts = /^(\S+)( +)(\S+)$/.exec(value);
  if (!parts) return value;
  const [, scheme, gap, credential] = parts as unknown as [string, string, string, string];
  return credential.length > longerThan ? `${scheme}${gap}${credential.slice(0, shownChars)}…` : value;
}
