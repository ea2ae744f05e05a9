/**
 * `awt-demo tap <url>`: the wire tap in front of a server the tool did not start.
 * Every exchange or frame is shown as it completes, with the demos' renderers, until
 * Ctrl-C (which main.ts turns into a clean close and exit 130, as for --serve).
 * `--har FILE` writes the HTTP exchanges as HAR 1.2 as they happen, ended on Ctrl-C.
 */
import type { Command } from 'commander';
import { track } from '../../demos/core/cleanup.js';
import type { Lang } from '../../demos/core/lang.js';
import type { WireItem } from '../../demos/wire/trace.js';
import { messages } from '../../demos/core/messages/index.js';
import { integerOption, resolveLang, sharedOptions, subcommandOptions } from '../options.js';
import { outputWidth, write } from '../output.js';

/** A burst of AMQP frames ends after this long without one, or at this many frames. */
const quietMs = 150;
const maxBurst = 200;
/**
 * While a connection is being set up (from the protocol header to Connection.OpenOk, the
 * open-connection of the connection class grammar), the quiet a burst waits for is this
 * long: a slow client's set-up still folds into one line.
 */
const setUpQuietMs = 2000;

interface RawTapOptions {
  port?: string;
  json?: boolean;
  raw?: boolean;
  full?: boolean;
  assets?: boolean;
  lang?: string;
  color?: boolean;
  width?: string;
  har?: string;
}

export function addTapCommand(program: Command, lang: Lang, env: NodeJS.ProcessEnv): void {
  const optionWords = messages[lang].program.options;
  const tap = program
    .command('tap')
    .description(messages[lang].program.commands.tap)
    .argument('<url>', messages[lang].program.tapUrl)
    .option('--port <port>', optionWords.tapPort)
    .option('--json', optionWords.tapJson);
  sharedOptions
    .display(sharedOptions.bodies(tap, lang).option('--assets', optionWords.tapAssets), lang)
    .option('--har <file>', optionWords.tapHar)
    .action(async (url: string, _raw: unknown, command: Command) => {
      await tapCommand(url, subcommandOptions<RawTapOptions>(command), env);
    });
}

export async function tapCommand(url: string, raw: RawTapOptions, env: NodeJS.ProcessEnv): Promise<void> {
  const lang = resolveLang(raw.lang, env);
  const port = raw.port === undefined ? undefined : integerOption('--port', raw.port, 1, 65535);
  const width = raw.width === undefined ? undefined : integerOption('--width', raw.width, 40, 400);
  // Loaded only now: --help must not pay for the decoders.
  const { parseTapTarget, tapInFront } = await import('../../demos/core/tap-in-front.js');
  const words = messages[lang];
  const target = parseTapTarget(url, `<${words.program.help.placeholders.url}>`);
  const tapWords = words.tap;
  const { createTheme, wantsColor } = await import('../../demos/render/theme.js');
  const { renderItems } = await import('../../demos/render/items.js');
  const { paint, span } = await import('../../demos/render/lines.js');
  const theme = createTheme(raw.color !== false && wantsColor(process.stdout, env));
  const render = { width: outputWidth(width), theme, messages: words, raw: Boolean(raw.raw), full: Boolean(raw.full) };

  // Opened before the tap starts: a bad path fails first.
  const har = raw.har ? await (await import('./record-har.js')).openHar(raw.har) : undefined;
  // HTTP and WebSocket: the live view of --serve (wire order, a page's files one line each).
  const { createLiveView } = await import('./live-view.js');
  const live = createLiveView({
    render,
    json: Boolean(raw.json),
    assets: Boolean(raw.assets),
    write,
    ...(har && { har }),
  });
  // AMQP frames come in bursts (a connection's set-up, a publish in three frames): a burst is
  // drawn as one sequence diagram once the wire is quiet, so set-ups fold into one line.
  const burst: WireItem[] = [];
  /** Connections in the burst whose set-up has begun and not yet ended. */
  const settingUp = new Set<number>();
  let quiet: NodeJS.Timeout | undefined;
  const flush = () => {
    clearTimeout(quiet);
    settingUp.clear();
    live.flush();
    if (burst.length > 0) write('\n' + paint(renderItems(burst.splice(0), render), theme) + '\n');
  };
  // One closer, in this order: no new items, the held ones out, then the HAR file's end.
  // Tracked before the tap starts, so a target that cannot be reached still leaves a whole file.
  const running: { front?: { close(): Promise<void> } } = {};
  track(async () => {
    await running.front?.close();
    flush();
    await har?.close();
  });
  // The items' clock starts here; the HAR file turns it into wall-clock time.
  const origin = performance.now();
  har?.setOrigin(performance.timeOrigin + origin);
  const front = (running.front = await tapInFront(target, {
    origin,
    ...(port !== undefined ? { port } : {}),
    onItem: (item) => {
      if (item.kind !== 'amqp-frame' || raw.json) return live.onItem(item);
      burst.push(item);
      if (item.frameType === 'protocol-header') settingUp.add(item.connection);
      else if (item.method === 'Connection.OpenOk' || item.method === 'Connection.Close') {
        settingUp.delete(item.connection);
      }
      clearTimeout(quiet);
      if (burst.length >= maxBurst) flush();
      else quiet = setTimeout(flush, settingUp.size > 0 ? setUpQuietMs : quietMs);
    },
    onUnreachable: (connection, code) => {
      flush();
      if (raw.json) return write(JSON.stringify({ kind: 'unreachable', connection, code }) + '\n');
      write('\n' + paint([[span(tapWords.unreachable({ connection, code }), 'warn')]], theme) + '\n');
    },
  }));
  const hello = [
    tapWords.listening({ target: target.shown }),
    tapWords.useInstead({ url: front.url }),
    '',
    tapWords.waiting[target.protocol],
  ];
  // With --json, stdout carries only the items, one JSON object a line.
  (raw.json ? process.stderr : process.stdout).write(hello.join('\n') + '\n');
  await new Promise<never>(() => {});
}
