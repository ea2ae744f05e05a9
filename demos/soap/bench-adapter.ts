/**
 * SOAP: the list as a ListBooks envelope POSTed to the demo's own soap service (the
 * soap package on express, behind the demo's gate, which checks every envelope).
 */
import type http from 'node:http';
import type express from 'express';
import { BookStore } from '../books/store.js';
import { createSoapApp } from './server.js';
import { namespace, servicePath, soapAction } from './wsdl.js';
import type { BenchAdapter } from '../bench/adapter.js';
import { httpClient, httpServer } from '../bench/http-adapter.js';

/** SOAP 1.1 §4: an Envelope with a Body; the operation is the Body's one child element. */
const listBooks =
  '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">' +
  `<soap:Body><ListBooks xmlns="${namespace}"/></soap:Body></soap:Envelope>`;

function countBooks(body: Buffer): number {
  const xml = body.toString('utf8');
  if (!xml.includes('ListBooksResponse')) throw new Error('the answer is no ListBooksResponse');
  return xml.match(/<(?:\w+:)?book>/g)?.length ?? 0;
}

export const benchAdapter: BenchAdapter = {
  id: 'soap',
  name: 'SOAP',
  operation: `POST ${servicePath} ListBooks`,
  start: async () => {
    // The service's WSDL names its own address, known only once the server listens.
    let app: express.Express | undefined;
    const handler: http.RequestListener = (req, res) => {
      if (app) app(req, res);
      else res.writeHead(503).end();
    };
    const server = await httpServer(handler);
    try {
      app = await createSoapApp(new BookStore(), `${server.address.url}${servicePath}`);
    } catch (error) {
      await server.close();
      throw error;
    }
    return server;
  },
  connect: async (address, options) =>
    httpClient(
      address,
      {
        method: 'POST',
        path: servicePath,
        // SOAP 1.1 §6.1.1: text/xml and the SOAPAction, quoted.
        headers: { 'Content-Type': 'text/xml; charset=utf-8', SOAPAction: `"${soapAction('ListBooks')}"` },
        body: listBooks,
      },
      countBooks,
      options,
    ),
};
