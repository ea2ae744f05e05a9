/** The tool's own words (help, errors, headings), one catalogue per language. */
import type { Lang } from '../lang.js';
import { de } from './de.js';
import { en, type Messages } from './en.js';

export type { Messages };
export const messages: Record<Lang, Messages> = { en, de };
