/** The commands that measure the paradigms side by side: compare, table and bench. */
import type { Command } from 'commander';
import type { Lang } from '../demos/core/lang.js';
import { messages } from '../demos/core/messages/index.js';
import { sharedOptions, subcommandOptions } from './options.js';

export function addMeasuringCommands(program: Command, lang: Lang, env: NodeJS.ProcessEnv): void {
  const optionWords = messages[lang].program.options;
  const commandWords = messages[lang].program.commands;
  /** How the result is shown, the same for all three. */
  const display = (command: Command) => sharedOptions.display(command, lang);

  const compare = sharedOptions
    .json(
      program
        .command('compare')
        .description(commandWords.compare)
        .argument('[view]', optionWords.compareView)
        .option('--only <paradigms>', optionWords.only)
        .option('--case <numbers>', optionWords.case)
        .option('--repeat <n>', optionWords.repeat),
      lang,
    )
    .option('--markdown', optionWords.markdown)
    .option('--csv', optionWords.csv);
  display(sharedOptions.broker(compare, lang)).action(
    async (view: string | undefined, _raw: unknown, command: Command) => {
      if (view !== undefined) {
        const { compareViewCommand } = await import('./commands/compare-view.js');
        return compareViewCommand(view, subcommandOptions(command), env);
      }
      const { compareCommand } = await import('./commands/compare.js');
      await compareCommand(subcommandOptions(command), env);
    },
  );

  display(
    sharedOptions.broker(
      program
        .command('table')
        .description(commandWords.table)
        .option('--from <file>', optionWords.from)
        .option('--markdown', optionWords.markdown)
        .option('--repeat <n>', optionWords.repeat),
      lang,
    ),
  ).action(async (_raw: unknown, command: Command) => {
    const { tableCommand } = await import('./commands/table.js');
    await tableCommand(subcommandOptions(command), env);
  });

  const benchWords = messages[lang].bench.cli;
  display(
    program
      .command('bench')
      .description(benchWords.description)
      .option('--duration <seconds>', benchWords.duration)
      .option('--concurrency <n>', benchWords.concurrency)
      .option('--only <ids>', benchWords.only)
      .option('--json', benchWords.json)
      .option('--amqp-url <url>', benchWords.amqpUrl)
      .option('--broker <kind>', benchWords.broker),
  ).action(async (_raw: unknown, command: Command) => {
    const { benchCommand, parseBenchOptions } = await import('./commands/bench.js');
    await benchCommand(parseBenchOptions(subcommandOptions(command), env));
  });
}
