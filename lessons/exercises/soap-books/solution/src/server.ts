/**
 * The SOAP book service on PORT (default 8000): the operations at /BookService, the
 * WSDL at /BookService?wsdl. books.wsdl is the soap demo's contract, written into this
 * folder by `awt-demo exercise start` (BOOKS_WSDL may name another copy of it).
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import soap from 'soap';
import { bookService } from './service.js';

const wsdl = readFileSync(process.env.BOOKS_WSDL ?? new URL('../books.wsdl', import.meta.url), 'utf8');
const port = Number(process.env.PORT ?? 8000);

// Everything the soap package does not answer (it takes /BookService) is a plain 404.
const server = http.createServer((_req, res) => {
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('The service is at /BookService.\n');
});

server.listen(port, () => {
  soap.listen(server, '/BookService', bookService(), wsdl);
  // The port really taken (PORT=0 asks the system for a free one).
  const { port: listening } = server.address() as AddressInfo;
  console.log(`SOAP book service ready at http://localhost:${listening}/BookService`);
});
