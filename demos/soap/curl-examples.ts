/** Ready-to-paste requests for `--serve`: the contract, calls, a Fault, and WS-Security with and without a token. */
import { soapEnvelopeNs, wsseNs } from './fault.js';
import { demoAccount, passwordText } from './ws-security.js';
import { namespace, soapAction, type Operation } from './wsdl.js';

/** PasswordText keeps the example short; the scenario sends a PasswordDigest instead. */
const securityHeader =
  `<soap:Header><wsse:Security xmlns:wsse="${wsseNs}" soap:mustUnderstand="1"><wsse:UsernameToken>` +
  `<wsse:Username>${demoAccount.username}</wsse:Username>` +
  `<wsse:Password Type="${passwordText}">${demoAccount.password}</wsse:Password>` +
  '</wsse:UsernameToken></wsse:Security></soap:Header>';

export function envelope(operation: Operation, inner: string, header = ''): string {
  return `<soap:Envelope xmlns:soap="${soapEnvelopeNs}">${header}<soap:Body><${operation} xmlns="${namespace}">${inner}</${operation}></soap:Body></soap:Envelope>`;
}

export function curlExamples(endpoint: string): string[] {
  const post = (operation: Operation, inner: string, header = '') =>
    `curl -i ${endpoint} -H 'Content-Type: text/xml; charset=utf-8' -H 'SOAPAction: "${soapAction(operation)}"' ` +
    `-d '${envelope(operation, inner, header)}'`;
  const book = '<title>Refactoring</title><author>Martin Fowler</author><year>1999</year>';
  return [
    `curl -s '${endpoint}?wsdl'`,
    post('GetBook', '<id>1</id>'),
    post('GetBook', '<id>999</id>'),
    post('AddBook', book),
    post('AddBook', book, securityHeader),
  ];
}
