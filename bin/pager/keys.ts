/**
 * Raw terminal input → key names. In raw mode a key arrives as bytes: a printable
 * character, a control byte (Ctrl-C is 0x03), or an escape sequence (ECMA-48 CSI:
 * ESC [ … final byte; SS3: ESC O x, sent by some terminals for arrows in
 * application mode). One read may hold several keys (a paste, fast typing), so
 * the input is split into all the keys it contains.
 */
export type Key =
  | 'up'
  | 'down'
  | 'left'
  | 'right'
  | 'pageUp'
  | 'pageDown'
  | 'home'
  | 'end'
  | 'enter'
  | 'space'
  | 'escape'
  | 'backspace'
  | 'ctrlC'
  | { char: string };

const sequences: Record<string, Key> = {
  '\x1b[A': 'up',
  '\x1b[B': 'down',
  '\x1b[C': 'right',
  '\x1b[D': 'left',
  '\x1bOA': 'up',
  '\x1bOB': 'down',
  '\x1bOC': 'right',
  '\x1bOD': 'left',
  '\x1b[5~': 'pageUp',
  '\x1b[6~': 'pageDown',
  '\x1b[H': 'home',
  '\x1b[F': 'end',
  '\x1bOH': 'home',
  '\x1bOF': 'end',
  '\x1b[1~': 'home',
  '\x1b[4~': 'end',
  '\x1b[7~': 'home',
  '\x1b[8~': 'end',
};

export function parseKeys(input: string): Key[] {
  const keys: Key[] = [];
  let i = 0;
  while (i < input.length) {
    const ch = input[i]!;
    if (ch === '\x1b') {
      const length = escapeLength(input, i);
      const sequence = input.slice(i, i + length);
      // An unknown sequence (F-keys, modifiers) is one key that does nothing, never several letters.
      keys.push(length === 1 ? 'escape' : (sequences[sequence] ?? { char: '' }));
      i += length;
      continue;
    }
    const code = ch.codePointAt(0)!;
    const char = String.fromCodePoint(code);
    i += char.length;
    if (char === '\r' || char === '\n') keys.push('enter');
    else if (char === ' ') keys.push('space');
    else if (char === '\x03') keys.push('ctrlC');
    else if (char === '\x7f' || char === '\b') keys.push('backspace');
    else if (code >= 0x20) keys.push({ char });
    // Other control bytes are ignored.
  }
  return keys;
}

/** Length of the escape sequence starting at `at`: ESC alone, ESC [ params final, or ESC O x. */
function escapeLength(input: string, at: number): number {
  const next = input[at + 1];
  if (next === '[') {
    let end = at + 2;
    // Parameter and intermediate bytes are 0x20–0x3F; the final byte is 0x40–0x7E.
    while (end < input.length && input.charCodeAt(end) >= 0x20 && input.charCodeAt(end) <= 0x3f) end++;
    return end < input.length ? end - at + 1 : input.length - at;
  }
  if (next === 'O' && at + 2 < input.length) return 3;
  if (next === undefined || next === '\x1b') return 1;
  // Alt+key arrives as ESC followed by the key: treat it as that key alone being unknown.
  return 2;
}

export function isChar(key: Key, ...chars: string[]): boolean {
  return typeof key === 'object' && chars.includes(key.char);
}
