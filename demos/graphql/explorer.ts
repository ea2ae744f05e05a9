/**
 * The GraphQL explorer of `--serve`: a browser that GETs /graphql (Accept: text/html)
 * gets GraphiQL with this server's schema (docs, autocomplete, run a query). GraphiQL,
 * React and ReactDOM come from their npm packages, served here; every query GraphiQL
 * sends, its introspection query included, is a POST /graphql through the tap.
 */
import express from 'express';
import type { Lang } from '../core/lang.js';
import { acceptsHtml, langOf } from '../core/web/accept.js';
import { escapeHtml, htmlPage, scriptJson } from '../core/web/html.js';
import { indexRoute } from '../core/web/index-page.js';
import { serveAssets, serveScripts } from '../core/web/package-assets.js';
import { sendPage } from '../core/web/page-headers.js';
import { explorerTexts } from '../../lessons/explorers/index.js';

const base = '/explorer';

/** GraphiQL 3 ships a browser-ready bundle; React 18 is the last with UMD files it can run on. */
const assets = {
  'react.production.min.js': { package: 'react', file: 'umd/react.production.min.js' },
  'react-dom.production.min.js': { package: 'react-dom', file: 'umd/react-dom.production.min.js' },
  'graphiql.min.js': { package: 'graphiql', file: 'graphiql.min.js' },
  'graphiql.min.css': { package: 'graphiql', file: 'graphiql.min.css' },
};

/** The query GraphiQL opens with: one that shows nesting, the point of GraphQL. */
const sampleQuery = `{
  books {
    title
    author
    reviews {
      rating
      comment
    }
  }
}
`;

/** Starts GraphiQL on the page; its settings come from the JSON in the page, never from the URL. */
const startScript = `'use strict';
const settings = JSON.parse(document.getElementById('graphiql-settings').textContent);
const fetcher = GraphiQL.createFetcher({ url: settings.endpoint });
ReactDOM.createRoot(document.getElementById('graphiql')).render(
  React.createElement(GraphiQL, { fetcher, defaultQuery: settings.defaultQuery, defaultEditorToolbarTabs: 'variables' }),
);
`;

export function graphqlExplorer(endpoint: string, runLang?: Lang): express.Router {
  const router = express.Router();
  serveAssets(router, base, assets);
  serveScripts(router, base, { 'start-graphiql.js': startScript });

  router.get(
    '/',
    indexRoute('graphql', runLang, explorerTexts, (t) => [
      { href: endpoint, label: t.graphql.explorer, note: t.graphql.explorerNote },
      {
        href: `${endpoint}?query=${encodeURIComponent('{ books { title author } }')}`,
        label: t.graphql.getQuery,
        note: t.graphql.getQueryNote,
      },
    ]),
  );

  // Only a browser's page load: a GET with a query, or one asking for JSON, goes on to the GraphQL handler.
  router.get(endpoint, (req, res, next) => {
    if (!acceptsHtml(req.get('accept')) || req.query.query !== undefined) return next();
    const lang = langOf(req.get('accept-language'), runLang);
    const t = explorerTexts[lang];
    const settings = { endpoint, defaultQuery: t.graphql.defaultQuery + sampleQuery };
    sendPage(
      res,
      htmlPage({
        lang,
        title: t.graphql.explorer,
        head: `<link rel="stylesheet" href="${base}/graphiql.min.css">
<style>body { margin: 0; max-width: none; padding: 0; height: 100vh; display: flex; flex-direction: column; }
#graphiql { flex: 1; min-height: 0; } .tool-note { margin: .3rem 1rem; font-size: 14px; }</style>`,
        body: `${t.toolNote ? `<p class="tool-note">${escapeHtml(t.toolNote)}</p>\n` : ''}<div id="graphiql">${escapeHtml(t.loading)}</div>
<noscript>${escapeHtml(t.noScript)}</noscript>
<script type="application/json" id="graphiql-settings">${scriptJson(settings)}</script>
<script src="${base}/react.production.min.js"></script>
<script src="${base}/react-dom.production.min.js"></script>
<script src="${base}/graphiql.min.js"></script>
<script src="${base}/start-graphiql.js"></script>`,
      }),
    );
  });
  return router;
}
