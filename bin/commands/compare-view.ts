/**
 * `awt-demo compare microservices`: a view of its own beside the paradigm table. It
 * takes the display options of compare (--lang, --json, --repeat, --width, --no-color);
 * those that choose paradigms or use cases do not apply and say so.
 */
import { AwtError } from '../../demos/core/errors.js';
import { demos } from '../../demos/registry.js';
import { integerOption, resolveLang, widthOption } from '../options.js';
import { outputWidth, write } from '../output.js';
import type { RawCompareOptions } from './compare.js';

export async function compareViewCommand(view: string, raw: RawCompareOptions, env: NodeJS.ProcessEnv): Promise<void> {
  const withView = demos.filter((entry) => entry.compareView);
  const entry = withView.find((e) => e.id === view.toLowerCase());
  if (!entry?.compareView) {
    throw new AwtError('AWT_BAD_OPTION', {
      option: 'compare <view>',
      value: view,
      expected: withView.map((e) => e.id).join(', '),
    });
  }
  const notHere = (['only', 'case', 'markdown', 'csv', 'amqpUrl', 'broker'] as const).find((o) => raw[o] !== undefined);
  if (notHere) {
    throw new AwtError('AWT_BAD_OPTION', {
      option: `--${notHere.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`,
      value: String(raw[notHere]),
      expected: `compare ${entry.id} without it (--lang, --json, --repeat, --width)`,
    });
  }
  const lang = resolveLang(raw.lang, env);
  const repetitions = raw.repeat === undefined ? 5 : integerOption('--repeat', raw.repeat, 1, 50);
  const width = widthOption(raw.width);
  const compareView = await entry.compareView();
  const result = await compareView.measure({ lang, repetitions });
  if (raw.json) return write(JSON.stringify(result, null, 2) + '\n');
  const { createTheme, wantsColor } = await import('../../demos/render/theme.js');
  const theme = createTheme(raw.color !== false && wantsColor(process.stdout, env));
  write(compareView.render(result, { width: outputWidth(width), theme }));
}
