/**
 * The REST explorer of `--serve`: Swagger UI at /docs reads /openapi.json and sends
 * "Try it out" requests to this server, so each shows in the trace. Its files come
 * from the swagger-ui-dist package, served here; an index at / links what the server offers.
 */
import express from 'express';
import type { Lang } from '../core/lang.js';
import { langOf } from '../core/web/accept.js';
import { escapeHtml, htmlPage } from '../core/web/html.js';
import { indexRoute } from '../core/web/index-page.js';
import { serveAssets, serveScripts } from '../core/web/package-assets.js';
import { sendPage } from '../core/web/page-headers.js';
import { explorerTexts } from '../../lessons/explorers/index.js';

const base = '/docs';

const assets = {
  'swagger-ui.css': { package: 'swagger-ui-dist', file: 'swagger-ui.css' },
  'swagger-ui-bundle.js': { package: 'swagger-ui-dist', file: 'swagger-ui-bundle.js' },
};

/**
 * validatorUrl null: by default Swagger UI sends the document to validator.swagger.io
 * for a badge; here nothing leaves the machine. The document names no servers, so
 * "Try it out" goes to the page's own origin: through the tap.
 */
const startScript = `'use strict';
window.ui = SwaggerUIBundle({
  url: '/openapi.json',
  dom_id: '#swagger-ui',
  validatorUrl: null,
  deepLinking: true,
  presets: [SwaggerUIBundle.presets.apis],
  layout: 'BaseLayout',
});
`;

/** A line above a tool, in the page's language (the tool itself speaks only English). */
function toolNote(note: string): string {
  return note ? `<p class="tool-note" style="margin: .5rem 1rem">${escapeHtml(note)}</p>\n` : '';
}

export function restExplorer(runLang?: Lang): express.Router {
  const router = express.Router();
  serveAssets(router, base, assets);
  serveScripts(router, base, { 'start-swagger-ui.js': startScript });

  router.get(
    '/',
    indexRoute('rest', runLang, explorerTexts, (t) => [
      { href: base, label: t.rest.docs, note: t.rest.docsNote },
      { href: '/openapi.json', label: t.rest.openapi, note: t.rest.openapiNote },
      { href: '/v1/books', label: t.rest.books, note: t.rest.booksNote },
      { href: '/v2/books', label: t.rest.booksV2, note: t.rest.booksNote },
    ]),
  );

  router.get(base, (req, res) => {
    const lang = langOf(req.get('accept-language'), runLang);
    const t = explorerTexts[lang];
    sendPage(
      res,
      htmlPage({
        lang,
        title: t.rest.docs,
        head: `<link rel="stylesheet" href="${base}/swagger-ui.css">
<style>body { max-width: none; margin: 0; padding: 0; }</style>`,
        body: `${toolNote(t.toolNote)}<div id="swagger-ui">${escapeHtml(t.loading)}</div>
<noscript>${escapeHtml(t.noScript)}</noscript>
<script src="${base}/swagger-ui-bundle.js"></script>
<script src="${base}/start-swagger-ui.js"></script>`,
      }),
    );
  });
  return router;
}
