#!/usr/bin/env node
/**
 * The command `awt-demo`. Node starts a CommonJS file without its ES module loader,
 * so --help and --version are answered from a CommonJS bundle of the command line
 * (help.cjs, made by bin/build/help-bundle.mjs) and cost little more than node's own
 * start. Everything else runs the ES module entry, awt-demo.js.
 */
const args = process.argv.slice(2);
const end = args.indexOf('--');
const asksHelp = (end < 0 ? args : args.slice(0, end)).some((arg) =>
  ['-h', '--help', '-v', '-V', '--version'].includes(arg),
);

if (asksHelp) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS file loading its CommonJS bundle
  (require('./help.cjs') as { main(argv: string[]): Promise<void> }).main(process.argv);
} else {
  void import('./awt-demo.js');
}
