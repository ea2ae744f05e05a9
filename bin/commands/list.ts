import { demos } from '../../demos/registry.js';
import type { Lang } from '../../demos/core/lang.js';
import { messages } from '../../demos/core/messages/index.js';
import { write } from '../output.js';

export interface DemoListing {
  id: string;
  title: string;
  summary: string;
}

export async function listDemos(lang: Lang): Promise<DemoListing[]> {
  return Promise.all(
    demos.map(async (entry) => {
      const lesson = (await entry.lessons())[lang];
      return { id: entry.id, title: lesson.title, summary: lesson.summary };
    }),
  );
}

/** `awt-demo list`: ids, titles and what each shows, aligned; or the same as JSON. */
export async function listCommand(options: { json?: boolean; lang: Lang; usage?: boolean }): Promise<void> {
  const listing = await listDemos(options.lang);
  if (options.json) {
    write(JSON.stringify(listing, null, 2) + '\n');
    return;
  }
  const listWords = messages[options.lang].list;
  const idWidth = Math.max(...listing.map((demo) => demo.id.length));
  const lines = [listWords.heading];
  for (const demo of listing) {
    lines.push(`  ${demo.id.padEnd(idWidth)}  ${demo.title}`);
    lines.push(`  ${' '.repeat(idWidth)}  ${demo.summary}`);
  }
  if (options.usage) lines.push('', listWords.usage);
  write(lines.join('\n') + '\n');
}
