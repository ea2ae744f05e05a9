/**
 * The one error class for everything a user can cause. It carries a stable code
 * (tests and scripts match on it), the exit code, and the values the message needs;
 * the words come from the message catalogue at the moment it is printed, in the
 * user's language. Anything else that escapes is a bug and is reported as one.
 */
import type { Messages } from './messages/en.js';

type Catalogue = Messages['errors'];

/** Every AWT_ key of the catalogue that is a message (not a `_hint`). */
export type AwtErrorCode = {
  [K in keyof Catalogue]: K extends `${string}_hint` ? never : K extends `AWT_${string}` ? K : never;
}[keyof Catalogue];

/** The values a code's message needs: the parameter of its function in the catalogue. */
export type ErrorParams<C extends AwtErrorCode> = Catalogue[C] extends (p: infer P) => string ? P : never;

/** Exit codes: 2 usage, 3 a service is unreachable, 4 a local resource (port, file), 5 exercise checks failed. */
export const exitCodes: Record<AwtErrorCode, number> = {
  AWT_UNKNOWN_DEMO: 2,
  AWT_BAD_OPTION: 2,
  AWT_NO_SCHEMA: 2,
  AWT_NO_SERVE: 2,
  AWT_NO_DEPLOY_FILES: 2,
  AWT_DEPLOY_DIR: 4,
  // 128 + SIGINT, as a shell reports a program stopped by Ctrl-C.
  AWT_INTERRUPTED: 130,
  AWT_BAD_FILE: 4,
  AWT_CANNOT_WRITE: 4,
  AWT_OPTIONS_CLASH: 2,
  AWT_PORT_IN_USE: 4,
  AWT_PORT_FORBIDDEN: 4,
  AWT_BROKER_PORT_IN_USE: 4,
  AWT_BROKER_UNREACHABLE: 3,
  AWT_TARGET_UNREACHABLE: 3,
  AWT_LLM_UNREACHABLE: 3,
  AWT_LLM_BAD_ANSWER: 3,
  AWT_UNKNOWN_EXERCISE: 2,
  AWT_UNKNOWN_EXERCISE_COMMAND: 2,
  AWT_FOLDER_NOT_EMPTY: 4,
  AWT_NO_PROGRAMS: 2,
  AWT_EXERCISE_OPTION: 2,
  // The run itself worked; the student's server did not pass every check (like a failing test suite).
  AWT_CHECKS_FAILED: 5,
};

export class AwtError<C extends AwtErrorCode = AwtErrorCode> extends Error {
  readonly exitCode: number;

  constructor(
    readonly code: C,
    readonly params: ErrorParams<C>,
  ) {
    super(`${code} ${JSON.stringify(params)}`);
    this.name = 'AwtError';
    this.exitCode = exitCodes[code];
  }

  /** What happened, then what to do: one or two lines. A hint may depend on the values (the reason). */
  describe(messages: Messages): string[] {
    const message = messages.errors[this.code] as (p: ErrorParams<C>) => string;
    const hint = (messages.errors as Record<string, unknown>)[`${this.code}_hint`];
    const hintText = typeof hint === 'function' ? (hint as (p: ErrorParams<C>) => string)(this.params) : hint;
    return typeof hintText === 'string' && hintText !== '' ? [message(this.params), hintText] : [message(this.params)];
  }
}

export function isAwtError(error: unknown): error is AwtError {
  return error instanceof AwtError;
}

/**
 * A server that cannot listen on the port the user chose says so in the tool's words:
 * taken by another program, or below 1024 without the right to bind it. The wire layer
 * passes node's own error up; this is where it becomes the user's error.
 */
export function listenError(error: unknown): AwtError | undefined {
  const system = error as NodeJS.ErrnoException & { port?: number };
  if (system?.syscall !== 'listen') return undefined;
  if (system.code === 'EADDRINUSE') return new AwtError('AWT_PORT_IN_USE', { port: system.port ?? 0 });
  if (system.code === 'EACCES') return new AwtError('AWT_PORT_FORBIDDEN', { port: system.port ?? 0 });
  return undefined;
}
