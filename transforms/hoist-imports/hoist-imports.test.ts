/** hoist-imports: fixture cases (moves, merges, placement, and every "leave it" rule). */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ruffCheck } from '../../src/python/ruff.js';
import { defineFixtureTests } from '../../test/harness.js';
import transform from './index.js';

describe('hoist-imports fixtures', () => {
  defineFixtureTests(transform, import.meta.dirname);
});

describe('hoist-imports keeps ruff isort happy', () => {
  const dir = path.join(import.meta.dirname, '__testfixtures__');
  const cases = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.output.py'))
    .map((f) => f.replace(/\.output\.py$/, ''));
  it.each(cases)('%s: no new I001 finding', (name) => {
    const count = (file: string) =>
      ruffCheck(fs.readFileSync(path.join(dir, file), 'utf8'), ['I001']).length;
    expect(count(`${name}.output.py`)).toBeLessThanOrEqual(count(`${name}.input.py`));
  });
});
