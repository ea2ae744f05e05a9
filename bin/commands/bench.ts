/** `awt-demo bench`: throughput and latency per paradigm, with progress on stderr, as a table or JSON. */
import { AwtError } from '../../demos/core/errors.js';
import type { Lang } from '../../demos/core/lang.js';
import { benchIds, referenceId } from '../../demos/bench/adapters.js';
import { brokerChoice, type BrokerChoice } from '../../demos/mq/broker-choice.js';
import { resolveBrokerUrl } from '../../demos/core/broker-url.js';
import type { BenchProgress, BenchRow } from '../../demos/bench/run-bench.js';
import type { Theme } from '../../demos/render/theme.js';
import { messages, type Messages } from '../../demos/core/messages/index.js';
import { lessons } from '../../lessons/bench/index.js';
import { integerOption, resolveLang } from '../options.js';
import { outputWidth, wrapPlain, write } from '../output.js';

export interface RawBenchOptions {
  duration?: string;
  concurrency?: string;
  only?: string;
  json?: boolean;
  lang?: string;
  color?: boolean;
  width?: string;
  amqpUrl?: string;
  broker?: string;
}

export interface BenchCommandOptions {
  durationMs: number;
  concurrency: number;
  /** The paradigms to run, the reference always among them. */
  ids: string[];
  json: boolean;
  lang: Lang;
  colorAllowed: boolean;
  width: number | undefined;
  /** --amqp-url as given; the mq adapter checks it (and falls back to AMQP_URL). */
  amqpUrl: string | undefined;
  broker: BrokerChoice;
}

/** Defaults that keep a 2-core machine busy without queueing: 10 loops, 3 s each. */
export const benchDefaults = { durationSeconds: 3, concurrency: 10 };

export function parseBenchOptions(raw: RawBenchOptions, env: NodeJS.ProcessEnv): BenchCommandOptions {
  const lang = resolveLang(raw.lang, env);
  const seconds =
    raw.duration === undefined ? benchDefaults.durationSeconds : number('--duration', raw.duration, 0.5, 300);
  return {
    durationMs: Math.round(seconds * 1000),
    concurrency:
      raw.concurrency === undefined
        ? benchDefaults.concurrency
        : integerOption('--concurrency', raw.concurrency, 1, 1000),
    ids: raw.only === undefined ? [...benchIds] : only(raw.only),
    json: Boolean(raw.json),
    lang,
    colorAllowed: raw.color !== false,
    width: raw.width === undefined ? undefined : integerOption('--width', raw.width, 40, 400),
    // A bad --amqp-url is a usage error, before any server starts; a bad $AMQP_URL only skips the mq row.
    amqpUrl: raw.amqpUrl === undefined ? undefined : resolveBrokerUrl(raw.amqpUrl, env).url.href,
    broker: brokerChoice(raw.broker, env),
  };
}

function number(option: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value) || n < min || n > max) {
    throw new AwtError('AWT_BAD_OPTION', { option, value, expected: `${min}–${max}` });
  }
  return n;
}

function only(value: string): string[] {
  const wanted = value.split(',').map((id) => id.trim().toLowerCase());
  const unknown = wanted.find((id) => !benchIds.includes(id));
  if (unknown !== undefined || wanted.length === 0) {
    throw new AwtError('AWT_BAD_OPTION', { option: '--only', value, expected: benchIds.join(', ') });
  }
  // Every ratio is measured against the reference of the same run.
  return benchIds.filter((id) => id === referenceId || wanted.includes(id));
}

export async function benchCommand(options: BenchCommandOptions): Promise<void> {
  const { runBench } = await import('../../demos/bench/run-bench.js');
  const { createTheme, wantsColor } = await import('../../demos/render/theme.js');
  const words = messages[options.lang].bench;
  const progress = await progressReporter(
    words,
    options,
    createTheme(options.colorAllowed && wantsColor(process.stderr, process.env)),
  );
  const report = await runBench({
    ids: options.ids,
    concurrency: options.concurrency,
    durationMs: options.durationMs,
    // Long enough for the JIT and the keep-alive sockets, short next to the run itself.
    warmupMs: Math.min(1000, Math.round(options.durationMs / 3)),
    lang: options.lang,
    amqpUrl: options.amqpUrl,
    broker: options.broker,
    onProgress: progress.update,
    onRow: progress.done,
  });
  if (options.json) {
    write(JSON.stringify(report, null, 2) + '\n');
    return;
  }
  const { renderBench } = await import('../../demos/render/bench-table.js');
  const theme = createTheme(options.colorAllowed && wantsColor(process.stdout, process.env));
  write(
    renderBench(report, {
      width: outputWidth(options.width),
      theme,
      lang: options.lang,
      words,
      lesson: lessons[options.lang],
    }),
  );
  const broker = report.rows.find((row) => row.broker)?.broker;
  if (broker)
    write(wrapPlain(messages[options.lang].broker.used(broker), outputWidth(options.width)).join('\n') + '\n');
}

/**
 * On a terminal, a bar redrawn in place; piped, one line per paradigm when it is done
 * (a log needs no carriage returns). Both on stderr, so stdout stays the result alone.
 */
async function progressReporter(words: Messages['bench'], options: BenchCommandOptions, theme: Theme) {
  const { progressLine } = await import('../../demos/render/progress-bar.js');
  const { paint } = await import('../../demos/render/lines.js');
  const n = messages[options.lang].numbers;
  const tty = Boolean(process.stderr.isTTY);
  const labelWidth = 10;
  const phaseWidth = Math.max(words.progress.warmup.length, words.progress.measure.length);
  return {
    update: (p: BenchProgress) => {
      if (!tty) return;
      const seconds = p.elapsedMs / 1000;
      const detail =
        `${n.decimal(Math.min(seconds, p.durationMs / 1000), 1)}/${n.decimal(p.durationMs / 1000, 1)} s · ` +
        `${n.integer(seconds > 0 ? p.completed / seconds : 0)} ${words.columns.rps}`;
      const line = progressLine(
        {
          label: p.name,
          labelWidth,
          phase: p.phase === 'warmup' ? words.progress.warmup : words.progress.measure,
          phaseWidth,
          warmup: p.phase === 'warmup',
          fraction: p.elapsedMs / p.durationMs,
          detail,
        },
        process.stderr.columns || 80,
      );
      process.stderr.write(`\r${paint([line], theme)}\x1b[K`);
    },
    done: (row: BenchRow) => {
      const text = row.skipped
        ? theme.paint('warn', `⚠ ${words.progress.skipped({ name: row.name })}`)
        : theme.paint('fact', '✔ ') +
          words.progress.done({
            name: row.name,
            requests: n.integer(row.requests),
            seconds: n.decimal(row.seconds, 2),
            rps: n.integer(row.requestsPerSecond),
          });
      process.stderr.write(`${tty ? '\r\x1b[K' : ''}${text}\n`);
    },
  };
}
