import type { Messages } from '../core/messages/en.js';
import { shortLimits } from './body-limits.js';
import type { Theme } from './theme.js';

export interface RenderOptions {
  /** Columns to lay out for. Below `stackBelow` the two sides stack. */
  width: number;
  theme: Theme;
  messages: Messages;
  /** Show exact bytes instead of pretty bodies. */
  raw: boolean;
  /** Do not cut long bodies. */
  full: boolean;
  /**
   * Lines a request body (`up`) and a response body (`down`) may take before they are
   * cut (default `maxBodyLines`); the pager lowers them to fit a step on one screen.
   * 0 folds the body into one line that says how long it is.
   */
  bodyLines?: { up: number; down: number };
  /**
   * Fewer lines for the same facts, for a small screen (the pager): the sizes stand
   * beside the request and response labels, and headers are named on one line
   * instead of shown: the routine ones (Host, Date, Connection, …) or all of them;
   * `lines`: every HTTP round trip but the last as one line (with the kept headers under
   * it), the last as with `headers`; `all-lines`: the last one too.
   */
  compact?: 'routine' | 'headers' | 'lines' | 'all-lines';
  /** Header names (lower case) that stay shown when compact: those the step talks about. */
  keepHeaders?: ReadonlySet<string>;
  /** AMQP methods (Basic.Qos) that keep an arrow of their own when compact: those the step talks about. */
  keepMethods?: ReadonlySet<string>;
  /** WebSocket frame columns that stay shown when compact: those the step talks about (masking, length forms). */
  keepFrameColumns?: ReadonlySet<FrameColumn>;
  /**
   * The items continue a run of the same kind already on screen (the live view of
   * --serve shows frames one by one): no column headings or notes again.
   */
  continued?: boolean;
}

export type FrameColumn = 'fin' | 'mask' | 'length';

/** Below this many columns request and response stack instead of standing side by side. */
export const stackBelow = 100;

/** Lines of a body before it is cut, unless --full (the pager may ask for fewer). */
export const maxBodyLines = shortLimits.maxLines;
