/** The page at `/` of a served demo: what this server offers, with links. */
import type { Lang } from '../lang.js';
import { escapeHtml, htmlPage } from './html.js';

export interface Offer {
  href: string;
  label: string;
  note: string;
}

export interface IndexTexts {
  title: string;
  intro: string;
  offers: string;
}

export function indexPage(lang: Lang, texts: IndexTexts, offers: readonly Offer[]): string {
  const items = offers.map(
    (offer) =>
      `<li><a href="${escapeHtml(offer.href)}">${escapeHtml(offer.label)}</a> <code>${escapeHtml(offer.href)}</code>` +
      `<br><span class="note">${escapeHtml(offer.note)}</span></li>`,
  );
  return htmlPage({
    lang,
    title: texts.title,
    body: `<h1>${escapeHtml(texts.title)}</h1>
<p>${escapeHtml(texts.intro)}</p>
<h2>${escapeHtml(texts.offers)}</h2>
<ul>
${items.join('\n')}
</ul>`,
  });
}
