/**
 * The tool's one way to write a number, chosen by the run's language: 1,042.3 ms and
 * 1,144 B in English, 1.042,3 ms and 1.144 B in German (decimal comma, a full stop
 * between thousands). Every renderer, table, chart and sentence uses it; `--json`
 * keeps plain JSON numbers and never passes through here.
 */
import type { Lang } from './lang.js';

export interface NumberWords {
  /** A count or a size, grouped: 1,144 / 1.144. */
  integer(value: number): string;
  /** A fixed number of decimals; a value that is not 0 but would round to 0 keeps its first significant digit. */
  decimal(value: number, digits: number): string;
  /** Milliseconds without the unit, one decimal by default: 17.2 / 17,2; 0.04 / 0,04, never 0. */
  ms(value: number, digits?: number): string;
  /** Milliseconds to the places that matter, without the unit: 0.64, 3.1, 12 (for latency tables). */
  msShort(value: number): string;
  /** Milliseconds, at most one decimal and none when it is 0: 100 / 26.5 / 26,5; under 0.05 its first digit (0.04). */
  msTrimmed(value: number): string;
  /** Milliseconds with the unit: 17.2 ms / 17,2 ms. */
  msUnit(value: number, digits?: number): string;
  /** Bytes with the unit: 1,144 B / 1.144 B. */
  bytes(value: number): string;
  /** Milliseconds as seconds with the unit, at most one decimal: 5 s / 1.5 s / 1,5 s. */
  secondsUnit(ms: number): string;
  /** How many times as much: 1.5 / 1,5. */
  ratio(value: number, digits?: number): string;
  /** A share as per cent, with the space both languages' style guides want here: 67 %. */
  percent(share: number): string;
}

const locales: Record<Lang, string> = { en: 'en-GB', de: 'de-DE' };
/** What stands where a number could not be measured. */
const missing = '—';
const cache = new Map<Lang, NumberWords>();

export function numberWords(lang: Lang): NumberWords {
  const known = cache.get(lang);
  if (known) return known;
  const locale = locales[lang];
  const formats = new Map<string, Intl.NumberFormat>();
  const format = (key: string, options: Intl.NumberFormatOptions) => {
    let found = formats.get(key);
    if (!found) {
      found = new Intl.NumberFormat(locale, options);
      formats.set(key, found);
    }
    return found;
  };
  const decimal = (value: number, digits: number) => {
    if (!Number.isFinite(value)) return missing;
    if (value !== 0 && Math.abs(value) < 0.5 * 10 ** -digits) {
      return format('significant', { maximumSignificantDigits: 1 }).format(value);
    }
    return format(`fixed${digits}`, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
  };
  const withUnit = (text: string, unit: string) => (text === missing ? missing : `${text} ${unit}`);
  const words: NumberWords = {
    integer: (value) => decimal(Math.round(value), 0),
    decimal,
    ms: (value, digits = 1) => decimal(value, digits),
    msShort: (value) => decimal(value, value < 10 ? 2 : value < 100 ? 1 : 0),
    msTrimmed: (value) =>
      Number.isFinite(value) && value !== 0 && Math.abs(value) < 0.05
        ? decimal(value, 1)
        : Number.isFinite(value)
          ? format('trimmed', { maximumFractionDigits: 1 }).format(value)
          : missing,
    msUnit: (value, digits = 1) => withUnit(decimal(value, digits), 'ms'),
    bytes: (value) => withUnit(decimal(Math.round(value), 0), 'B'),
    secondsUnit: (ms) =>
      withUnit(Number.isFinite(ms) ? format('trimmed', { maximumFractionDigits: 1 }).format(ms / 1000) : missing, 's'),
    ratio: (value, digits = 1) => decimal(value, digits),
    // German sets a space before %, English none (DIN 5008; the Chicago Manual of Style).
    percent: (share) => `${decimal(share * 100, 0)}${lang === 'de' ? ' %' : '%'}`,
  };
  cache.set(lang, words);
  return words;
}
