/**
 * Every test of test/in-process/ in this one process, one file after another, beside the
 * other files: they start real servers, taps and clients over loopback, but no child
 * process, no browser and no broker timing that a busy event loop could upset, and each
 * closes what it starts. Apart, these files took 48 s of CPU, mostly starting node and
 * loading the same modules twenty times; together they take 14 s.
 */
import { importTests } from './import-tests.js';

importTests('in-process', { concurrency: 3 });
