/** The options every demo run understands, parsed and checked once. */
import type { Command } from 'commander';
import type { DemoStartOptions } from '../demos/core/demo.js';
import { AwtError } from '../demos/core/errors.js';
import { isLang, langFromEnv, type Lang } from '../demos/core/lang.js';
import { messages } from '../demos/core/messages/index.js';
import { brokerChoice, type BrokerChoice } from '../demos/mq/broker-choice.js';
import { parseUrl } from '../demos/core/url.js';

export interface RawRunOptions {
  step?: boolean;
  all?: boolean;
  fromStep?: string;
  json?: boolean;
  raw?: boolean;
  full?: boolean;
  lang?: string;
  color?: boolean;
  width?: string;
  serve?: boolean;
  port?: string;
  schema?: boolean;
  amqpUrl?: string;
  assets?: boolean;
  har?: string;
  mermaid?: boolean;
  deployFiles?: string;
  broker?: string;
  llmUrl?: string;
  llmModel?: string;
}

export interface RunOptions {
  step: boolean;
  /** Everything at once, also on a terminal (no pager). */
  all: boolean;
  /** 1-based step to start showing at; the steps before it still run. */
  fromStep: number;
  json: boolean;
  raw: boolean;
  full: boolean;
  lang: Lang;
  /** false when --no-color was given; otherwise decided by the terminal and NO_COLOR. */
  colorAllowed: boolean;
  width: number | undefined;
  serve: boolean;
  port: number | undefined;
  schema: boolean;
  /** --amqp-url as given; the mq demo checks it (and falls back to AMQP_URL). */
  amqpUrl: string | undefined;
  /** --assets: with --serve, show a page's files (HTML, JS, CSS, images) in full. */
  assets: boolean;
  /** --har FILE: write the run's HTTP exchanges there as HAR 1.2. */
  har: string | undefined;
  /** --mermaid: print the run as a Mermaid sequence diagram instead of the trace. */
  mermaid: boolean;
  /** --deploy-files DIR: write the demo's deploy files there instead of running it. */
  deployFiles: string | undefined;
  /** --broker, else $AWT_BROKER, else auto: which AMQP broker the mq demo uses. */
  broker: BrokerChoice;
  /** --llm-url, else $AWT_LLM_URL: the chat endpoint that writes graphql's text-to-query queries. */
  llmUrl: string | undefined;
  /** --llm-model, else $AWT_LLM_MODEL. */
  llmModel: string | undefined;
}

export function parseRunOptions(raw: RawRunOptions, env: NodeJS.ProcessEnv): RunOptions {
  return {
    step: Boolean(raw.step),
    all: Boolean(raw.all),
    fromStep: raw.fromStep === undefined ? 1 : integerOption('--from-step', raw.fromStep, 1, 99),
    json: Boolean(raw.json),
    raw: Boolean(raw.raw),
    full: Boolean(raw.full),
    lang: resolveLang(raw.lang, env),
    colorAllowed: raw.color !== false,
    width: widthOption(raw.width),
    serve: Boolean(raw.serve),
    port: raw.port === undefined ? undefined : integerOption('--port', raw.port, 1, 65535),
    schema: Boolean(raw.schema),
    amqpUrl: raw.amqpUrl,
    assets: Boolean(raw.assets),
    har: raw.har,
    mermaid: Boolean(raw.mermaid),
    deployFiles: raw.deployFiles,
    broker: brokerChoice(raw.broker, env),
    llmUrl: llmUrlOption(raw.llmUrl ?? (env.AWT_LLM_URL || undefined)),
    llmModel: modelOption(raw.llmModel ?? (env.AWT_LLM_MODEL || undefined)),
  };
}

/**
 * --llm-url: plain http, because the tap shows what crosses the wire and TLS would hide
 * it; a local endpoint (Ollama, llama.cpp) speaks plain http anyway. No credentials in it.
 */
