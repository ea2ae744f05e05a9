import type { Lang } from '../../../demos/core/lang.js';
import type { ExerciseText } from '../../../demos/exercises/types.js';
import { de } from './de.js';
import { en } from './en.js';

export const texts: Record<Lang, ExerciseText> = { en, de };
