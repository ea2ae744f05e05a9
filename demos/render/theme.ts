/**
 * Colours live here and nowhere else: the rest of the renderer speaks in styles,
 * so the same lines come out coloured on a terminal and plain when piped.
 */
import { Chalk, type ChalkInstance } from 'chalk';

export type Style =
  | 'title'
  | 'notice'
  | 'fact'
  | 'dim'
  | 'bold'
  | 'rule'
  | 'up'
  | 'down'
  | 'ok'
  | 'redirect'
  | 'clientError'
  | 'serverError'
  | 'key'
  | 'string'
  | 'number'
  | 'literal'
  | 'punct'
  | 'keyword'
  | 'name'
  | 'variable'
  | 'tag'
  | 'attr'
  | 'escape'
  | 'warn';

export interface Theme {
  readonly color: boolean;
  paint(style: Style | undefined, text: string): string;
}

const palette: Record<Style, (c: ChalkInstance) => ChalkInstance> = {
  title: (c) => c.bold.cyan,
  notice: (c) => c.italic,
  fact: (c) => c.green,
  dim: (c) => c.dim,
  bold: (c) => c.bold,
  rule: (c) => c.gray,
  up: (c) => c.bold.blue,
  down: (c) => c.bold.magenta,
  ok: (c) => c.bold.green,
  redirect: (c) => c.bold.yellow,
  clientError: (c) => c.bold.red,
  serverError: (c) => c.bold.redBright,
  key: (c) => c.cyan,
  string: (c) => c.green,
  number: (c) => c.yellow,
  literal: (c) => c.magenta,
  punct: (c) => c.gray,
  keyword: (c) => c.bold.magenta,
  name: (c) => c.blue,
  variable: (c) => c.yellow,
  tag: (c) => c.blue,
  attr: (c) => c.cyan,
  escape: (c) => c.dim.yellow,
  warn: (c) => c.yellow,
};

export function createTheme(color: boolean): Theme {
  if (!color) return { color, paint: (_style, text) => text };
  const chalk = new Chalk({ level: 1 });
  return { color, paint: (style, text) => (style ? palette[style](chalk)(text) : text) };
}

/** Colour on a TTY unless NO_COLOR is set (https://no-color.org) or FORCE_COLOR asks for it. */
export function wantsColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0';
  return Boolean(stream.isTTY) && env.TERM !== 'dumb';
}
