/**
 * `awt-demo exercise [list|start|hint|check]`: the exercise companion. The student
 * builds a service from a starter project; `check` tests the running server over the
 * wire and shows the trace of every check that fails. Exit codes: 0 every check
 * passed, 5 some failed (AWT_CHECKS_FAILED), 3 the server does not answer, 2 usage.
 */
import path from 'node:path';
import type { Command } from 'commander';
import { closest } from '../did-you-mean.js';
import { AwtError } from '../../demos/core/errors.js';
import type { Lang } from '../../demos/core/lang.js';
import { exerciseIds, exercises, findExercise, type ExerciseEntry } from '../../demos/exercises/manifest.js';
import { messages } from '../../demos/core/messages/index.js';
import { brokerChoice } from '../../demos/mq/broker-choice.js';
import { integerOption, resolveLang, sharedOptions, subcommandOptions } from '../options.js';
import { hanging, outputWidth, wrapPlain, write, writeFlushed } from '../output.js';

/** Seconds a check may take unless the exercise or --timeout says otherwise. */
const defaultTimeoutMs = 5000;
/** The least time the student's programs get to start consuming. */
const defaultReadyMs = 10_000;

interface RawExerciseOptions {
  dir?: string;
  url?: string;
  amqpUrl?: string;
  broker?: string;
  timeout?: string;
  json?: boolean;
  lang?: string;
  color?: boolean;
  width?: string;
  raw?: boolean;
  full?: boolean;
}

export function addExerciseCommand(program: Command, lang: Lang, env: NodeJS.ProcessEnv): void {
  const optionWords = messages[lang].program.options;
  const commandWords = messages[lang].exercise.commands;
  const exercise = program
    .command('exercise')
    .description(commandWords.exercise)
    .option('--dir <folder>', commandWords.dir({ dir: '.' }))
    .option('--json', commandWords.json);
  sharedOptions
    .lang(exercise, lang)
    // Words after `exercise` that name no subcommand arrive here: a typo ("chek"), said as one.
    .argument('[words...]')
    .usage('[options] [command]')
    .action(async (words: string[], _raw: unknown, command: Command) => {
      const [typed] = words;
      if (typed !== undefined) {
        const names = exercise.commands.map((sub) => sub.name());
        const suggestion = closest(typed, names);
        throw new AwtError('AWT_UNKNOWN_EXERCISE_COMMAND', {
          command: typed,
          commands: names.join(', '),
          ...(suggestion !== undefined ? { suggestion } : {}),
        });
      }
      return listExercises(subcommandOptions(command), env);
    });
  const withLang = (command: Command) => sharedOptions.lang(command, lang);

  withLang(
    exercise
      .command('list')
      .description(commandWords.list)
      .option('--dir <folder>', commandWords.dir({ dir: '.' })),
  )
    .option('--json', commandWords.json)
    .action(async (_raw: unknown, command: Command) => listExercises(options(command), env));

  withLang(
    exercise
      .command('start')
      .description(commandWords.start)
      .argument('<id>', `${commandWords.id}: ${exerciseIds.join(', ')}`)
      .option('--dir <folder>', commandWords.dir({ dir: './awt-<id>' })),
  ).action(async (id: string, _raw: unknown, command: Command) => startExercise(id, options(command), env));

  withLang(
    exercise
      .command('hint')
      .description(commandWords.hint)
      .argument('<id>', commandWords.id)
      .option('--dir <folder>', commandWords.dir({ dir: '.' })),
  ).action(async (id: string, _raw: unknown, command: Command) => showHint(id, options(command), env));

  const check = exercise
    .command('check')
    .description(commandWords.check)
    .argument('<id>', commandWords.id)
    .option('--url <url>', commandWords.url)
    .option('--dir <folder>', commandWords.dir({ dir: '.' }))
    .option('--broker <kind>', optionWords.broker)
    .option('--amqp-url <url>', optionWords.amqpUrl)
    .option('--timeout <seconds>', commandWords.timeout)
    .option('--json', commandWords.json);
  sharedOptions
    .display(sharedOptions.bodies(check, lang), lang)
    .action(async (id: string, _raw: unknown, command: Command) => checkExercise(id, options(command), env));
}

/** A sub-subcommand's options with those typed before it (`exercise --lang de check …`). */
function options(command: Command): RawExerciseOptions {
  const own = subcommandOptions<RawExerciseOptions>(command);
  const parent = command.parent!;
  for (const [key, value] of Object.entries(parent.opts())) {
    if (parent.getOptionValueSource(key) === 'cli' && command.getOptionValueSource(key) !== 'cli') {
      (own as Record<string, unknown>)[key] = value;
    }
  }
  return own;
}

/** The exercise an id names, typed in any case; an unknown one is a usage error with the nearest id. */
function exerciseOf(id: string): ExerciseEntry {
  const entry = findExercise(id.toLowerCase());
  if (entry) return entry;
  const suggestion = closest(id, exerciseIds);
  throw new AwtError('AWT_UNKNOWN_EXERCISE', {
    exercise: id,
    ids: exerciseIds.join(', '),
    ...(suggestion !== undefined ? { suggestion } : {}),
  });
}

