/**
 * The command line: commander, with every word from the message catalogue, so
 * `--help` speaks the user's language. Only light modules are imported here.
 */
import { Command, CommanderError, Option } from 'commander';
import type { Lang } from '../demos/core/lang.js';
import { demoIds, findDemo } from '../demos/registry.js';
import { messages } from '../demos/core/messages/index.js';
import { listCommand } from './commands/list.js';
import { addExerciseCommand } from './commands/exercise.js';
import { addTapCommand } from './commands/tap.js';
import { addMeasuringCommands } from './measuring-commands.js';
import { toolVersion } from './version.js';
import { parseRunOptions, resolveLang, sharedOptions, subcommandOptions, type RawRunOptions } from './options.js';

function addRunOptions(command: Command, lang: Lang): Command {
  const optionWords = messages[lang].program.options;
  const first = command
    .option('--step', optionWords.step)
    .option('--all', optionWords.all)
    .option('--from-step <n>', optionWords.fromStep);
  return sharedOptions
    .display(sharedOptions.bodies(sharedOptions.json(first, lang), lang), lang)
    .option('--serve', optionWords.serve)
    .option('--port <port>', optionWords.port)
    .option('--schema', optionWords.schema)
    .option('--deploy-files <dir>', optionWords.deployFiles)
    .option('--amqp-url <url>', optionWords.amqpUrl)
    .option('--assets', optionWords.assets)
    .option('--har <file>', optionWords.har)
    .option('--mermaid', optionWords.mermaid)
    .option('--broker <kind>', optionWords.broker)
    .option('--llm-url <url>', optionWords.llmUrl)
    .option('--llm-model <name>', optionWords.llmModel);
}

