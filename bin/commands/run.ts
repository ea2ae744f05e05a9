/** `awt-demo <demo>`: run the scenario and show it, or serve it, or print its contract. */
import { track } from '../../demos/core/cleanup.js';
import type { Demo, ServedDemo } from '../../demos/core/demo.js';
import { AwtError } from '../../demos/core/errors.js';
import { demoIds, findDemo } from '../../demos/registry.js';
import { messages } from '../../demos/core/messages/index.js';
import { startOptionsOf, type RunOptions } from '../options.js';
import { outputWidth, wrapPlain, write } from '../output.js';
import { createStepGate } from './step-gate.js';

export async function runCommand(id: string, options: RunOptions): Promise<void> {
  const entry = findDemo(id);
  if (!entry) throw new AwtError('AWT_UNKNOWN_DEMO', { demo: id, ids: demoIds.join(', ') });
  const loaded = await entry.load();
  if (options.schema) return printContract(loaded);
  if (options.deployFiles !== undefined) return writeDeployFiles(loaded, options.deployFiles, options);
  if (options.mermaid && options.serve)
    throw new AwtError('AWT_OPTIONS_CLASH', { first: '--mermaid', second: '--serve' });
  if (options.serve) return serve(loaded, options);
  const { recordHar } = options.har ? await import('./record-har.js') : {};
  const recording = recordHar && options.har ? await recordHar(loaded, options.har) : undefined;
  const demo = recording?.demo ?? loaded;
  try {
    if (options.mermaid) return await printMermaid(demo, options);
    if (options.json) return await printJson(demo, options);
    return await walkthrough(demo, options);
  } finally {
    await recording?.finish();
  }
}

async function printMermaid(demo: Demo, options: RunOptions): Promise<void> {
  const { collectTrace } = await import('../../demos/core/collect-trace.js');
  const { renderMermaid } = await import('../../demos/render/mermaid.js');
  const trace = await collectTrace(demo, options.lang, startOptionsOf(options));
  write(renderMermaid(trace, messages[options.lang]));
}

async function printContract(demo: Demo): Promise<void> {
  if (!demo.contract) throw new AwtError('AWT_NO_SCHEMA', { demo: demo.id });
  write((await demo.contract()).trimEnd() + '\n');
}

/** Writes into a new or empty place only: an existing file is never overwritten. */
async function writeDeployFiles(demo: Demo, dir: string, options: RunOptions): Promise<void> {
  if (!demo.deployFiles) throw new AwtError('AWT_NO_DEPLOY_FILES', { demo: demo.id });
  const { mkdir, writeFile, access } = await import('node:fs/promises');
  const path = await import('node:path');
  const files = await demo.deployFiles();
  for (const file of files) {
    const exists = await access(path.join(dir, file.path)).then(
      () => true,
      () => false,
    );
    if (exists) throw new AwtError('AWT_DEPLOY_DIR', { dir, reason: 'exists', detail: file.path });
  }
  let current = '';
  try {
    for (const file of files) {
      current = file.path;
      const target = path.join(dir, file.path);
      await mkdir(path.dirname(target), { recursive: true });
      // 'wx' fails rather than overwrite, should a file appear meanwhile.
      await writeFile(target, file.content, { flag: 'wx' });
    }
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    throw new AwtError('AWT_DEPLOY_DIR', {
      dir,
      reason: code === 'EEXIST' ? 'exists' : 'unwritable',
      detail: code === 'EEXIST' ? current : (code ?? message),
    });
  }
  const deployWords = messages[options.lang].deploy;
  write(
    [
      deployWords.wrote({ count: files.length, dir }),
      ...files.map((f) => `  ${path.join(dir, f.path)}`),
      deployWords.next,
      '',
    ].join('\n'),
  );
}

export async function renderOptions(options: RunOptions) {
  const { createTheme, wantsColor } = await import('../../demos/render/theme.js');
  const color = options.colorAllowed && wantsColor(process.stdout, process.env);
  return {
    width: outputWidth(options.width),
    theme: createTheme(color),
    messages: messages[options.lang],
    raw: options.raw,
    full: options.full,
  };
}

