/**
 * Builds dist/ (`npm run build`) unless it is newer than every source: the CLI tests run the
 * built bin, and `npm ci` / `npm install` have built it already (the `prepare` script), so
 * CI builds once. The help bundle is the build's last output, so its time is the build's.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..');
const inputs = ['package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json'];

let newest = Math.max(...inputs.map((file) => statSync(path.join(root, file)).mtimeMs));
for (const dir of ['bin', 'demos', 'lessons']) {
  for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
}

let built = 0;
try {
  built = statSync(path.join(root, 'dist', 'bin', 'help.cjs')).mtimeMs;
} catch {
  // not built yet
}

if (built <= newest) {
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  process.exitCode = build.status ?? 1;
}
