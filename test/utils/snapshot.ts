/**
 * Compares text with a stored snapshot in test/snapshots/<name>.txt. With UPDATE_SNAPSHOTS=1
 * it writes the snapshot instead (review the diff before committing it).
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const dir = path.resolve(import.meta.dirname, '..', 'snapshots');

export function matchSnapshot(name: string, actual: string): void {
  const file = path.join(dir, `${name}.txt`);
  if (process.env.UPDATE_SNAPSHOTS === '1') {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  assert.ok(
    existsSync(file),
    `no snapshot ${path.relative(process.cwd(), file)} yet: write it with UPDATE_SNAPSHOTS=1 and review it`,
  );
  assert.equal(
    actual,
    readFileSync(file, 'utf8'),
    `output differs from ${path.relative(process.cwd(), file)}; if the change is meant, rewrite it with UPDATE_SNAPSHOTS=1`,
  );
}
