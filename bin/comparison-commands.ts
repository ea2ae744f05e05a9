/** The `compare` and `table` subcommands: the paradigms side by side, measured. */
import type { Command } from 'commander';
import type { Lang } from '../demos/core/lang.js';
import { ui } from '../lessons/ui/index.js';
import { subcommandOptions } from './options.js';

export function addComparisonCommands(program: Command, lang: Lang, env: NodeJS.ProcessEnv): void {
  const o = ui[lang].program.options;
  const c = ui[lang].program.commands;
  program
    .command('compare')
    .description(c.compare)
    .option('--only <paradigms>', o.only)
    .option('--case <numbers>', o.case)
    .option('--repeat <n>', o.repeat)
    .option('--json', o.json)
    .option('--markdown', o.markdown)
    .option('--csv', o.csv)
    .option('--lang <lang>', o.lang)
    .option('--no-color', o.noColor)
    .option('--width <columns>', o.width)
    .option('--amqp-url <url>', o.amqpUrl)
    .action(async (_raw: unknown, command: Command) => {
      const { compareCommand } = await import('./commands/compare.js');
      await compareCommand(subcommandOptions(command), env);
    });

  program
    .command('table')
    .description(c.table)
    .option('--from <file>', o.from)
    .option('--markdown', o.markdown)
    .option('--repeat <n>', o.repeat)
    .option('--lang <lang>', o.lang)
    .option('--no-color', o.noColor)
    .option('--width <columns>', o.width)
    .option('--amqp-url <url>', o.amqpUrl)
    .action(async (_raw: unknown, command: Command) => {
      const { tableCommand } = await import('./commands/table.js');
      await tableCommand(subcommandOptions(command), env);
    });
}
