/**
 * The one error class for everything a user can cause. It carries a stable code
 * (tests and scripts match on it), the exit code, and the values the message needs;
 * the words come from the message catalogue at the moment it is printed, in the
 * user's language. Anything else that escapes is a bug and is reported as one.
 */
import type { UiMessages } from '../../lessons/ui/en.js';

type ErrorParams = {
  AWT_UNKNOWN_DEMO: { demo: string; ids: string };
  AWT_BAD_OPTION: { option: string; value: string; expected: string };
  AWT_PORT_IN_USE: { port: number };
  AWT_NO_SCHEMA: { demo: string };
  AWT_NO_SERVE: { demo: string };
  AWT_INTERRUPTED: Record<string, never>;
  AWT_BAD_FILE: { file: string; reason: string };
  /** `url` without its password; `detail` is the system's or the broker's own words. */
  AWT_BROKER_UNREACHABLE: {
    url: string;
    reason: 'refused' | 'timeout' | 'unknown-host' | 'login' | 'vhost' | 'not-amqp' | 'lost' | 'stalled';
    detail: string;
  };
};
export type AwtErrorCode = keyof ErrorParams;

/** Exit codes: 2 usage, 3 a service is unreachable, 4 a local resource (port, file). */
export const exitCodes: Record<AwtErrorCode, number> = {
  AWT_UNKNOWN_DEMO: 2,
  AWT_BAD_OPTION: 2,
  AWT_NO_SCHEMA: 2,
  AWT_NO_SERVE: 2,
  // 128 + SIGINT, as a shell reports a program stopped by Ctrl-C.
  AWT_INTERRUPTED: 130,
  AWT_BAD_FILE: 4,
  AWT_PORT_IN_USE: 4,
  AWT_BROKER_UNREACHABLE: 3,
};

export class AwtError<C extends AwtErrorCode = AwtErrorCode> extends Error {
  readonly exitCode: number;

  constructor(
    readonly code: C,
    readonly params: ErrorParams[C],
  ) {
    super(`${code} ${JSON.stringify(params)}`);
    this.name = 'AwtError';
    this.exitCode = exitCodes[code];
  }

  /** What happened, then what to do: one or two lines. */
  describe(messages: UiMessages): string[] {
    const errors = messages.errors as unknown as Record<string, ((p: unknown) => string) | string>;
    const message = errors[this.code] as (p: unknown) => string;
    const hint = errors[`${this.code}_hint`];
    return typeof hint === 'string' ? [message(this.params), hint] : [message(this.params)];
  }
}

export function isAwtError(error: unknown): error is AwtError {
  return error instanceof AwtError;
}
