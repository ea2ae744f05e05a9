/**
 * The paradigms the measuring commands set side by side, and compare's use cases.
 * Plain ids, shared by the catalogues, compare, table and bench.
 */
export const paradigmIds = ['rest', 'graphql', 'soap', 'websocket', 'mq'] as const;
export type ParadigmId = (typeof paradigmIds)[number];

export const useCaseIds = [1, 2, 3, 4, 5, 6] as const;
export type UseCaseId = (typeof useCaseIds)[number];
