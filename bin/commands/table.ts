/** `awt-demo table`: the lecture's criteria with measured rows (measured now, or read from a file). */
import { readFile } from 'node:fs/promises';
import { paradigmIds, useCaseIds, type Comparison } from '../../demos/compare/types.js';
import { AwtError } from '../../demos/core/errors.js';
import { messages } from '../../demos/core/messages/index.js';
import { resolveLang, widthOption } from '../options.js';
import { outputWidth, write } from '../output.js';
import { measureComparison, parseCompareOptions, type RawCompareOptions } from './compare.js';

interface RawTableOptions extends RawCompareOptions {
  from?: string;
}

export async function tableCommand(raw: RawTableOptions, env: NodeJS.ProcessEnv): Promise<void> {
  const lang = resolveLang(raw.lang, env);
  const width = widthOption(raw.width);
  const { lessons, hyphenationExceptions } = await import('../../lessons/compare/index.js');
  const words = { messages: messages[lang].compare, lesson: lessons[lang], numbers: messages[lang].numbers };
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
  const { loadHyphenation } = await import('../../demos/render/hyphenation.js');
  const hyphenation = await loadHyphenation(lang, hyphenationExceptions[lang]);
  write(
    render.renderCriteriaTable(comparison, {
      width: outputWidth(width),
      theme: createTheme(raw.color !== false && wantsColor(process.stdout, env)),
      words,
      source,
      hyphenation,
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
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new AwtError('AWT_BAD_FILE', { file, reason: 'not-a-comparison' });
  }
  // Checked all the way down: the renderer trusts the shape, and a file can say anything.
  if (!isComparison(data)) throw new AwtError('AWT_BAD_FILE', { file, reason: 'not-a-comparison' });
  return { ...data, setup: data.setup ?? {} };
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const isBytes = (v: unknown) => isObject(v) && isCount(v.total) && isCount(v.overhead) && isCount(v.payload);
const isCountOrNull = (v: unknown) => v === null || isCount(v);

function isMeasurement(v: unknown): boolean {
  return (
    isObject(v) &&
    isCount(v.roundTrips) &&
    isCount(v.connections) &&
    isBytes(v.up) &&
    isBytes(v.down) &&
    isCountOrNull(v.fieldsReceived) &&
    isCountOrNull(v.fieldsNeeded) &&
    isCount(v.latencyMs) &&
    isCount(v.repetitions) &&
    (v.note === undefined || typeof v.note === 'string')
  );
}

function isCell(v: unknown): boolean {
  if (!isObject(v)) return false;
  if (v.fit === true) return isMeasurement(v.measurement);
  return (v.fit === false || v.fit === 'skipped') && typeof v.reason === 'string';
}

function isCells(v: unknown): boolean {
  return (
    isObject(v) &&
    Object.entries(v).every(([id, cell]) => (paradigmIds as readonly string[]).includes(id) && isCell(cell))
  );
}

function isComparison(v: unknown): v is Comparison {
  return (
    isObject(v) &&
    typeof v.lang === 'string' &&
    Array.isArray(v.paradigms) &&
    v.paradigms.every((p) => (paradigmIds as readonly unknown[]).includes(p)) &&
    isCells(v.setup ?? {}) &&
    Array.isArray(v.useCases) &&
    v.useCases.every(
      (u) =>
        isObject(u) &&
        (useCaseIds as readonly unknown[]).includes(u.id) &&
        typeof u.title === 'string' &&
        isCells(u.cells),
    )
  );
}
