// Bundles the command line (bin/main.js and what it imports statically, commander
// included) into one CommonJS file, dist/bin/help.cjs, for the fast --help path of
// bin/launch.cts. Dynamic imports stay imports of the files tsc wrote, so nothing
// heavy is bundled: they are never reached when only help is printed.
import { build } from 'esbuild';
import path from 'node:path';

const outdir = path.resolve('dist/bin');

const lazyStaysLazy = {
  name: 'lazy-stays-lazy',
  setup(builder) {
    builder.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind !== 'dynamic-import') return undefined;
      if (!args.path.startsWith('.')) return { path: args.path, external: true };
      const target = path.relative(outdir, path.resolve(args.resolveDir, args.path));
      return { path: target.startsWith('.') ? target : `./${target}`, external: true };
    });
  },
};

await build({
  entryPoints: ['dist/bin/main.js'],
  outfile: 'dist/bin/help.cjs',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  logLevel: 'warning',
  // import.meta does not exist in CommonJS; the bundle's own file stands in for it.
  define: { 'import.meta.url': 'importMetaUrl' },
  banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  plugins: [lazyStaysLazy],
});
