/** The columns of `compare`: every paradigm whose registry entry has a compare adapter, in the lecture's order. */
import { paradigmIds, type ParadigmId } from '../core/paradigms.js';
import { findDemo } from '../registry.js';
import type { CompareAdapter } from './adapter.js';

export const comparableParadigms: ParadigmId[] = paradigmIds.filter((id) => findDemo(id)?.compare);

/** Imports the paradigm's adapter only when it is compared. */
export function loadCompareAdapter(paradigm: ParadigmId): Promise<CompareAdapter> {
  return findDemo(paradigm)!.compare!();
}
