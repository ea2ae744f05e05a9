/**
 * HTML for the pages `--serve` offers. Every value that reaches a page goes through
 * escapeHtml (text and attribute values) or scriptJson (data for a page's script):
 * a book title, a query or an envelope may hold markup.
 */
import type { Lang } from '../lang.js';

const htmlEscapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for an element's content or a quoted attribute value (HTML Living Standard §13.1.2.3, §13.3). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => htmlEscapes[c]!);
}

/**
 * JSON to embed in `<script type="application/json">`: "<" could end the element early
 * ("</script>") and U+2028/U+2029 break older parsers, so they are written as \u escapes.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

export interface PageParts {
  lang: Lang;
  title: string;
  /** Markup for <head> besides charset, viewport, title and the shared style (already safe HTML). */
  head?: string;
  /** The page body (already safe HTML). */
  body: string;
}

const style = `
  body { font: 16px/1.45 system-ui, sans-serif; max-width: 60rem; margin: 1.5rem auto; padding: 0 1rem; color: #222; }
  code, pre, textarea { font: 13px/1.4 ui-monospace, monospace; }
  pre { background: #f5f5f5; padding: .6rem; overflow-x: auto; white-space: pre-wrap; word-break: break-all; }
  a { color: #0b57d0; } li { margin: .35rem 0; } .note { color: #555; }
  section { border-top: 1px solid #ddd; margin-top: 1.2rem; }
  textarea { width: 100%; box-sizing: border-box; }
`;

export function htmlPage(parts: PageParts): string {
  return `<!doctype html>
<html lang="${parts.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(parts.title)}</title>
<style>${style}</style>
${parts.head ?? ''}
</head>
<body>
${parts.body}
</body>
</html>
`;
}
