/**
 * `--har FILE` for a demo run: the same demo, each step handing the HTTP exchanges it
 * caused to the HAR file. Nothing else about the run changes (the walkthrough, --json,
 * --mermaid all run it as usual).
 */
import { track } from '../../demos/core/cleanup.js';
import type { Demo, DemoSession, Lesson } from '../../demos/core/demo.js';
import { toolVersion } from '../version.js';
import { openHarFile, type HarFile } from './har-file.js';

export async function openHar(file: string): Promise<HarFile> {
  return openHarFile(file, { startedAt: Date.now(), creator: { name: 'awt-demo', version: toolVersion() } });
}

/** The demo, recording into `file`; `finish` writes the file's end (also on Ctrl-C, through the clean-up). */
export async function recordHar<S extends DemoSession, L extends Lesson>(
  demo: Demo<S, L>,
  file: string,
): Promise<{ demo: Demo<S, L>; finish: () => Promise<void> }> {
  const har = await openHar(file);
  const finish = track(() => har.close());
  return {
    finish,
    demo: {
      ...demo,
      start: async (options) => {
        const session = await demo.start(options);
        // Items carry ms on the taps' clock; the tap says where that clock stands now.
        const tap = session.taps[0];
        if (tap) har.setOrigin(Date.now() - tap.now());
        return session;
      },
      steps: demo.steps.map((step) => ({
        ...step,
        run: async (context) => {
          try {
            return await step.run(context);
          } finally {
            for (const item of context.items()) if (item.kind === 'http') har.add(item);
          }
        },
      })),
    },
  };
}
