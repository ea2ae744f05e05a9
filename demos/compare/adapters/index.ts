/** Paradigm → its compare adapter, imported only when that paradigm is compared. */
import type { CompareAdapter } from '../adapter.js';
import { paradigmIds, type ParadigmId } from '../types.js';

export const adapters: Partial<Record<ParadigmId, () => Promise<CompareAdapter>>> = {
  rest: async () => (await import('./rest.js')).restAdapter,
  graphql: async () => (await import('./graphql.js')).graphqlAdapter,
  soap: async () => (await import('./soap.js')).soapAdapter,
  websocket: async () => (await import('./websocket.js')).websocketAdapter,
  mq: async () => (await import('./mq.js')).mqAdapter,
};

/** The paradigms that can be compared, in the order of the columns. */
export const comparableParadigms: ParadigmId[] = paradigmIds.filter((id) => adapters[id] !== undefined);
