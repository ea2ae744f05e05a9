/**
 * Honest checks: against each reference solution every check passes; against each broken
 * variant exactly the check named for its fault fails, with its own message and trace;
 * the starters start, answer, and fail what is still to do. The servers run outside this
 * process, all in one child process (test/utils/exercise.ts says why); the checks run in
 * this process through what `exercise check` calls (runChecks), since the verdicts are the
 * point here (exercise.cli.test.ts runs the command).
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { messages } from '../../demos/core/messages/index.js';
import { findExercise } from '../../demos/exercises/manifest.js';
import { checksFailed, runChecks, type CheckReport } from '../../demos/exercises/run-checks.js';
import { startStudentServer, startStudentServers } from '../utils/exercise.js';

/** Every check of `exercise` against `url`, and the exit code `exercise check` would end with. */
async function check(exercise: string, url: string): Promise<{ code: number; reports: CheckReport[] }> {
  const entry = findExercise(exercise)!;
  const reports = await runChecks({
    exercise: entry,
    url,
    texts: (await entry.texts()).en.checks,
    checks: await entry.loadChecks(),
    words: messages.en.exercise,
    // A generous time per check: this machine is shared, and these tests are about verdicts, not speed.
    timeoutMs: 30_000,
  });
  return { code: checksFailed(reports)?.exitCode ?? 0, reports };
}

const failedIds = (reports: CheckReport[]) => reports.filter((c) => !c.passed).map((c) => c.id);

const exercises = [
  {
    id: 'graphql-book-service',
    checks: ['books-title-author', 'book-by-id', 'add-book', 'unknown-field', 'introspection', 'graphql-over-http'],
    // The skeleton's schema has no book, no mutation, and books is empty; Apollo itself validates and speaks HTTP.
    starterFails: ['books-title-author', 'book-by-id', 'add-book', 'introspection'],
  },
  {
    id: 'rest-books',
    checks: ['list-books', 'one-book', 'add-book', 'invalid-book', 'not-found', 'etag'],
    starterFails: ['list-books', 'one-book', 'add-book', 'invalid-book', 'not-found', 'etag'],
  },
  {
    id: 'soap-books',
    checks: ['wsdl', 'list-books', 'get-book', 'add-book', 'book-not-found'],
    // The skeleton serves the WSDL already; its operations answer nothing yet.
    starterFails: ['list-books', 'get-book', 'add-book', 'book-not-found'],
  },
  {
    id: 'websocket-book-club',
    checks: ['handshake', 'broadcast', 'no-token', 'binary', 'pong'],
    // The skeleton accepts everyone and answers only the sender; ws itself answers pings.
    starterFails: ['broadcast', 'no-token', 'binary'],
  },
];

/** What `exercise start` writes beside a starter (books.wsdl, …), for the servers run from the repository. */
async function contractEnv(id: string): Promise<Record<string, string>> {
  const files = (await findExercise(id)!.contractFiles?.()) ?? {};
  if (Object.keys(files).length === 0) return {};
  const dir = await mkdtemp(path.join(os.tmpdir(), `awt-${id}-`));
  leftovers.push(dir);
  const env: Record<string, string> = {};
  for (const [name, content] of Object.entries(files)) {
    await writeFile(path.join(dir, name), content);
    // books.wsdl → BOOKS_WSDL: the variable the server reads instead of the file beside its package.json.
    env[name.toUpperCase().replace(/\W/g, '_')] = path.join(dir, name);
  }
  return env;
}

const leftovers: string[] = [];
after(() => Promise.all(leftovers.map((dir) => rm(dir, { recursive: true, force: true }))));

// Each exercise, and within it the solution, the broken variants and the starter, has servers of its own: all
// overlap (the servers start one after another; their checks mostly wait on the wire).
describe('exercises: checks against real servers', { concurrency: true }, () => {
  for (const exercise of exercises) {
    describe(`exercise ${exercise.id}: checks against real servers`, { concurrency: true }, () => {
      test('when the reference solution runs then every check passes and the exit code is 0', async () => {
        const server = await startStudentServer(
          `lessons/exercises/${exercise.id}/solution/src/server.ts`,
          await contractEnv(exercise.id),
        );
        try {
          const { code, reports } = await check(exercise.id, server.url);
          assert.deepEqual(
            failedIds(reports),
            [],
            JSON.stringify(
              reports.filter((c) => !c.passed),
              null,
              1,
            ),
          );
          assert.equal(code, 0);
          assert.deepEqual(
            reports.map((c) => c.id),
            exercise.checks,
          );
          for (const report of reports) assert.ok(report.trace.length > 0, `${report.id} made no call`);
        } finally {
          await server.close();
        }
      });

      // One after another: the variants share the fixture's process and, with it, its books.
      describe('broken variants of the solution', () => {
        let variants: Awaited<ReturnType<typeof startStudentServers>>;
        before(async () => {
          variants = await startStudentServers(
            `test/fixtures/exercises/${exercise.id}-broken.ts`,
            exercise.checks.length,
          );
        });
        after(() => variants?.close());

        for (const broken of exercise.checks) {
          test(`when the solution is broken for ${broken} then only ${broken} fails, with its message and trace`, async () => {
            const { code, reports } = await check(exercise.id, variants.urls.get(broken)!);
            assert.deepEqual(failedIds(reports), [broken], JSON.stringify(reports.map(({ id, got }) => ({ id, got }))));
            assert.equal(code, 5);
            const report = reports.find((r) => r.id === broken)!;
            assert.ok(report.got && report.got.length > 0);
            assert.equal(report.hint, (await findExercise(exercise.id)!.texts()).en.checks[broken]!.hints[0]);
            assert.ok(report.trace.length > 0);
          });
        }
      });

      test('when the starter runs then it answers and fails exactly the checks still to do', async () => {
        const server = await startStudentServer(
          `lessons/exercises/${exercise.id}/starter/src/server.ts`,
          await contractEnv(exercise.id),
        );
        try {
          const { code, reports } = await check(exercise.id, server.url);
          assert.deepEqual(failedIds(reports), exercise.starterFails);
          assert.equal(code, 5);
        } finally {
          await server.close();
        }
      });
    });
  }
});
