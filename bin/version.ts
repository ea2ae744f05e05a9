import { readFileSync } from 'node:fs';

/** The version in package.json (two folders up, from bin/ in the clone and from dist/bin/ when built). */
export function toolVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
