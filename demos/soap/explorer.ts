/**
 * The SOAP page of `--serve`: a browser that GETs the endpoint (Accept: text/html, no
 * ?wsdl) sees the operations, each with a sample envelope to edit and send. The page's
 * script POSTs it with the operation's SOAPAction, as any SOAP 1.1 client does
 * (SOAP 1.1 §6.1), so every send shows in the trace. An index at / links it and the WSDL.
 */
import express from 'express';
import type { Lang } from '../core/lang.js';
import { acceptsHtml, langOf } from '../core/web/accept.js';
import { escapeHtml, htmlPage, scriptJson } from '../core/web/html.js';
import { indexRoute } from '../core/web/index-page.js';
import { serveScripts } from '../core/web/package-assets.js';
import { sendPage } from '../core/web/page-headers.js';
import { explorerTexts, type ExplorerTexts } from '../../lessons/explorers/index.js';
import { soapEnvelopeNs, wsseNs } from './fault.js';
import { demoAccount, passwordText } from './ws-security.js';
import { namespace, servicePath, soapAction, type Operation } from './wsdl.js';

const base = '/soap-explorer';

interface Sample {
  operation: Operation;
  label?: keyof ExplorerTexts['soap'];
  envelope: string;
}

/** An envelope laid out for reading; the server reads it like the one-line form curl sends. */
function envelope(operation: Operation, fields: Array<[string, string]>, header: string[] = []): string {
  const lines = [
    `<soap:Envelope xmlns:soap="${soapEnvelopeNs}">`,
    ...(header.length ? ['  <soap:Header>', ...header.map((line) => `    ${line}`), '  </soap:Header>'] : []),
    '  <soap:Body>',
    fields.length ? `    <${operation} xmlns="${namespace}">` : `    <${operation} xmlns="${namespace}"/>`,
    ...fields.map(([name, value]) => `      <${name}>${value}</${name}>`),
    ...(fields.length ? [`    </${operation}>`] : []),
    '  </soap:Body>',
    '</soap:Envelope>',
  ];
  return lines.join('\n') + '\n';
}

/** PasswordText keeps the sample readable; the scenario sends a PasswordDigest instead. */
const usernameToken = [
  `<wsse:Security xmlns:wsse="${wsseNs}" soap:mustUnderstand="1">`,
  '  <wsse:UsernameToken>',
  `    <wsse:Username>${demoAccount.username}</wsse:Username>`,
  `    <wsse:Password Type="${passwordText}">${demoAccount.password}</wsse:Password>`,
  '  </wsse:UsernameToken>',
  '</wsse:Security>',
];

const book: Array<[string, string]> = [
  ['title', 'Refactoring'],
  ['author', 'Martin Fowler'],
  ['year', '1999'],
];

export const samples: Sample[] = [
  { operation: 'ListBooks', envelope: envelope('ListBooks', []) },
  { operation: 'GetBook', envelope: envelope('GetBook', [['id', '1']]) },
  { operation: 'GetBookWithReviews', envelope: envelope('GetBookWithReviews', [['id', '1']]) },
  { operation: 'AddBook', envelope: envelope('AddBook', book) },
  { operation: 'AddBook', label: 'withToken', envelope: envelope('AddBook', book, usernameToken) },
];

/** Sends a form's envelope and shows the answer; text goes in with textContent only. */
const startScript = `'use strict';
const t = JSON.parse(document.getElementById('soap-texts').textContent);
for (const form of document.querySelectorAll('form[data-action]')) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const out = form.querySelector('output');
    out.textContent = t.sending;
    try {
      const response = await fetch(t.endpoint, {
        method: 'POST',
        headers: { 'Content-Type': 'text/xml; charset=utf-8', SOAPAction: '"' + form.dataset.action + '"' },
        body: form.querySelector('textarea').value,
      });
      out.textContent = 'HTTP ' + response.status + ' ' + response.statusText + '\\n\\n' + (await response.text());
    } catch (error) {
      out.textContent = t.failed + ' ' + error;
    }
  });
}
`;

function operationsPage(t: ExplorerTexts, lang: 'en' | 'de'): string {
  const sections = samples.map((sample, i) => {
    const title = sample.label ? t.soap[sample.label] : sample.operation;
    const rows = sample.envelope.split('\n').length;
    return `<section>
<h2>${escapeHtml(String(title))}</h2>
<p>${escapeHtml(t.soap.action)}: <code>"${escapeHtml(soapAction(sample.operation))}"</code></p>
<form data-action="${escapeHtml(soapAction(sample.operation))}" id="op-${i}">
<textarea rows="${rows}" spellcheck="false" aria-label="${escapeHtml(String(title))}">${escapeHtml(sample.envelope)}</textarea>
<p><button>${escapeHtml(t.soap.send)}</button></p>
<p>${escapeHtml(t.soap.response)}:</p>
<pre><output></output></pre>
</form>
</section>`;
  });
  const texts = { endpoint: servicePath, sending: t.soap.sending, failed: t.soap.failed };
  return htmlPage({
    lang,
    title: t.soap.title,
    body: `<h1>${escapeHtml(t.soap.title)}</h1>
<p>${escapeHtml(t.soap.intro)}</p>
<p>${escapeHtml(t.soap.endpoint)}: <code>POST ${escapeHtml(servicePath)}</code> ·
<a href="${escapeHtml(servicePath)}?wsdl">${escapeHtml(t.soap.wsdl)}</a></p>
${sections.join('\n')}
<script type="application/json" id="soap-texts">${scriptJson(texts)}</script>
<script src="${base}/start.js"></script>`,
  });
}

export function soapExplorer(runLang?: Lang): express.Router {
  const router = express.Router();
  serveScripts(router, base, { 'start.js': startScript });

  router.get(
    '/',
    indexRoute('soap', runLang, explorerTexts, (t) => [
      { href: servicePath, label: t.soap.page, note: t.soap.pageNote },
      { href: `${servicePath}?wsdl`, label: t.soap.wsdl, note: t.soap.wsdlNote },
    ]),
  );

  // Only a browser's page load: ?wsdl and every POST go on to the service.
  router.get(servicePath, (req, res, next) => {
    if (!acceptsHtml(req.get('accept')) || Object.keys(req.query).length > 0) return next();
    const lang = langOf(req.get('accept-language'), runLang);
    sendPage(res, operationsPage(explorerTexts[lang], lang));
  });
  return router;
}
