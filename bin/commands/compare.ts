/** `awt-demo compare` and the parsing of its options. */
import type { Comparison, ParadigmId, UseCaseId } from '../../demos/compare/types.js';
import { AwtError } from '../../demos/core/errors.js';
import { messages } from '../../demos/core/messages/index.js';
import type { Lang } from '../../demos/core/lang.js';
import { brokerChoice, type BrokerChoice } from '../../demos/mq/broker-choice.js';
import { integerOption, resolveLang, widthOption } from '../options.js';
import { outputWidth, wrapPlain, write } from '../output.js';

export interface RawCompareOptions {
  only?: string;
  case?: string;
  repeat?: string;
  json?: boolean;
  markdown?: boolean;
  csv?: boolean;
  lang?: string;
  color?: boolean;
  width?: string;
  amqpUrl?: string;
  broker?: string;
}

export interface CompareOptions {
  paradigms: ParadigmId[];
  useCases: UseCaseId[];
  repetitions: number;
  lang: Lang;
  amqpUrl?: string;
  broker: BrokerChoice;
  /** --width, checked with the other options: a typo must not cost a whole measurement first. */
  width: number | undefined;
}

export async function parseCompareOptions(raw: RawCompareOptions, env: NodeJS.ProcessEnv): Promise<CompareOptions> {
  const { comparableParadigms } = await import('../../demos/compare/paradigms.js');
  const { useCaseIds } = await import('../../demos/compare/types.js');
  const paradigms = list(raw.only, '--only', comparableParadigms);
  const cases = list(raw.case, '--case', useCaseIds.map(String)).map(Number) as UseCaseId[];
  const repetitions = raw.repeat === undefined ? 5 : integerOption('--repeat', raw.repeat, 1, 50);
  const width = widthOption(raw.width);
  if (raw.amqpUrl !== undefined) {
    // The same check as bench: a garbage --amqp-url is a usage error before anything starts.
    const { resolveBrokerUrl } = await import('../../demos/core/broker-url.js');
    resolveBrokerUrl(raw.amqpUrl, env);
  }
  return {
    width,
    paradigms: comparableParadigms.filter((p) => paradigms.includes(p)),
    useCases: cases.sort((a, b) => a - b),
    repetitions,
    lang: resolveLang(raw.lang, env),
    ...(raw.amqpUrl || env.AMQP_URL ? { amqpUrl: raw.amqpUrl ?? env.AMQP_URL } : {}),
    broker: brokerChoice(raw.broker, env),
  };
}

/** A comma-separated choice from `allowed`; all of them when not given. */
function list<T extends string>(value: string | undefined, option: string, allowed: readonly T[]): T[] {
  if (value === undefined) return [...allowed];
  const items = value.split(',').map((item) => item.trim().toLowerCase());
  const bad = items.find((item) => !allowed.includes(item as T));
  if (bad !== undefined || items.length === 0) {
    throw new AwtError('AWT_BAD_OPTION', { option, value, expected: allowed.join(', ') });
  }
  return [...new Set(items)] as T[];
}

export async function measureComparison(options: CompareOptions): Promise<Comparison> {
  const { runComparison } = await import('../../demos/compare/run-comparison.js');
  const words = messages[options.lang].compare;
  // Progress on stderr, only for a person watching: a pipe gets the result alone.
  const progress = process.stderr.isTTY
    ? (paradigm: ParadigmId) => process.stderr.write(`\r\x1b[2K… ${words.paradigms[paradigm]}`)
    : undefined;
  const comparison = await runComparison({ ...options, ...(progress ? { onParadigm: progress } : {}) });
  if (progress) process.stderr.write('\r\x1b[2K');
  return comparison;
}

export async function compareCommand(raw: RawCompareOptions, env: NodeJS.ProcessEnv): Promise<void> {
  const formats = [raw.json, raw.markdown, raw.csv].filter(Boolean).length;
  if (formats > 1) {
    throw new AwtError('AWT_BAD_OPTION', {
      option: '--json/--markdown/--csv',
      value: 'several',
      expected: 'one of them',
    });
  }
  const options = await parseCompareOptions(raw, env);
  const comparison = await measureComparison(options);
  const words = messages[options.lang].compare;
  if (raw.json) return write(JSON.stringify(comparison, null, 2) + '\n');
  const formatsModule = await import('../../demos/render/comparison-formats.js');
  if (raw.markdown) return write(formatsModule.comparisonMarkdown(comparison, words, messages[options.lang].numbers));
  if (raw.csv) return write(formatsModule.comparisonCsv(comparison, words));
  const { renderComparison } = await import('../../demos/render/comparison.js');
  const { createTheme, wantsColor } = await import('../../demos/render/theme.js');
  const theme = createTheme(raw.color !== false && wantsColor(process.stdout, env));
  const width = outputWidth(options.width);
  write(renderComparison(comparison, { width, theme, words, numbers: messages[options.lang].numbers }));
  if (comparison.broker)
    write('\n' + wrapPlain(messages[options.lang].broker.used(comparison.broker), width).join('\n') + '\n');
}
