/**
 * The SOAP server: the soap package's server on express, serving the WSDL at ?wsdl and
 * the four operations at one endpoint, with the gate (gate.ts) in front of it.
 */
import express, { type NextFunction, type Request, type Response } from 'express';
import soap from 'soap';
import type { BookStore } from '../books/store.js';
import { sendFault } from './fault.js';
import { soapGate, type GateOptions } from './gate.js';
import { storeBehind, type Outage } from './outage.js';
import { bookService } from './service.js';
import { bookServiceWsdl, servicePath } from './wsdl.js';

/**
 * `endpoint` is the URL clients send to (the tap's, port included); it goes into the
 * WSDL's soap:address, so a client generated from the WSDL finds the service by itself.
 */
export async function createSoapApp(
  store: BookStore,
  endpoint: string,
  options: GateOptions & {
    /** Pages for a browser (`--serve`): an index at / and the operations page; the scenario needs none. */
    explorer?: express.Router;
    /** A switch that makes the store fail (the demo's soap:Server Fault); without it, the store never does. */
    outage?: Outage;
  } = {},
): Promise<express.Express> {
  const app = express();
  app.disable('x-powered-by');
  if (options.explorer) app.use(options.explorer);
  // A Fault is no representation to revalidate; no ETags on them.
  app.set('etag', false);
  app.all(servicePath, ...soapGate(options));

  await new Promise<void>((resolve, reject) => {
    soap.listen(app, {
      path: servicePath,
      services: bookService(options.outage ? storeBehind(store, options.outage) : store),
      xml: bookServiceWsdl(endpoint),
      // Content-Length instead of chunks: the bytes compare directly with REST's and GraphQL's answers.
      enableChunkedEncoding: false,
      suppressStack: true,
      callback: (error: unknown) =>
        error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(),
    });
  });

  app.use((req, res) => {
    res
      .status(404)
      .type('text/plain; charset=utf-8')
      .send(`Nothing at ${req.path}. The service is at ${servicePath}, its contract at ${servicePath}?wsdl.\n`);
  });

  // A body over the limit, a broken gzip stream: said as a Fault, never a stack trace.
  app.use((error: Error & { status?: number; type?: string }, _req: Request, res: Response, _next: NextFunction) => {
    const tooLarge = error.type === 'entity.too.large';
    const clientError = error.status !== undefined && error.status >= 400 && error.status < 500;
    sendFault(res, {
      code: clientError ? 'soap:Client' : 'soap:Server',
      string: tooLarge
        ? 'The message is too large for this service.'
        : clientError
          ? `The request could not be read: ${error.message}.`
          : 'The service failed to answer; this is a bug in awt-demo.',
    });
  });
  return app;
}
