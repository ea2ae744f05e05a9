/**
 * `exercise start`: copies the starter project into a new folder, writes its README in
 * the chosen language (task, steps, commands, what the checks expect) and the progress
 * file. A folder that exists and is not empty is never touched.
 */
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AwtError } from '../core/errors.js';
import type { Lang } from '../core/lang.js';
import type { ExerciseWords } from '../core/messages/exercise-en.js';
import { toolRoot } from '../core/tool-root.js';
import type { ExerciseEntry } from './manifest.js';
import { newProgress, progressFile, saveProgress } from './progress.js';
import type { ExerciseText } from './types.js';

/** The starter of an exercise, beside its texts; the build copies it into dist (bin/build/copy-starters.mjs). */
export function starterDir(id: string): string {
  return fileURLToPath(new URL(`../../lessons/exercises/${id}/starter/`, import.meta.url));
}

export async function startProject(
  entry: ExerciseEntry,
  dir: string,
  lang: Lang,
  words: ExerciseWords,
  now = new Date(),
): Promise<string[]> {
  const existing = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    if (error.code === 'ENOTDIR') return [path.basename(dir)];
    throw new AwtError('AWT_BAD_FILE', { file: dir, reason: error.code ?? error.message });
  });
  if (existing.length > 0) throw new AwtError('AWT_FOLDER_NOT_EMPTY', { dir });
  await mkdir(dir, { recursive: true });
  const source = starterDir(entry.id);
  // A starter someone ran `npm install` in, inside the repository, keeps its node_modules to itself.
  await cp(source, dir, {
    recursive: true,
    filter: (from) => !/[\\/](node_modules|package-lock\.json|awt-progress\.json)/.test(path.relative(source, from)),
  });
  await linkTool(path.join(dir, 'package.json'));
  for (const [name, content] of Object.entries((await entry.contractFiles?.()) ?? {})) {
    await writeFile(path.join(dir, name), content);
  }
  const text = (await entry.texts())[lang];
  await writeFile(path.join(dir, 'README.md'), renderReadme(entry, text, words));
  await saveProgress(path.join(dir, progressFile), newProgress(entry.id, now));
  return (await readdir(dir, { recursive: true })).map(String).sort();
}

/**
 * The starter's package.json gets this awt-demo as a devDependency (`file:` its folder), so
 * that `npm install` links it and `npx awt-demo exercise check` works in the exercise folder:
 * awt-demo is not on the npm registry, where npx would look otherwise. A folder copied to
 * another machine still installs (npm leaves the link dangling there).
 */
async function linkTool(file: string): Promise<void> {
  const pkg = JSON.parse(await readFile(file, 'utf8')) as { devDependencies?: Record<string, string> };
  pkg.devDependencies = { ...pkg.devDependencies, 'awt-demo': `file:${toolRoot()}` };
  await writeFile(file, JSON.stringify(pkg, null, 2) + '\n');
}

export function renderReadme(entry: ExerciseEntry, text: ExerciseText, words: ExerciseWords): string {
  const t = words.readme;
  const block = (command: string) => ['```sh', command, '```'];
  const programs = entry.programs !== undefined;
  // Each program once, in the order the check starts them (a second worker is the same command).
  const runs = programs ? [...new Set(entry.programs!.map((program) => `npm run ${program.role}`))] : ['npm start'];
  return [
    `# ${text.title}`,
    '',
    `## ${t.task}`,
    '',
    ...text.task.flatMap((paragraph) => [paragraph, '']),
    `## ${t.steps}`,
    '',
    ...text.steps.flatMap((paragraph) => [paragraph, '']),
    `## ${t.commands}`,
    '',
    t.install,
    '',
    ...block('npm install'),
    '',
    programs ? t.runPrograms : t.run,
    '',
    ...runs.flatMap((command) => [...block(command), '']),
    programs ? t.checkPrograms : t.check,
    '',
    ...block(`npx awt-demo exercise check ${entry.id}`),
    '',
    t.hint,
    '',
    ...block(`npx awt-demo exercise hint ${entry.id}`),
    '',
    programs ? t.tapBroker : t.tap,
    '',
    ...block(`npx awt-demo tap ${entry.defaultUrl}`),
    '',
    `## ${t.checks}`,
    '',
    ...entry.checks.map((id) => `- \`${id}\`: ${text.checks[id]!.title} — ${text.checks[id]!.expected}`),
    '',
    t.progress,
    '',
  ].join('\n');
}
