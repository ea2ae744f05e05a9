// Registered with `node --import`: records every module specifier that gets resolved,
// so a test can prove which packages a command loaded. The hooks run on their own
// thread; they write each specifier to the file named in AWT_IMPORT_LOG.
import { register } from 'node:module';

register(new URL('./record-imports-hooks.mjs', import.meta.url), { data: { log: process.env.AWT_IMPORT_LOG } });
