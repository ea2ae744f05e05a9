/** `awt-demo` alone on a terminal: pick a demo from a menu (inquirer). */
import type { Lang } from '../../demos/core/lang.js';
import { messages } from '../../demos/core/messages/index.js';
import { listDemos } from './list.js';

/** Returns the chosen demo id, or undefined when the menu was closed (Esc / Ctrl-C). */
export async function chooseDemo(lang: Lang): Promise<string | undefined> {
  const { select } = await import('@inquirer/prompts');
  const listing = await listDemos(lang);
  const t = messages[lang].menu;
  try {
    return await select({
      message: t.prompt,
      theme: {
        style: {
          // inquirer's key hints ("navigate", "select") in the user's language.
          keysHelpTip: (keys: Array<[string, string]>) =>
            keys.map(([key, action]) => `${key} ${t.keys[action as keyof typeof t.keys] ?? action}`).join(' • '),
        },
      },
      choices: listing.map((demo) => ({
        value: demo.id,
        name: `${demo.id.padEnd(10)} ${demo.title}`,
        description: demo.summary,
      })),
    });
  } catch (error) {
    // inquirer rejects with ExitPromptError on Ctrl-C: the user left the menu, which is fine.
    if (error instanceof Error && error.name === 'ExitPromptError') return undefined;
    throw error;
  }
}
