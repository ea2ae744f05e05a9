import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { renderFigure } from '../../demos/render/figure.js';
import { paint } from '../../demos/render/lines.js';
import { createTheme } from '../../demos/render/theme.js';
import type { Figure } from '../../demos/wire/trace.js';

const plain = (figure: Figure, width: number) => paint(renderFigure(figure, width), createTheme(false)).split('\n');

const ways: Figure = {
  kind: 'table',
  rows: [
    ['way', 'requests', 'bytes'],
    ['short polling', '9', '2958 B'],
    ['WebSocket', '1', '1040 B'],
  ],
  align: ['left', 'right', 'right'],
};

describe('figures a step measured', () => {
  test('when a table fits then numbers stand right-aligned under their headings', () => {
    assert.deepEqual(plain(ways, 80), [
      '  way            requests   bytes',
      '  short polling         9  2958 B',
      '  WebSocket             1  1040 B',
    ]);
  });

  test('when the terminal is too narrow for the columns then each row becomes a block, nothing past the width', () => {
    const lines = plain(ways, 20);
    assert.deepEqual(lines.slice(0, 3), ['  short polling', '    requests: 9', '    bytes: 2958 B']);
    assert.ok(lines.every((line) => line.length <= 20));
  });

  test('when it is a bar chart then the largest value has the longest bar and every value is written out', () => {
    const lines = plain(
      {
        kind: 'bars',
        title: 'Average delay (ms)',
        bars: [
          { label: 'short', value: 18, display: '18.0 ms' },
          { label: 'push', value: 0.5, display: '0.5 ms' },
        ],
      },
      40,
    );
    assert.equal(lines[0], '  Average delay (ms)');
    const bar = (line: string) => (line.match(/[█▏▎▍▌▋▊▉]+/) ?? [''])[0].length;
    assert.ok(bar(lines[1]!) > bar(lines[2]!));
    assert.match(lines[1]!, /18\.0 ms$/);
    assert.match(lines[2]!, /0\.5 ms$/);
    assert.ok(lines.every((line) => line.length <= 40));
  });

  test('when code is shown then its lines stay as they are, indented under the title; a long one wraps within the width', () => {
    const code: Figure = {
      kind: 'code',
      title: 'Producer:',
      lines: ['import pika', '', "channel.queue_declare(queue='hello')"],
    };
    assert.deepEqual(plain(code, 80), [
      '  Producer:',
      '    import pika',
      '',
      "    channel.queue_declare(queue='hello')",
    ]);
    const narrow = plain(code, 30);
    assert.ok(
      narrow.every((line) => line.length <= 30),
      narrow.join('\n'),
    );
    assert.equal(narrow.join('').replace(/\s+/g, ''), "Producer:importpikachannel.queue_declare(queue='hello')");
  });
});
