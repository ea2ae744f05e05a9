import type { Lang } from '../../demos/core/lang.js';
import { de } from './de.js';
import { en, type ExplorerTexts } from './en.js';

export type { ExplorerTexts };
export const explorerTexts: Record<Lang, ExplorerTexts> = { en, de };
