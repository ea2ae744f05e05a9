/** `awt-demo table`: the lecture's criteria with measured rows (measured now, or read from a file). */
import { readFile } from 'node:fs/promises';
import type { Comparison } from '../../demos/compare/types.js';
import { AwtError } from '../../demos/core/errors.js';
import { messages } from '../../demos/core/messages/index.js';
import { integerOption, resolveLang } from '../options.js';
import { outputWidth, write } from '../output.js';
import { measureComparison, parseCompareOptions, type RawCompareOptions } from './compare.js';

interface RawTableOptions extends RawCompareOptions {
  from?: string;
}

export async function tableCommand(raw: RawTableOptions, env: NodeJS.ProcessEnv): Promise<void> {
  const lang = resolveLang(raw.lang, env);
  const { lessons } = await import('../../lessons/compare/index.js');
  const words = { messages: messages[lang].compare, lesson: lessons[lang] };
  let comparison: Comparison;
  let source: string;
  if (raw.from) {
    comparison = await readComparison(raw.from);
    source = raw.from;
  } else {
    const options = await parseCompareOptions({ ...raw, repeat: raw.repeat ?? '3' }, env);
    comparison = await measureComparison(options);
    source = 'awt-demo compare';
  }
  const render = await import('../../demos/render/criteria-table.js');
  if (raw.markdown) return write(render.criteriaMarkdown(comparison, words, source));
  const { createTheme, wantsColor } = await import('../../demos/render/theme.js');
  write(
    render.renderCriteriaTable(comparison, {
      width: outputWidth(raw.width === undefined ? undefined : integerOption('--width', raw.width, 40, 400)),
      theme: createTheme(raw.color !== false && wantsColor(process.stdout, env)),
      words,
      source,
    }),
  );
}

/** A file from `compare --json`; anything else is a clear error, not a stack trace. */
async function readComparison(file: string): Promise<Comparison> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new AwtError('AWT_BAD_FILE', { file, reason: (error as NodeJS.ErrnoException).code ?? 'unreadable' });
  }
  try {
    const data = JSON.parse(text) as Partial<Comparison>;
    if (!Array.isArray(data.useCases) || !Array.isArray(data.paradigms)) throw new Error('shape');
    return data as Comparison;
  } catch {
    throw new AwtError('AWT_BAD_FILE', { file, reason: 'not-a-comparison' });
  }
}
