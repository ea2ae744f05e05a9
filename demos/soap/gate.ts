/**
 * Everything a request passes before the soap package may see it: the HTTP binding
 * (SOAP 1.1 §6), a strictly parsed envelope, the SOAPAction, and the header blocks
 * (mustUnderstand, WS-Security). A request that fails gets a well-formed Fault here;
 * the soap package only ever sees envelopes that are known to be sound.
 */
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { readEnvelope, type Envelope } from './envelope.js';
import { faultEnvelope, sendFault, soapEnvelopeNs, wsseNs } from './fault.js';
import { checkUsernameToken, NonceCache } from './ws-security.js';
import { soapAction } from './wsdl.js';
import { attribute, type XmlElement } from './xml-tree.js';

/** Far above any envelope of this service; a bigger body is refused unread. */
export const maxBodyBytes = 64 * 1024;

const nextActor = 'http://schemas.xmlsoap.org/soap/actor/next';
const isSecurity = (block: XmlElement) => block.uri === wsseNs && block.local === 'Security';

export interface GateOptions {
  /** The clock for token freshness (tests move it). */
  now?: () => Date;
}

export function soapGate(options: GateOptions = {}): RequestHandler[] {
  const now = options.now ?? (() => new Date());
  const nonces = new NonceCache();

  const methods: RequestHandler = (req, res, next) => {
    if (req.method === 'POST') return next();
    // The contract goes straight to the soap package, which serves it; nothing else to check.
    if (req.method === 'GET' && /^wsdl/i.test(new URL(req.url, 'http://x').search.slice(1))) return next('route');
    res
      .status(405)
      .set('Allow', 'GET, POST')
      .type('text/plain; charset=utf-8')
      .send('The contract is at GET ?wsdl; operations are called with POST and a SOAP envelope.\n');
  };

  const mediaType: RequestHandler = (req, res, next) => {
    // §6.1.1 and WS-I BP R1012: SOAP 1.1 over HTTP is text/xml, in UTF-8.
    const type = req.headers['content-type'] ?? '';
    const [essence = ''] = type.toLowerCase().split(';');
    const charset = /;\s*charset="?([^";\s]+)/i.exec(type)?.[1]?.toLowerCase();
    if (essence.trim() !== 'text/xml' || (charset && charset !== 'utf-8')) {
      return sendFault(res, {
        code: 'soap:Client',
        string: `Content-Type is "${type}"; a SOAP 1.1 request is text/xml; charset=utf-8 (SOAP 1.1 §6.1.1).`,
      });
    }
    // The soap package echoes the request's Content-Type on its answer; make that the exact one.
    req.headers['content-type'] = 'text/xml; charset=utf-8';
    next();
  };

  const envelope = (req: Request, res: Response, next: NextFunction) => {
    const body = Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '';
    const read = readEnvelope(body);
    if (!read.ok) return sendFault(res, read.fault);
    const { operation } = read.envelope;

    // WS-I BP R2744: the SOAPAction names the operation the Body calls ("" leaves it to the Body).
    const raw = req.get('SOAPAction');
    if (raw === undefined) {
      return sendFault(res, { code: 'soap:Client', string: 'The SOAPAction header is missing (SOAP 1.1 §6.1.1).' });
    }
    const action = raw.replace(/^"(.*)"$/, '$1');
    if (action !== '' && action !== soapAction(operation)) {
      return sendFault(res, {
        code: 'soap:Client',
        string: `SOAPAction "${action}" does not match the operation in the Body, ${operation} ("${soapAction(operation)}").`,
      });
    }

    const failed = checkHeaders(read.envelope);
    if (failed) return sendFault(res, failed);
    faultOnCrash(res);
    next();
  };

  /** §4.2.3: a block we must understand but do not is a MustUnderstand Fault; the token is checked. */
  function checkHeaders({ operation, headerBlocks }: Envelope) {
    for (const block of headerBlocks) {
      const actor = attribute(block, soapEnvelopeNs, 'actor');
      if (actor !== undefined && actor !== nextActor) continue; // meant for another node (§4.2.2)
      if (attribute(block, soapEnvelopeNs, 'mustUnderstand') === '1' && !isSecurity(block)) {
        return {
          code: 'soap:MustUnderstand' as const,
          string: `The header block {${block.uri}}${block.local} is marked mustUnderstand, and this service does not understand it.`,
        };
      }
    }
    const security = headerBlocks.find(isSecurity);
    // Writing needs an account; a token sent along with a read must be valid too.
    if (operation !== 'AddBook' && !security) return undefined;
    const check = checkUsernameToken(security, now(), nonces);
    if (check.ok) return undefined;
    return {
      code: 'wsse:FailedAuthentication' as const,
      string: `The security token could not be authenticated or authorized (WSS 1.0 §12): ${check.reason}`,
    };
  }

  // The body is read raw and left on req.body, where the soap package takes it from.
  const readBody = express.raw({ type: () => true, limit: maxBodyBytes });
  return [methods, mediaType, readBody, envelope];
}

/**
 * The last safety net: when the soap package itself fails, it answers 500 with the
 * error's message as plain text. That becomes a soap:Server Fault, so a client always
 * gets an envelope and nobody sees the package's internals.
 */
export function faultOnCrash(res: Response): void {
  const end = res.end.bind(res) as (...args: unknown[]) => Response;
  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    const text = Buffer.isBuffer(chunk) ? chunk.toString('utf8') : chunk;
    if (res.statusCode >= 500 && !res.headersSent && typeof text === 'string' && !text.startsWith('<?xml')) {
      res.setHeader('Content-Type', 'text/xml; charset=utf-8');
      return end(
        faultEnvelope({ code: 'soap:Server', string: 'The service failed to answer; this is a bug in awt-demo.' }),
      );
    }
    return end(chunk, ...rest);
  }) as Response['end'];
}
