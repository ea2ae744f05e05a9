import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Comparison } from '../../demos/compare/types.js';
import { messages } from '../../demos/core/messages/index.js';
import { comparisonMarkdown } from '../../demos/render/comparison-formats.js';
import { measurement } from '../utils/fixtures.js';

const measured = measurement({
  up: { total: 120, overhead: 100, payload: 20 },
  down: { total: 300, overhead: 150, payload: 150 },
  latencyMs: 1.2,
  repetitions: 5,
});

const notAFit = 'A queue has no request for one record | it carries messages.';
const comparison: Comparison = {
  lang: 'en',
  paradigms: ['rest', 'mq'],
  setup: { rest: { fit: true, measurement: measured }, mq: { fit: true, measurement: measured } },
  useCases: [
    {
      id: 1,
      title: 'list',
      cells: { rest: { fit: true, measurement: measured }, mq: { fit: false, reason: notAFit } },
    },
    { id: 2, title: 'one', cells: { rest: { fit: true, measurement: measured }, mq: { fit: false, reason: notAFit } } },
  ],
};

describe('compare --markdown', () => {
  test('when a paradigm is not a fit then its column says so once per use case, the reason once as a footnote', () => {
    const markdown = comparisonMarkdown(comparison, messages.en.compare, messages.en.numbers);
    const label = messages.en.compare.notAFitLabel;
    assert.equal(markdown.split(label).length - 1, 2, 'once in each of the two use cases');
    assert.equal(markdown.split('A queue has no request').length - 1, 1, 'the reason appears once');
    assert.match(
      markdown,
      new RegExp(`^\\| ${messages.en.compare.rows.roundTrips} \\| 1 \\| — ${label}\\[\\^1\\] \\|$`, 'm'),
    );
    assert.match(markdown, new RegExp(`^\\| ${messages.en.compare.rows.connections} \\| 1 \\| — \\|$`, 'm'));
    assert.match(markdown, /^\[\^1\]: A queue has no request for one record \| it carries messages\.$/m);
  });

  test('when everything fits then there are no footnotes', () => {
    const fits: Comparison = {
      ...comparison,
      useCases: comparison.useCases.map((u) => ({ ...u, cells: { rest: u.cells.rest! } })),
    };
    assert.doesNotMatch(comparisonMarkdown(fits, messages.en.compare, messages.en.numbers), /\[\^\d+\]/);
  });
});