/** On a terminal one step per screen, unless --all; piped, everything at once as before. */
export function usesPager(options: RunOptions): boolean {
  return Boolean(process.stdin.isTTY && process.stdout.isTTY) && !options.all && !options.json;
}

async function walkthrough(demo: Demo, options: RunOptions): Promise<void> {
  const total = demo.steps.length;
  if (options.fromStep > total) {
    throw new AwtError('AWT_BAD_OPTION', {
      option: '--from-step',
      value: String(options.fromStep),
      expected: `1–${total}`,
    });
  }
  if (usesPager(options)) {
    const { pageDemoOnTerminal } = await import('../pager/page-on-terminal.js');
    return pageDemoOnTerminal(demo, options, await renderOptions(options));
  }
  const { runScenario } = await import('../../demos/core/run-scenario.js');
  const { renderStep, renderSummary, renderTitle } = await import('../../demos/render/step.js');
  const render = await renderOptions(options);
  const lesson = demo.lessons[options.lang];
  const gate = options.step ? createStepGate(render.messages) : undefined;
  const steps = runScenario(demo, {
    lang: options.lang,
    startOptions: startOptionsOf(options),
    onStarted: (session) => {
      write(renderTitle(lesson.title, render));
      if (session.brokerUsed)
        write(wrapPlain(render.messages.broker.used(session.brokerUsed), render.width).join('\n') + '\n\n');
    },
    ...(gate && {
      // The steps before --from-step run without a pause: they are not shown.
      beforeStep: (index: number) =>
        index < options.fromStep
          ? Promise.resolve(true)
          : gate(`${render.messages.render.step({ index, total })}: ${lesson.steps[demo.steps[index - 1]!.id]!.title}`),
    }),
  });
  for (let next = await steps.next(); ; next = await steps.next()) {
    if (next.done) {
      if (next.value) write(renderSummary(next.value, render));
      else write(render.messages.stepGate.quit + '\n');
      return;
    }
    if (next.value.index >= options.fromStep) write(renderStep(next.value, total, render) + '\n');
  }
}

async function printJson(demo: Demo, options: RunOptions): Promise<void> {
  const { collectTrace } = await import('../../demos/core/collect-trace.js');
  write(JSON.stringify(await collectTrace(demo, options.lang, startOptionsOf(options)), null, 2) + '\n');
}

async function serve(demo: Demo, options: RunOptions): Promise<void> {
  const render = await renderOptions(options);
  const serveWords = render.messages.serve;
  if (!demo.serve) throw new AwtError('AWT_NO_SERVE', { demo: demo.id });
  const { createLiveView } = await import('./live-view.js');
  // Opened before any server starts: a bad path fails first.
  const har = options.har ? await (await import('./record-har.js')).openHar(options.har) : undefined;
  const view = createLiveView({ render, json: options.json, assets: options.assets, write, ...(har && { har }) });
  // One closer, in this order: no new items, the held ones out, then the HAR file's end.
  // Tracked before the server starts, so a server that fails to start still leaves a whole file.
  const running: { served?: ServedDemo } = {};
  track(async () => {
    await running.served?.close();
    view.flush();
    await har?.close();
  });
  // The items' clock starts here; the HAR file turns it into wall-clock time.
  const origin = performance.now();
  har?.setOrigin(performance.timeOrigin + origin);
  const served = (running.served = await demo.serve({
    ...startOptionsOf(options),
    ...(options.port !== undefined ? { port: options.port } : {}),
    onItem: view.onItem,
    origin,
    lang: options.lang,
  }));
  const hello = [
    serveWords.listening({ demo: demo.id, url: served.url }),
    ...(served.browse?.length ? ['', serveWords.browse, ...served.browse.map((url) => `  ${url}`)] : []),
    '',
    serveWords.tryThese,
    ...served.examples.map((e) => `  ${e}`),
    '',
    serveWords.waiting,
    '',
  ];
  (options.json ? process.stderr : process.stdout).write(hello.join('\n') + '\n');
  // Runs until Ctrl-C; the entry point closes everything and exits 130.
  await new Promise<never>(() => {});
}
