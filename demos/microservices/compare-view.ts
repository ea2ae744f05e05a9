/**
 * `awt-demo compare microservices`: the price of the split on its own, without the
 * whole demo: the monolith and the services the book page needs (registry, catalog,
 * reviews, gateway), the page asked from both in turns, as data, a table or JSON.
 */
import type { Lang } from '../core/lang.js';
import { lessons } from '../../lessons/microservices/index.js';
import { renderFigure } from '../render/figure.js';
import { paint, span, wrap, type Line } from '../render/lines.js';
import type { Theme } from '../render/theme.js';
import { measurePrice, priceRatios, type Price } from './price.js';
import { priceTable } from './price-table.js';
import { startMicroservices } from './session.js';

export interface PriceView extends Price {
  view: 'microservices';
  lang: Lang;
  /** How many times the monolith's figure the services need (round trips, bytes, time). */
  ratios: { roundTrips: number; bytes: number; latency: number };
}

export async function measurePriceView(options: { lang: Lang; repetitions: number }): Promise<PriceView> {
  const session = await startMicroservices({ services: 'page' });
  try {
    const items = () => session.taps.flatMap((tap) => tap.items);
    const price = await measurePrice(session, items, options.repetitions);
    const ratios = priceRatios(price);
    return {
      view: 'microservices',
      lang: options.lang,
      ...price,
      ratios: { roundTrips: ratios.trips, bytes: ratios.bytes, latency: ratios.ms },
    };
  } finally {
    await session.close();
  }
}

export function renderPriceView(view: PriceView, options: { width: number; theme: Theme }): string {
  const t = lessons[view.lang];
  const words: Line[] = [
    ...wrap([span(t.compareView.title, 'title')], options.width, 'words'),
    [],
    ...wrap([span(t.compareView.intro({ runs: view.runs }), 'notice')], options.width, 'words'),
    [],
    ...renderFigure(priceTable(view, t), options.width),
    [],
    ...wrap(
      [
        span(
          t.facts.price({
            trips: view.ratios.roundTrips,
            bytes: view.ratios.bytes,
            ms: view.ratios.latency,
            runs: view.runs,
            names: view.microservices.processes.join(', '),
          }),
          'fact',
        ),
      ],
      options.width,
      'words',
    ),
    [],
    ...wrap([span(t.compareView.more, 'dim')], options.width, 'words'),
  ];
  return paint(words, options.theme) + '\n';
}
