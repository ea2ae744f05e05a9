/**
 * The manifest is data, and this keeps it whole: every check has words in both
 * languages, a hints ladder, and code; every exercise has a starter and a solution;
 * progress is recorded as the file promises.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { buildSchema, parse, validate } from 'graphql';
import { languages } from '../../demos/core/lang.js';
import { exercises } from '../../demos/exercises/manifest.js';
import { nextHint } from '../../demos/exercises/next-hint.js';
import { newProgress, recordRun, stateOf } from '../../demos/exercises/progress.js';
import { documents } from '../../demos/graphql/exercise-checks.js';
import { booksQuery, lectureIntrospection, unknownField } from '../../demos/graphql/operations.js';
import { typeDefs } from '../../demos/graphql/schema.js';

describe('the exercise manifest', () => {
  for (const entry of exercises) {
    test(`when ${entry.id} is listed then every check has texts in both languages, three hints or more, and code`, async () => {
      const [texts, checks] = await Promise.all([entry.texts(), entry.loadChecks()]);
      assert.deepEqual(Object.keys(checks).sort(), [...entry.checks].sort());
      for (const lang of languages) {
        const text = texts[lang];
        assert.deepEqual(Object.keys(text.checks).sort(), [...entry.checks].sort(), lang);
        for (const id of entry.checks) {
          const check = text.checks[id]!;
          assert.ok(check.title && check.expected, `${lang} ${id}`);
          assert.ok(check.hints.length >= 3, `${lang} ${id}: a ladder has three rungs or more`);
        }
        assert.ok(text.task.length > 0 && text.steps.length > 0);
      }
      // The German texts are German, not the English ones copied.
      assert.notEqual(texts.de.checks[entry.checks[0]!]!.hints[0], texts.en.checks[entry.checks[0]!]!.hints[0]);
    });

    test(`when ${entry.id} is listed then its starter and its solution are complete projects`, () => {
      for (const kind of ['starter', 'solution']) {
        const dir = new URL(`../../lessons/exercises/${entry.id}/${kind}/`, import.meta.url);
        const pkg = JSON.parse(readFileSync(new URL('package.json', dir), 'utf8')) as {
          scripts: Record<string, string>;
          engines: Record<string, string>;
        };
        assert.equal(pkg.engines.node, '>=20.19');
        if (entry.programs) {
          // The check starts the programs with the same command the README names (npm run <role>).
          for (const program of entry.programs) {
            assert.equal(pkg.scripts[program.role], `node --import tsx ${program.file}`);
            assert.match(readFileSync(new URL(program.file, dir), 'utf8'), /process\.env\.AMQP_URL/);
          }
          continue;
        }
        assert.match(pkg.scripts.start!, /src\/server\.ts/);
        assert.ok(existsSync(new URL('src/server.ts', dir)));
        assert.match(readFileSync(new URL('src/server.ts', dir), 'utf8'), /process\.env\.PORT/);
      }
    });
  }

  test("when the GraphQL checks send the lecture's documents then each is valid against the demo's own SDL", () => {
    const schema = buildSchema(typeDefs);
    for (const document of [booksQuery, lectureIntrospection, ...Object.values(documents)]) {
      assert.deepEqual(validate(schema, parse(document)), [], document);
    }
    // The unknown field is unknown to the contract too.
    assert.equal(validate(schema, parse(unknownField)).length, 1);
  });
});

describe('exercise progress', () => {
  const entry = exercises[0]!;
  const at = new Date('2026-11-30T10:00:00Z');

  test('when a run passes some checks then each keeps its first pass, and passedAt waits for all', () => {
    const first = recordRun(newProgress(entry.id, at), [{ id: entry.checks[0]!, passed: true }], at, entry.checks);
    assert.equal(first.checks[entry.checks[0]!]!.firstPassedAt, at.toISOString());
    assert.equal(first.passedAt, undefined);
    assert.equal(stateOf(first), 'started');
    const later = new Date('2026-11-30T11:00:00Z');
    const all = recordRun(
      first,
      entry.checks.map((id) => ({ id, passed: true })),
      later,
      entry.checks,
    );
    assert.equal(all.checks[entry.checks[0]!]!.firstPassedAt, at.toISOString());
    assert.equal(all.passedAt, later.toISOString());
    assert.equal(stateOf(all), 'passed');
    assert.equal(stateOf(undefined), 'not-started');
  });

  test('when hints are asked then the first check not passed gets the next rung, up to the last', async () => {
    const text = (await entry.texts()).en;
    const progress = recordRun(newProgress(entry.id, at), [{ id: entry.checks[0]!, passed: true }], at, entry.checks);
    const hint = nextHint(entry, text, progress);
    assert.deepEqual(hint.kind === 'hint' && [hint.check, hint.level], [entry.checks[1], 1]);
    const top = nextHint(entry, text, { ...progress, hints: { [entry.checks[1]!]: 99 } });
    assert.equal(top.kind === 'hint' && top.level, text.checks[entry.checks[1]!]!.hints.length);
  });
});
