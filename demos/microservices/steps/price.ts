/** Step 10: the same book page from the monolith and from the services, measured in this run. */
import { measurePrice, priceRatios } from '../price.js';
import { priceTable } from '../price-table.js';
import type { MicroStep } from '../step.js';

export const priceStep: MicroStep = {
  id: 'price',
  async run({ session, lesson: t, items }) {
    const price = await measurePrice(session, items);
    return { facts: [t.facts.price(priceRatios(price))], figures: [priceTable(price, t)] };
  },
};
