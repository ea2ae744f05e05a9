import { call, expectFault, faultOf } from '../../soap/calls.js';
import { startSoap } from '../../soap/session.js';
import type { CompareAdapter } from '../adapter.js';
import { countFields, detailFieldsNeeded, listFieldsNeeded, newBook } from '../use-cases.js';

/** The SOAP demo's own session: clients generated from the served WSDL, AddBook with a UsernameToken. */
export const soapAdapter: CompareAdapter = {
  paradigm: 'soap',
  async start() {
    const session = await startSoap();
    return {
      taps: session.taps,
      // A SOAP client is generated from the contract: fetching the WSDL is its set-up on the wire.
      connect: () => session.connect(),
      useCases: {
        1: async () => ({
          fieldsReceived: countFields(await call(session.client, 'ListBooks', {})),
          fieldsNeeded: listFieldsNeeded,
        }),
        2: async () => ({
          fieldsReceived: countFields(await call(session.client, 'GetBookWithReviews', { id: '1' })),
          fieldsNeeded: detailFieldsNeeded,
        }),
        3: async () => {
          await call(session.clientWithToken, 'AddBook', newBook);
          return { note: '200' };
        },
        4: async () => {
          const fault = faultOf(await expectFault(call(session.client, 'GetBook', { id: '999' })));
          return { note: `500, Fault ${fault.code}` };
        },
        // Every call is a POST, which HTTP does not cache (RFC 9110 §9.3.3): the list costs the same again.
        5: async () => ({
          fieldsReceived: countFields(await call(session.client, 'ListBooks', {})),
          fieldsNeeded: 0,
          note: '200',
        }),
      },
      close: () => session.close(),
    };
  },
};
