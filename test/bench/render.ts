/**
 * `npm run bench:render`: what the live view costs for the bodies an attacker likes best,
 * as ratios to a reference measured in the same run (JSON.stringify of the same data, the
 * least any renderer must do; JSON.parse for deep JSON, which JSON.stringify cannot take), so the numbers hold on a slow or busy machine. Before the
 * bounded renderer a 1 MB line took ~50 s and 2000 levels of nesting overflowed the stack.
 * Each case also runs at half its size: the growth shows linear (≈ 2) against quadratic
 * (≈ 4) work. Targets: every case under a second, growth under 3.
 */
import { performance } from 'node:perf_hooks';
import { messages } from '../../demos/core/messages/index.js';
import { renderHttpExchange } from '../../demos/render/http-exchange.js';
import { paint } from '../../demos/render/lines.js';
import { createTheme } from '../../demos/render/theme.js';
import { exchangeWithBody as exchange } from '../utils/render-probe.js';

const runs = Math.max(3, Number(process.env.BENCH_RUNS ?? 7));
const mb = 1024 * 1024;

const books = (bytes: number) => {
  const list = Array.from({ length: Math.ceil(bytes / 60) }, (_v, i) => ({
    id: i,
    title: `Book ${i}`,
    author: 'A. Author',
  }));
  return JSON.stringify(list);
};

/** Each case at its size (its name) and at half of it: linear work halves, quadratic work quarters. */
const cases: Array<{
  name: string;
  body: (scale: number) => string;
  type: string;
  reference: (body: string) => unknown;
}> = [
  {
    name: '1 MB on one line (text)',
    body: (k) => 'x'.repeat(Math.round(k * mb)),
    type: 'text/plain',
    reference: (body) => JSON.stringify(body),
  },
  {
    name: '1 MB of JSON (books)',
    body: (k) => books(k * mb),
    type: 'application/json',
    reference: (body) => JSON.stringify(JSON.parse(body), null, 2),
  },
  {
    name: 'JSON nested 100 000 deep',
    body: (k) => '['.repeat(k * 100_000) + '1' + ']'.repeat(k * 100_000),
    type: 'application/json',
    reference: (body) => JSON.parse(body),
  },
  {
    name: 'XML nested 100 000 deep',
    body: (k) => '<a>'.repeat(k * 100_000) + '</a>'.repeat(k * 100_000),
    type: 'application/xml',
    reference: (body) => JSON.stringify(body),
  },
  {
    name: 'DOCTYPE, 50 000 [] pairs',
    body: (k) => `<!DOCTYPE x ${'[]'.repeat(k * 50_000)}`,
    type: 'text/xml',
    reference: (body) => JSON.stringify(body),
  },
];

const options = { width: 120, theme: createTheme(false), messages: messages.en, raw: false, full: false };

function time(f: () => unknown): number {
  const start = performance.now();
  f();
  return performance.now() - start;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Median render time and reference time of one body. */
function measure(body: string, type: string, reference: (body: string) => unknown): [number, number] {
  const item = exchange(body, type);
  const render = () => paint(renderHttpExchange(item, options), options.theme);
  render();
  reference(body);
  const rendered: number[] = [];
  const referenced: number[] = [];
  for (let i = 0; i < runs; i++) {
    rendered.push(time(render));
    referenced.push(time(() => reference(body)));
  }
  return [median(rendered), median(referenced)];
}

console.log(`median of ${runs} runs each (node ${process.version})`);
console.log('reference: JSON.stringify of the same data (JSON.parse for deep JSON, which JSON.stringify cannot take)');
console.log(
  'growth: time at the size / time at half the size (linear ≈ 2, quadratic ≈ 4); target: under 1 s, growth under 3\n',
);
let failed = false;
for (const c of cases) {
  const [half] = measure(c.body(0.5), c.type, c.reference);
  const [r, ref] = measure(c.body(1), c.type, c.reference);
  const growth = r / half;
  const ok = r < 1000 && growth < 3;
  failed ||= !ok;
  console.log(
    `${c.name.padEnd(28)} ${r.toFixed(1).padStart(7)} ms  ${(r / ref).toFixed(1).padStart(6)}× reference (${ref.toFixed(1)} ms)  growth ${growth.toFixed(2)}  ${ok ? 'ok' : 'TOO SLOW'}`,
  );
}
if (failed) process.exitCode = 1;
