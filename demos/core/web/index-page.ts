/** The page at `/` of a served demo: what this server offers, with links. */
import type express from 'express';
import type { Lang } from '../lang.js';
import { langOf } from './accept.js';
import { escapeHtml, htmlPage } from './html.js';
import { sendPage } from './page-headers.js';

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

/** The index's words in one language, the title naming the demo. */
export interface IndexWords {
  index: { title: (values: { demo: string }) => string; intro: string; offers: string };
}

/**
 * The handler of `GET /` of a served demo: its index in the run's language (--lang) when
 * the server knows it, else the browser's, with the offers `offersOf` lists in that language.
 */
export function indexRoute<Words extends IndexWords>(
  demo: string,
  runLang: Lang | undefined,
  words: Record<Lang, Words>,
  offersOf: (words: Words) => readonly Offer[],
): express.RequestHandler {
  return (req, res) => {
    const lang = langOf(req.get('accept-language'), runLang);
    const pageWords = words[lang];
    sendPage(res, indexPage(lang, { ...pageWords.index, title: pageWords.index.title({ demo }) }, offersOf(pageWords)));
  };
}
