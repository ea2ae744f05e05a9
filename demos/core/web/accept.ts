/** What a browser asks for: HTML or data, and in which language. */
import type { Lang } from '../lang.js';

/**
 * True when the Accept header names text/html with a non-zero weight (RFC 9110 §12.5.1):
 * a browser's navigation does, curl (`*\/*`) and fetch() from a page's script do not.
 */
export function acceptsHtml(accept: string | undefined): boolean {
  if (!accept) return false;
  return accept
    .slice(0, 1000)
    .split(',')
    .some((range) => {
      const [type, ...params] = range.split(';').map((part) => part.trim().toLowerCase());
      const q = params.find((p) => p.startsWith('q='));
      return type === 'text/html' && (q === undefined || Number(q.slice(2)) > 0);
    });
}

/** The run's language (--lang) when the server knows it, else the browser's. */
export function langOf(acceptLanguage: string | undefined, run: Lang | undefined): Lang {
  return run ?? pageLang(acceptLanguage);
}

/** German when the browser's first language is German (Accept-Language, RFC 9110 §12.5.4), else English. */
export function pageLang(acceptLanguage: string | undefined): Lang {
  const first = (acceptLanguage ?? '').slice(0, 200).split(',')[0]!.trim().toLowerCase();
  return first.startsWith('de') ? 'de' : 'en';
}
