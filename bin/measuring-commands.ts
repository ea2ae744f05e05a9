/** The commands that measure the paradigms side by side: compare, table and bench. */
import type { Command } from 'commander';
import type { Lang } from '../demos/core/lang.js';
import { messages } from '../demos/core/messages/index.js';
import { subcommandOptions } from './options.js';

export function addMeasuringCommands(program: Command, lang: Lang, env: NodeJS.ProcessEnv): void {
  const o = messages[lang].program.options;
  const c = messages[lang].program.commands;
  /** How the result is shown, the same for all three. */
  const display = (command: Command) =>
    command.option('--lang <lang>', o.lang).option('--no-color', o.noColor).option('--width <columns>', o.width);

  display(
    program
      .command('compare')
      .description(c.compare)
      .option('--only <paradigms>', o.only)
      .option('--case <numbers>', o.case)
      .option('--repeat <n>', o.repeat)
      .option('--json', o.json)
      .option('--markdown', o.markdown)
      .option('--csv', o.csv)
      .option('--amqp-url <url>', o.amqpUrl)
      .option('--broker <kind>', o.broker),
  ).action(async (_raw: unknown, command: Command) => {
    const { compareCommand } = await import('./commands/compare.js');
    await compareCommand(subcommandOptions(command), env);
  });

  display(
    program
      .command('table')
      .description(c.table)
      .option('--from <file>', o.from)
      .option('--markdown', o.markdown)
      .option('--repeat <n>', o.repeat)
      .option('--amqp-url <url>', o.amqpUrl)
      .option('--broker <kind>', o.broker),
  ).action(async (_raw: unknown, command: Command) => {
    const { tableCommand } = await import('./commands/table.js');
    await tableCommand(subcommandOptions(command), env);
  });

  const b = messages[lang].bench.cli;
  display(
    program
      .command('bench')
      .description(b.description)
      .option('--duration <seconds>', b.duration)
      .option('--concurrency <n>', b.concurrency)
      .option('--only <ids>', b.only)
      .option('--json', b.json)
      .option('--amqp-url <url>', b.amqpUrl)
      .option('--broker <kind>', b.broker),
  ).action(async (_raw: unknown, command: Command) => {
    const { benchCommand, parseBenchOptions } = await import('./commands/bench.js');
    await benchCommand(parseBenchOptions(subcommandOptions(command), env));
  });
}
