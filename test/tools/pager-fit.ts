/**
 * How many lines each step of a demo needs beyond the screen in the pager (negative: rows
 * to spare), at the given sizes and languages:
 * `node --import tsx test/tools/pager-fit.ts graphql 80x24 120x40 [en|de] [--show N]`.
 */
import type { Lang } from '../../demos/core/lang.js';
import { pageDemoAt } from '../utils/pager-fit.js';

const [id = 'graphql', ...rest] = process.argv.slice(2);
const show = rest.includes('--show') ? Number(rest[rest.indexOf('--show') + 1]) : undefined;
const langs = rest.filter((a): a is Lang => a === 'en' || a === 'de');
const sizes = rest
  .filter((a) => /^\d+x\d+$/.test(a))
  .map((a) => {
    const [columns, rows] = a.split('x').map(Number);
    return { columns: columns!, rows: rows! };
  });
for (const lang of langs.length ? langs : (['en', 'de'] as const)) {
  const paged = await pageDemoAt(id, lang);
  for (const size of sizes.length ? sizes : [{ columns: 80, rows: 24 }]) {
    const screens = paged.screens(size);
    const shown = show === undefined ? undefined : screens[show - 1];
    if (shown) console.log([...shown.lines, '----- scrolled to the end -----', ...shown.end].join('\n'));
    console.log(`${id} ${lang} ${size.columns}×${size.rows}: ${screens.map((s, i) => `${i + 1}:${s.over}`).join(' ')}`);
  }
}
process.exit(0);