export async function listExercises(raw: RawExerciseOptions, env: NodeJS.ProcessEnv): Promise<void> {
  const lang = resolveLang(raw.lang, env);
  const { loadProgress, stateOf } = await import('../../demos/exercises/progress.js');
  const dir = path.resolve(raw.dir ?? '.');
  const rows = await Promise.all(
    exercises.map(async (entry) => {
      const text = (await entry.texts())[lang];
      const found = await loadProgress(dir, entry.id);
      return {
        id: entry.id,
        paradigm: entry.paradigm,
        title: text.title,
        summary: text.summary,
        state: stateOf(found?.progress),
        ...(found ? { progressFile: found.file } : {}),
      };
    }),
  );
  if (raw.json) return write(JSON.stringify(rows, null, 2) + '\n');
  const exerciseWords = messages[lang].exercise;
  const idWidth = Math.max(...rows.map((row) => row.id.length));
  const stateWidth = Math.max(...rows.map((row) => exerciseWords.states[row.state]!.length));
  const width = outputWidth(undefined);
  const lines = [exerciseWords.list.heading];
  for (const row of rows) {
    lines.push(
      ...hanging(
        `  ${row.id.padEnd(idWidth)}  ${exerciseWords.states[row.state]!.padEnd(stateWidth)}  `,
        row.title,
        width,
      ),
    );
    lines.push(...hanging(' '.repeat(idWidth + stateWidth + 6), row.summary, width));
  }
  lines.push('', ...wrapPlain(exerciseWords.list.usage, width));
  write(lines.join('\n') + '\n');
}

async function startExercise(id: string, raw: RawExerciseOptions, env: NodeJS.ProcessEnv): Promise<void> {
  const lang = resolveLang(raw.lang, env);
  const entry = exerciseOf(id);
  const { startProject } = await import('../../demos/exercises/start-project.js');
  const exerciseWords = messages[lang].exercise;
  const given = raw.dir ?? `awt-${id}`;
  const files = await startProject(entry, path.resolve(given), lang, exerciseWords);
  const commands: Array<[string, string]> = [
    [`cd ${given}`, ''],
    ['npm install', exerciseWords.start.install],
    // The check starts an AMQP exercise's programs itself: no server to start first.
    ...(entry.programs
      ? [[`npx awt-demo exercise check ${id}`, exerciseWords.start.checkPrograms] as [string, string]]
      : [
          ['npm start', exerciseWords.start.run] as [string, string],
          [`npx awt-demo exercise check ${id}`, exerciseWords.start.check] as [string, string],
        ]),
    [`npx awt-demo exercise hint ${id}`, exerciseWords.start.hint],
  ];
  const commandWidth = Math.max(...commands.map(([command]) => command.length));
  const width = outputWidth(undefined);
  write(
    [
      ...wrapPlain(exerciseWords.start.wrote({ exercise: id, dir: given }), width),
      ...files.map((file) => `  ${file}`),
      '',
      exerciseWords.start.next,
      ...commands.flatMap(([command, what]) =>
        hanging(`  ${command.padEnd(commandWidth)}  `, what, width).map((line) => line.trimEnd()),
      ),
    ].join('\n') + '\n',
  );
}

async function showHint(id: string, raw: RawExerciseOptions, env: NodeJS.ProcessEnv): Promise<void> {
  const lang = resolveLang(raw.lang, env);
  const entry = exerciseOf(id);
  const { loadProgress, progressFile, saveProgress } = await import('../../demos/exercises/progress.js');
  const { nextHint } = await import('../../demos/exercises/next-hint.js');
  const hintWords = messages[lang].exercise.hint;
  const text = (await entry.texts())[lang];
  const found = await loadProgress(path.resolve(raw.dir ?? '.'), id);
  const next = nextHint(entry, text, found?.progress);
  if (next.kind === 'all-passed') return write(hintWords.allPassed + '\n');
  const width = outputWidth(undefined);
  const lines = [
    ...wrapPlain(hintWords.heading({ level: next.level, of: next.of, check: text.checks[next.check]!.title }), width),
    '',
    ...wrapPlain(next.text, width - 2).map((line) => `  ${line}`),
    '',
  ];
  const closing = !found
    ? hintWords.noProgress({ file: progressFile })
    : next.level < next.of
      ? hintWords.more({ command: `npx awt-demo exercise hint ${id}` })
      : hintWords.last;
  lines.push(...wrapPlain(closing, width));
  if (found) {
    await saveProgress(found.file, {
      ...found.progress,
      hints: { ...found.progress.hints, [next.check]: next.level },
    });
  }
  write(lines.join('\n') + '\n');
}

