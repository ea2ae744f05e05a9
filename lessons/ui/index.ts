import type { Lang } from '../../demos/core/lang.js';
import { de } from './de.js';
import { en, type UiMessages } from './en.js';

export type { UiMessages };
export const ui: Record<Lang, UiMessages> = { en, de };
