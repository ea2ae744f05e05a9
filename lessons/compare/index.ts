import { de, hyphenationExceptions as deExceptions } from './de.js';
import { en } from './en.js';

export const lessons = { en, de };

/** Words each language's table breaks only at the places given (see de.ts). */
export const hyphenationExceptions: Record<keyof typeof lessons, readonly string[]> = { en: [], de: deExceptions };