async function checkExercise(id: string, raw: RawExerciseOptions, env: NodeJS.ProcessEnv): Promise<void> {
  const lang = resolveLang(raw.lang, env);
  const entry = exerciseOf(id);
  const programs = entry.programs !== undefined;
  // An exercise checks a server at a URL, or starts the student's programs behind a broker: never both.
  for (const [option, given] of programs
    ? ([['--url', raw.url]] as const)
    : ([
        ['--broker', raw.broker],
        ['--amqp-url', raw.amqpUrl],
      ] as const)) {
    if (given !== undefined) throw new AwtError('AWT_EXERCISE_OPTION', { option, exercise: id, programs });
  }
  const timeoutMs =
    raw.timeout === undefined
      ? (entry.checkTimeoutMs ?? defaultTimeoutMs)
      : integerOption('--timeout', raw.timeout, 1, 600) * 1000;
  const width = raw.width === undefined ? undefined : integerOption('--width', raw.width, 40, 400);
  const broker = programs ? brokerChoice(raw.broker, env) : undefined;
  const url = raw.url ?? entry.defaultUrl;
  const { runChecks, checksFailed } = await import('../../demos/exercises/run-checks.js');
  const { loadProgress, progressFile, recordRun, saveProgress } = await import('../../demos/exercises/progress.js');
  const { renderCheckReport, renderCheckSummary } = await import('../../demos/exercises/render-report.js');
  const { createTheme, wantsColor } = await import('../../demos/render/theme.js');
  const words = messages[lang];
  const checkWords = words.exercise.check;
  const theme = createTheme(!raw.json && raw.color !== false && wantsColor(process.stdout, env));
  const render = { width: outputWidth(width), theme, messages: words, raw: Boolean(raw.raw), full: Boolean(raw.full) };
  const dir = path.resolve(raw.dir ?? '.');
  const found = await loadProgress(dir, id);
  const [texts, checks] = await Promise.all([entry.texts(), entry.loadChecks()]);
  const idWidth = Math.max(...entry.checks.map((check) => check.length));
  // Run from the folder above the exercise folder, the programs are where the progress file is.
  const programsDir = found ? path.dirname(found.file) : dir;

  if (!raw.json) {
    const heading = entry.programs
      ? checkWords.headingPrograms({
          exercise: id,
          dir: path.relative('.', programsDir) || '.',
          programs: entry.programs.map((program) => program.name).join(', '),
        })
      : checkWords.heading({ exercise: id, url });
    write(wrapPlain(heading, render.width).join('\n') + '\n');
  }
  // With --json a grading script gets a record also when nothing could be checked (no server,
  // no broker): the error beside passed: false, on stdout; the message goes to stderr as ever.
  const orRecorded = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      if (raw.json && error instanceof AwtError) {
        const where = entry.programs ? { dir: programsDir } : { url };
        const record = {
          exercise: id,
          ...where,
          lang,
          passed: false,
          error: { code: error.code, message: error.describe(words) },
          checks: [],
        };
        const { terminalSafeJson } = await import('../../demos/render/escape.js');
        await writeFlushed(terminalSafeJson(record, 2) + '\n');
      }
      throw error;
    }
  };
  const rig = await orRecorded(async () =>
    entry.programs && entry.loadRig
      ? await (
          await entry.loadRig()
        )({
          dir: programsDir,
          programs: entry.programs,
          broker: broker!,
          amqpUrl: raw.amqpUrl,
          env,
          // Starting node with tsx takes a while on a busy machine; a check's time is the least it gets.
          readyMs: Math.max(timeoutMs, defaultReadyMs),
          said: words.exercise.said,
        })
      : undefined,
  );
  if (!raw.json)
    write((rig ? wrapPlain(words.broker.used(rig.brokerUsed), render.width).join('\n') + '\n' : '') + '\n');
  const reports = await orRecorded(() =>
    runChecks({
      exercise: entry,
      url,
      ...(rig ? { rig } : {}),
      texts: texts[lang].checks,
      checks,
      words: words.exercise,
      timeoutMs,
      ...(found ? { hintLevels: found.progress.hints } : {}),
      ...(raw.json ? {} : { onReport: (report) => write(renderCheckReport(report, idWidth, render)) }),
    }),
  );
  if (found) await saveProgress(found.file, recordRun(found.progress, reports, new Date(), entry.checks));
  if (raw.json) {
    const passed = reports.every((report) => report.passed);
    const where = rig ? { dir: programsDir, broker: rig.brokerUsed } : { url };
    // What the student's server sent is in the traces: control and bidi characters as \uXXXX.
    const { terminalSafeJson } = await import('../../demos/render/escape.js');
    await writeFlushed(terminalSafeJson({ exercise: id, ...where, lang, passed, checks: reports }, 2) + '\n');
  } else {
    write(renderCheckSummary(reports, render));
    // The last write waits for all before it: the exit with code 5 must not cut the report short.
    await writeFlushed(
      (found
        ? checkWords.recorded({ file: path.relative('.', found.file) || progressFile })
        : checkWords.noProgress({ file: progressFile })) + '\n',
    );
  }
  // With --json the report is on stdout, not "above": the hint says where it is.
  const failed = checksFailed(reports, { json: Boolean(raw.json) });
  if (failed) throw failed;
}