export function buildProgram(lang: Lang, env: NodeJS.ProcessEnv): Command {
  const programWords = messages[lang].program;
  const placeholders = (text: string) =>
    text.replace(/([<[])([a-z-]+)([>\]])/g, (whole, open: string, name: string, close: string) =>
      programWords.help.placeholders[name] ? `${open}${programWords.help.placeholders[name]}${close}` : whole,
    );
  const commandWidth = Math.max(...Object.keys(programWords.examples).map((command) => command.length));
  const examples = Object.entries(programWords.examples).map(
    ([command, what]) => `  $ ${command.padEnd(commandWidth)}  ${what}`,
  );
  const run = async (demo: string, raw: RawRunOptions) => {
    if (!findDemo(demo)) {
      const { unknownDemo } = await import('./did-you-mean.js');
      throw unknownDemo(
        demo,
        program.commands.map((command) => command.name()),
      );
    }
    const { runCommand } = await import('./commands/run.js');
    await runCommand(demo, parseRunOptions(raw, env));
  };

  const program = addRunOptions(new Command('awt-demo'), lang)
    // Before any subcommand exists, so every subcommand inherits them: usage errors end in
    // main.ts with exit code 2, and read like the tool's own errors.
    .exitOverride()
    .configureOutput({
      outputError: (text, write) =>
        write(`awt-demo: ${usageError(text, lang)}\n  ${messages[lang].errors.AWT_BAD_OPTION_hint}\n`),
    })
    .description(programWords.description)
    .version(toolVersion(), '-v, --version', programWords.help.version)
    // -V as well, the letter many tools use; one of them shows in the help.
    .addOption(new Option('-V').hideHelp())
    .helpOption('-h, --help', programWords.help.help)
    .usage(programWords.help.usage)
    // Commander's own headings ("Usage:", "Options:" …) and the names in <…> and […] in the
    // user's language; subcommands made after this inherit it.
    .configureHelp({
      styleTitle: (title) => programWords.help.titles[title] ?? title,
      styleUsage: placeholders,
      styleSubcommandTerm: placeholders,
      styleOptionTerm: placeholders,
      styleArgumentTerm: (name) => programWords.help.placeholders[name] ?? name,
    })
    .argument('[demo]', `${programWords.demoArgument}: ${demoIds.join(', ')}`)
    .addHelpText('after', `\n${programWords.examplesHeading}\n${examples.join('\n')}\n`)
    .showSuggestionAfterError()
    .action(async (demo: string | undefined, raw: RawRunOptions) => {
      if (demo) return run(demo, raw);
      const chosenLang = resolveLang(raw.lang, env);
      if (process.stdin.isTTY && process.stdout.isTTY && !raw.json) {
        const { menuCommand } = await import('./commands/menu.js');
        return menuCommand(parseRunOptions(raw, env), env);
      }
      await listCommand({ lang: chosenLang, usage: true, json: Boolean(raw.json) });
    });

  const list = sharedOptions.json(program.command('list').description(programWords.commands.list), lang);
  sharedOptions.lang(list, lang).action(async (_raw: unknown, command: Command) => {
    const raw = subcommandOptions<{ json?: boolean; lang?: string }>(command);
    await listCommand({ lang: resolveLang(raw.lang, env), json: Boolean(raw.json) });
  });

  addRunOptions(
    program.command('run').description(programWords.commands.run).argument('<demo>', programWords.demoArgument),
    lang,
  ).action((demo: string, _raw: unknown, command: Command) => run(demo, subcommandOptions<RawRunOptions>(command)));

  addMeasuringCommands(program, lang, env);
  addTapCommand(program, lang, env);
  addExerciseCommand(program, lang, env);

  const broker = program
    .command('broker')
    .description(programWords.commands.broker)
    .option('--port <port>', programWords.options.brokerPort);
  sharedOptions
    .display(sharedOptions.json(broker, lang).option('--full', programWords.options.full), lang)
    .action(async (_raw: unknown, command: Command) => {
      const { brokerCommand } = await import('./commands/broker.js');
      await brokerCommand(subcommandOptions(command), env);
    });

  // `awt-demo help` and `awt-demo help compare` (commander adds it only to programs without an action).
  program.helpCommand('help [command]', programWords.help.help);
  program.on('option:V', () => {
    process.stdout.write(`${toolVersion()}\n`);
    throw new CommanderError(0, 'commander.version', toolVersion());
  });

  // `list --json` and `run x --json` belong to the subcommand, not to the program.
  program.enablePositionalOptions();
  return program;
}

/** Commander's own usage errors, in the catalogue's words; anything else as commander wrote it. */
export function usageError(text: string, lang: Lang): string {
  const words = messages[lang].errors.commander;
  const [first = '', ...rest] = text
    .replace(/^error: /, '')
    .trimEnd()
    .split('\n');
  const suggestion = rest.join(' ').match(/^\(Did you mean (?:one of )?(.+)\?\)$/);
  const patterns: Array<[RegExp, (m: RegExpMatchArray) => string]> = [
    [/^unknown option '(.+)'$/, (m) => words.unknownOption({ option: m[1]! })],
    [/^unknown command '(.+)'$/, (m) => words.unknownCommand({ command: m[1]! })],
    [/^missing required argument '(.+)'$/, (m) => words.missingArgument({ argument: m[1]! })],
    // The flags as declared ("--lang <lang>"): the option's long name says enough.
    [
      /^option '(.+)' argument missing$/,
      (m) =>
        words.valueMissing({
          option: m[1]!
            .split(/[ ,]+/)
            .filter((f) => f.startsWith('-'))
            .at(-1)!,
        }),
    ],
    [
      /^too many arguments.*Expected (\d+) arguments? but got (\d+)\.$/,
      (m) => words.tooManyArguments({ expected: Number(m[1]), got: Number(m[2]) }),
    ],
  ];
  const known = patterns.find(([pattern]) => pattern.test(first));
  if (!known) return text.replace(/^error: /, '').trimEnd();
  const sentence = known[1](first.match(known[0])!);
  return suggestion ? `${sentence}\n${words.didYouMean({ names: suggestion[1]! })}` : sentence;
}

export { CommanderError };
