/**
 * SOAP 1.1 Faults (SOAP 1.1 §4.4): faultcode, faultstring, and detail when the Body
 * could not be processed. Over HTTP a Fault always travels with status 500 (§6.2).
 * The envelope has the same shape as the soap package's own, so every Fault of this
 * service looks alike on the wire, whichever layer sent it.
 */
import type { Response } from 'express';
import { namespace } from './wsdl.js';

export const soapEnvelopeNs = 'http://schemas.xmlsoap.org/soap/envelope/';
export const wsseNs = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd';

/** The four codes SOAP 1.1 §4.4.1 defines, plus the WS-Security ones (WSS 1.0 §12). */
export type FaultCode = 'soap:VersionMismatch' | 'soap:MustUnderstand' | 'soap:Client' | 'soap:Server';
export type SecurityFaultCode = 'wsse:FailedAuthentication' | 'wsse:InvalidSecurity';

export interface Fault {
  code: FaultCode | SecurityFaultCode;
  string: string;
  /** Detail entries, already XML (each a namespace-qualified element). */
  detail?: string;
}

export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (ch) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', '"': 'quot', "'": 'apos' }[ch]};`);
}

/** One detail entry in the service's namespace: <Name xmlns="urn:awt-demo:books">…</Name>. */
export function detailEntry(name: string, fields: Array<[string, string]> | string): string {
  const inner = typeof fields === 'string' ? fields : fields.map(([k, v]) => `<${k}>${escapeXml(v)}</${k}>`).join('');
  return `<${name} xmlns="${namespace}">${inner}</${name}>`;
}

export function faultEnvelope(fault: Fault): string {
  // A faultcode is a QName (§4.4); the wsse prefix must be declared where it is used.
  const declareWsse = fault.code.startsWith('wsse:') ? ` xmlns:wsse="${wsseNs}"` : '';
  return (
    '<?xml version="1.0" encoding="utf-8"?>' +
    `<soap:Envelope xmlns:soap="${soapEnvelopeNs}"><soap:Body>` +
    `<soap:Fault${declareWsse}><faultcode>${fault.code}</faultcode><faultstring>${escapeXml(fault.string)}</faultstring>` +
    (fault.detail ? `<detail>${fault.detail}</detail>` : '') +
    '</soap:Fault></soap:Body></soap:Envelope>'
  );
}

export function sendFault(res: Response, fault: Fault): void {
  res.status(500).type('text/xml; charset=utf-8').send(faultEnvelope(fault));
}

/**
 * What a service method throws to make the soap package answer with a Fault; the
 * package writes <soap:Fault> with these members inside its own envelope.
 */
export function serviceFault(fault: Fault & { code: FaultCode }) {
  return {
    Fault: {
      faultcode: fault.code,
      faultstring: fault.string,
      ...(fault.detail ? { detail: { $xml: fault.detail } } : {}),
      statusCode: 500,
    },
  };
}
