// Copies each exercise's starter project into dist as it is (TypeScript sources, package.json,
// tsconfig.json), so `awt-demo exercise start` works from the installed package, which ships dist only.
import { cp, readdir, rm } from 'node:fs/promises';
import path from 'node:path';

const from = path.resolve('lessons/exercises');
const to = path.resolve('dist/lessons/exercises');

for (const entry of await readdir(from, { withFileTypes: true })) {
  if (!entry.isDirectory()) continue;
  const target = path.join(to, entry.name, 'starter');
  await rm(target, { recursive: true, force: true });
  await cp(path.join(from, entry.name, 'starter'), target, {
    recursive: true,
    // Someone may have run npm install in a starter inside the repository.
    filter: (file) => !/[\\/](node_modules|package-lock\.json)$/.test(file),
  });
}
