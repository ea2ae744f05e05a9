import { call, expectFault, faultOf } from './calls.js';
import { startSoap } from './session.js';
import type { CompareAdapter } from '../compare/adapter.js';
import { countFields, detailFieldsNeeded, listFieldsNeeded, newBook } from '../compare/use-cases.js';

/** The SOAP demo's own session: clients generated from the served WSDL, AddBook with a UsernameToken. */
export const compareAdapter: CompareAdapter = {
  paradigm: 'soap',
  async start() {
    const session = await startSoap();
    const reset = session.store.checkpoint();
    return {
      taps: session.taps,
      reset,
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
