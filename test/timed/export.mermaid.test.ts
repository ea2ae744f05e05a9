import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import mermaid from 'mermaid';
import { collectTrace } from '../../demos/core/collect-trace.js';
import { messages } from '../../demos/core/messages/index.js';
import { findDemo } from '../../demos/registry.js';
import { maxMessagesPerStep, renderMermaid } from '../../demos/render/mermaid.js';
import type { HttpExchange, Trace } from '../../demos/wire/trace.js';
import type { WebSocketFrameItem } from '../../demos/wire/websocket-frames.js';

/** Mermaid's own parser (the one its renderer uses): throws on anything it would not draw. */
async function parses(diagram: string): Promise<void> {
  const result = await mermaid.parse(diagram);
  assert.ok(result, 'Mermaid accepted the diagram');
  assert.equal((result as { diagramType: string }).diagramType, 'sequence');
}

async function diagramOf(id: string, lang: 'en' | 'de' = 'en'): Promise<{ text: string; trace: Trace }> {
  const demo = await findDemo(id)!.load();
  const trace = await collectTrace(demo, lang);
  return { text: renderMermaid(trace, messages[lang]), trace };
}

const participants = (text: string) => [...text.matchAll(/^ {2}participant (\S+) as (.*)$/gm)].map((m) => m[2]);
const arrows = (text: string) => text.split('\n').filter((line) => /^ {2}\w+(->>|-->>|--x)\w+: /.test(line));

describe('--mermaid: a run as a Mermaid sequence diagram', () => {
  test('when the parser sees a broken diagram then it throws (the check can fail)', async () => {
    await assert.rejects(mermaid.parse('sequenceDiagram\n  C->>: GET /'));
  });

  for (const id of ['rest', 'graphql']) {
    test(`when the ${id} demo is drawn then Mermaid parses it: client and server, every exchange there and back`, async () => {
      const { text, trace } = await diagramOf(id);
      await parses(text);
      assert.deepEqual(participants(text), ['client', 'server']);
      const exchanges = trace.steps.flatMap((s) => s.items).filter((i) => i.kind === 'http');
      assert.equal(arrows(text).length, exchanges.length * 2);
      assert.equal((text.match(/^ {2}Note over C,S: Step \d+\/\d+: /gm) ?? []).length, trace.steps.length);
    });
  }

  test('when the websocket demo is drawn then each WebSocket client has its lane and the push follows the POST', async () => {
    const { text } = await diagramOf('websocket', 'de');
    await parses(text);
    const lanes = participants(text);
    assert.ok(lanes.filter((name) => /^Client \d+$/.test(name!)).length >= 3, lanes.join(', '));
    assert.ok(lanes.includes('Client') && lanes.at(-1) === 'Server');
    const push = text.indexOf('bookAdded');
    assert.ok(push > text.indexOf('C->>S: POST /books'), 'the pushed frames come after the POST that caused them');
  });

  test(
    'when the mq demo is drawn then the broker stands between producers and consumers',
    { timeout: 120_000 },
    async () => {
      const { text } = await diagramOf('mq');
      await parses(text);
      const lanes = participants(text);
      const broker = lanes.indexOf('broker');
      assert.ok(broker > 0 && broker < lanes.length - 1, lanes.join(', '));
      assert.match(text, /^ {2}P\d+->>B: Basic\.Publish$/m);
      assert.match(text, /^ {2}B-->>P\d+: Basic\.Deliver$/m);
    },
  );

  test('when wire text holds Mermaid syntax then it stays text: no new participant, no broken statement', async () => {
    const hostile = 'a;b#c<script>x</script>\nparticipant Evil as pwned\n%%{init: {"theme":"dark"}}%%';
    const frame = (direction: 'up' | 'down'): WebSocketFrameItem =>
      ({
        kind: 'ws-frame',
        connection: 2,
        at: 1,
        direction,
        opcodeName: 'text',
        payloadText: hostile,
      }) as WebSocketFrameItem;
    const upgrade = { kind: 'http', connection: 2, at: 0, upgraded: true, durationMs: 1 } as HttpExchange;
    upgrade.request = { method: 'GET', target: `/chat?x=${hostile}` } as HttpExchange['request'];
    upgrade.response = { status: 101, statusText: 'Switching Protocols', contentBytes: 0 } as HttpExchange['response'];
    const many = Array.from({ length: maxMessagesPerStep + 5 }, () => frame('down'));
    const trace: Trace = {
      demo: 'websocket',
      title: 'hostile',
      lang: 'en',
      totals: { roundTrips: 0, connections: 1, bytesUp: 0, bytesDown: 0 },
      steps: [
        {
          index: 1,
          id: 'a',
          title: 'Title; with # and <b>',
          notice: [],
          facts: [],
          figures: [],
          items: [upgrade, frame('up'), ...many],
          roundTrips: 0,
          bytesUp: 0,
          bytesDown: 0,
          connectionsOpened: 1,
        },
        {
          index: 2,
          id: 'b',
          title: 'quiet',
          notice: [],
          facts: [],
          figures: [],
          items: [],
          roundTrips: 0,
          bytesUp: 0,
          bytesDown: 0,
          connectionsOpened: 0,
        },
      ],
    };
    const text = renderMermaid(trace, messages.en);
    await parses(text);
    assert.deepEqual(participants(text), ['client 2', 'server']);
    // The words after each statement's colon, entity codes taken out.
    const words = text.split('\n').map((line) => line.split(': ').slice(1).join(': '));
    const residue = words.join('\n').replace(/#\d+;/g, '');
    assert.doesNotMatch(residue, /[;<>#]/, residue.match(/.{0,20}[;<>#].{0,20}/)?.[0]);
    assert.equal(arrows(text).length, maxMessagesPerStep);
    assert.match(text, /Note over W2,S: … 8 more messages in this step/);
    assert.match(text, /Note over W2,S: nothing on the wire in this step/);
  });
});
