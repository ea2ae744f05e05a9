/**
 * The layers, kept true: imports point down (bin → demos/<paradigm> → render, core →
 * wire, books), no demo imports another, and lessons hold text, not code that reaches
 * into the tool. Every import counts: static, type-only and dynamic.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';

const root = path.resolve(import.meta.dirname, '..', '..');
const paradigms = ['rest', 'graphql', 'soap', 'websocket', 'mq', 'microservices'];

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(c|m)?ts$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .filter((file) => !file.includes('node_modules') && !file.split(path.sep).includes('exercises'));
}

/** Every relative import of a file, as a path from the repository's root. */
function importsOf(file: string): string[] {
  const text = readFileSync(path.join(root, file), 'utf8');
  const specifiers = [...text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)'(\.[^']+)'/g)].map((m) => m[1]!);
  return specifiers.map((s) => path.relative(root, path.resolve(path.dirname(path.join(root, file)), s)));
}

/** The layer a path belongs to: "wire", "books", "render", "core", "registry", a paradigm, "lessons", "bin" … */
function layerOf(file: string): string {
  const parts = file.split(path.sep);
  if (parts[0] === 'demos') return parts.length === 2 ? parts[1]!.replace(/\.[jt]s$/, '') : parts[1]!;
  return parts[0]!;
}

const allowed: Record<string, (target: string, source: string) => boolean> = {
  wire: (t) => t === 'wire',
  books: (t) => t === 'books',
  core: (t) => ['core', 'wire', 'books'].includes(t),
  render: (t) => ['render', 'core', 'wire', 'books', 'compare', 'bench', 'lessons'].includes(t),
  lessons: (t) => ['lessons', 'core'].includes(t),
};

function violations(): string[] {
  const found: string[] = [];
  for (const file of [...sourceFiles('demos'), ...sourceFiles('lessons')]) {
    const from = layerOf(file);
    for (const target of importsOf(file)) {
      const to = layerOf(target);
      const rule = allowed[from];
      if (rule && !rule(to, from)) found.push(`${file} → ${target}`);
      if (paradigms.includes(from) && paradigms.includes(to) && to !== from) found.push(`${file} → ${target}`);
      // Lessons are text; the one number formatter is the only code they may call.
      const formatter = target === path.join('demos', 'core', 'numbers.js');
      if (from === 'lessons' && to === 'core' && !formatter && !/^import type /m.test(lineOf(file, target)))
        found.push(`${file} → ${target} (lessons may use core's types and its number formatter only)`);
    }
  }
  return found;
}

function lineOf(file: string, target: string): string {
  const text = readFileSync(path.join(root, file), 'utf8');
  const name = path.basename(target);
  return text.split('\n').find((line) => line.includes(name)) ?? '';
}

describe('the layers', () => {
  test('when any module imports another then it points down, and no demo imports another demo', () => {
    assert.deepEqual(violations(), []);
  });

  test('when the rules are broken then the check sees it (a wire module importing core, a demo importing a demo)', () => {
    assert.equal(allowed.wire!('core', 'wire'), false);
    assert.equal(allowed.render!('rest', 'render'), false);
    assert.equal(layerOf(path.join('demos', 'soap', 'neighbours.ts')), 'soap');
    assert.equal(layerOf(path.join('demos', 'registry.ts')), 'registry');
    assert.deepEqual(
      importsOf(path.join('demos', 'soap', 'neighbours.ts')).includes(path.join('demos', 'registry.js')),
      true,
    );
  });
});
