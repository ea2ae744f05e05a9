/**
 * The Quick start's promise: `npx awt-demo graphql` on an 80×24 terminal shows every step
 * whole, without scrolling, in English and German.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { pageDemoAt } from '../utils/pager-fit.js';

describe('the Quick start at 80×24', () => {
  for (const lang of ['en', 'de'] as const) {
    test(`when graphql is paged in ${lang} then every step fits the screen without scrolling`, async () => {
      const screens = (await pageDemoAt('graphql', lang)).screens({ columns: 80, rows: 24 });
      const over = screens.filter((s) => s.over > 0).map((s) => `${s.id}: ${s.over} lines over`);
      assert.deepEqual(over, []);
    });
  }
});