export function llmUrlOption(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const url = parseUrl(value);
  if (!url || url.protocol !== 'http:' || url.username || url.password || url.search || url.hash) {
    throw new AwtError('AWT_BAD_OPTION', {
      option: '--llm-url',
      value,
      expected: 'http://host:port (http://127.0.0.1:11434)',
    });
  }
  return value;
}

function modelOption(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!/^[\w.:/-]{1,100}$/.test(value)) {
    throw new AwtError('AWT_BAD_OPTION', { option: '--llm-model', value, expected: 'a model name such as llama3.2' });
  }
  return value;
}

/** What a demo needs to know before it starts, from the options of the run: every path starts it the same way. */
export function startOptionsOf(options: RunOptions): DemoStartOptions {
  return {
    ...(options.amqpUrl !== undefined ? { amqpUrl: options.amqpUrl } : {}),
    broker: options.broker,
    ...(options.llmUrl !== undefined ? { llmUrl: options.llmUrl } : {}),
    ...(options.llmModel !== undefined ? { llmModel: options.llmModel } : {}),
  };
}

export function resolveLang(value: string | undefined, env: NodeJS.ProcessEnv): Lang {
  if (value === undefined) return langFromEnv(env);
  if (!isLang(value)) throw new AwtError('AWT_BAD_OPTION', { option: '--lang', value, expected: 'de | en' });
  return value;
}

/** The language asked for on the command line, read before commander runs (its help text needs it). */
export function langFromArgv(argv: readonly string[], env: NodeJS.ProcessEnv): Lang {
  const at = argv.findIndex((arg) => arg === '--lang' || arg.startsWith('--lang='));
  const value = at < 0 ? undefined : argv[at]!.includes('=') ? argv[at]!.split('=')[1] : argv[at + 1];
  return value !== undefined && isLang(value) ? value : langFromEnv(env);
}

/** --width: columns to lay out for; checked before anything is measured or started. */
export function widthOption(value: string | undefined): number | undefined {
  return value === undefined ? undefined : integerOption('--width', value, 40, 400);
}

export function integerOption(option: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max) {
    throw new AwtError('AWT_BAD_OPTION', { option, value, expected: `${min}–${max}` });
  }
  return n;
}

/**
 * A subcommand's options, with those given before it on the command line
 * (`awt-demo --lang de list`). Only values typed on the command line travel down:
 * Commander's optsWithGlobals() would let the program's default `color: true` undo a
 * subcommand's --no-color.
 */
export function subcommandOptions<T>(command: Command): T {
  const merged: Record<string, unknown> = { ...command.opts() };
  const parent = command.parent;
  for (const [key, value] of Object.entries(parent?.opts() ?? {})) {
    if (parent!.getOptionValueSource(key) === 'cli' && command.getOptionValueSource(key) !== 'cli') merged[key] = value;
  }
  return merged as T;
}

/**
 * The option groups several commands share, declared once so their words and spelling
 * cannot drift apart. Each adds its options to `command` and returns it, for chaining.
 */
export const sharedOptions = {
  /** Which language the output speaks: --lang. */
  lang(command: Command, lang: Lang): Command {
    return command.option('--lang <lang>', messages[lang].program.options.lang);
  },
  /** The result as JSON: --json. */
  json(command: Command, lang: Lang): Command {
    return command.option('--json', messages[lang].program.options.json);
  },
  /** How the output looks: --lang, --no-color, --width. */
  display(command: Command, lang: Lang): Command {
    const optionWords = messages[lang].program.options;
    return sharedOptions
      .lang(command, lang)
      .option('--no-color', optionWords.noColor)
      .option('--width <columns>', optionWords.width);
  },
  /** How bodies are shown: --raw, --full. */
  bodies(command: Command, lang: Lang): Command {
    const optionWords = messages[lang].program.options;
    return command.option('--raw', optionWords.raw).option('--full', optionWords.full);
  },
  /** Which AMQP broker: --amqp-url, --broker. */
  broker(command: Command, lang: Lang): Command {
    const optionWords = messages[lang].program.options;
    return command.option('--amqp-url <url>', optionWords.amqpUrl).option('--broker <kind>', optionWords.broker);
  },
};
