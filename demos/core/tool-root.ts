/**
 * The folder of awt-demo's own package.json: the clone, or wherever npm installed the tool.
 * Found by walking up from this file, which lies in demos/core/ in the clone and in
 * dist/demos/core/ when built.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export function toolRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const file = path.join(dir, 'package.json');
    if (existsSync(file) && (JSON.parse(readFileSync(file, 'utf8')) as { name?: string }).name === 'awt-demo')
      return dir;
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`awt-demo's package.json is not above ${fileURLToPath(import.meta.url)}`);
    dir = up;
  }
}
