// Preloaded with `node --import`: records every module a run resolves, ES modules
// (through a resolve hook, on its own thread) and CommonJS require() calls (by wrapping
// Module._load here), so a test can prove which packages a command loaded. Each
// specifier is appended to the file named in AWT_IMPORT_LOG.
import { appendFileSync } from 'node:fs';
import Module, { register } from 'node:module';

const log = process.env.AWT_IMPORT_LOG;
register(new URL('./record-imports-hooks.mjs', import.meta.url), { data: { log } });

const load = Module._load;
Module._load = function (request, ...rest) {
  if (log) appendFileSync(log, `${request}\n`);
  return load.call(this, request, ...rest);
};
