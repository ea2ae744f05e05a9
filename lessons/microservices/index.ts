import { de } from './de.js';
import { en } from './en.js';

export const lessons = { en, de };
