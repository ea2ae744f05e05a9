import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { pinnedView, stepRun } from '../utils/cli.js';
import { normalise } from '../utils/normalise.js';
import { matchSnapshot } from '../utils/snapshot.js';

/**
 * What a student sees of each demo's first two steps, through the built bin, colour off at
 * 100 columns, pinned in test/snapshots/<demo>.<lang>.txt once ports, dates, timings and
 * the random parts of the WebSocket handshake are normalised. A change of layout, wording
 * or bytes on the wire shows up as a diff; rewrite with UPDATE_SNAPSHOTS=1 when it is meant.
 *
 * The runs are stepRun's, so the tests of --step in other files read the same ones.
 *
 * mq is not here: its connection set-up bytes depend on the broker's version, and from the
 * second step on the order of deliveries depends on timing. Its renderer is pinned with
 * fixed frames in test/unit/render.amqp-sequence.test.ts.
 */
const demos = ['rest', 'graphql', 'soap', 'websocket'];
const step = (n: number) => new RegExp(`^━━ \\S+ ${n}/\\d+ `, 'm');

describe('the first steps of each demo, as shown', { concurrency: 2 }, () => {
  for (const demo of demos) {
    for (const lang of ['en', 'de'] as const) {
      test(`when ${demo} runs two steps in ${lang} then the output is the one in test/snapshots/${demo}.${lang}.txt`, async () => {
        // --step from a pipe reads one line per step: Enter, Enter, then q stops before step 3.
        const result = await stepRun(demo, 2, pinnedView(lang));
        assert.equal(result.code, 0, result.stderr);
        assert.match(result.stdout, step(2));
        assert.doesNotMatch(result.stdout, step(3));
        matchSnapshot(`${demo}.${lang}`, normalise(result.stdout));
      });
    }
  }
});
