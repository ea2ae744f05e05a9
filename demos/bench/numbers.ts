import type { Lang } from '../core/lang.js';

/** Numbers as the language writes them: 12,345.6 in English, 12.345,6 in German. */
export function numbers(lang: Lang) {
  const locale = lang === 'de' ? 'de-DE' : 'en-GB';
  const formats = new Map<number, Intl.NumberFormat>();
  const decimal = (value: number, digits: number) => {
    if (!Number.isFinite(value)) return '–';
    let format = formats.get(digits);
    if (!format) {
      format = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
      formats.set(digits, format);
    }
    return format.format(value);
  };
  return {
    decimal,
    integer: (value: number) => decimal(Math.round(value), 0),
    /** Two significant places where they matter: 0.64, 3.1, 12. */
    ms: (value: number) => decimal(value, value < 10 ? 2 : value < 100 ? 1 : 0),
  };
}
