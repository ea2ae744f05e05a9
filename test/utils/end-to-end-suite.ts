/**
 * Every test of test/end-to-end/ in this one process: they run the built CLI, the students'
 * programs, Chromium and Python peers as child processes, so this process mostly waits,
 * and several files overlap. Each in a process of its own, these files took about 50 s
 * more CPU (node with tsx and the test's modules started 29 times) than together.
 */
import { importTests } from './import-tests.js';

importTests('end-to-end', {
  concurrency: 6,
  // The longest files, so that none of them starts late and runs on alone at the end.
  first: ['exercise.mq.test.ts', 'exercise.checks.test.ts', 'serve.attack-campaign.test.ts'],
});
