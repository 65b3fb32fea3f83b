/** hoist-imports: fixture cases (moves, merges, placement, and every "leave it" rule). */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ruffCheck } from '../../src/python/ruff.js';
import { assertTransform, defineFixtureTests, transformText } from '../../test/harness.js';
import transform from './index.js';

const dir = path.join(import.meta.dirname, '__testfixtures__');

describe('hoist-imports fixtures', () => {
  defineFixtureTests(transform, import.meta.dirname);
});

describe('hoist-imports keeps ruff isort happy', () => {
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

/** `line: code` of every note a run of the fixture case gives. */
async function codesOf(name: string, targetVersion?: string): Promise<string[]> {
  const input = fs.readFileSync(path.join(dir, `${name}.input.py`), 'utf8');
  const { outcome } = await transformText(transform, input, targetVersion ? { targetVersion } : {});
  return outcome.results.flatMap((r) => r.diagnostics.map((d) => `${d.line}: ${d.code}`));
}

describe('hoist-imports says why with a stable code', () => {
  it('for each import a block or its module keeps', async () => {
    expect(await codesOf('guarded-imports-stay')).toEqual([
      '12: hoist/guarded-import-error',
      '20: hoist/guarded-import-error',
      '22: hoist/guarded-import-error',
      '28: hoist/type-checking',
      '36: hoist/platform-specific',
      '42: hoist/version-gated',
      '44: hoist/version-gated',
      '51: hoist/platform-specific',
      '60: hoist/guarded-import-error',
      '68: hoist/guarded',
      '75: hoist/guarded-import-error',
      '83: hoist/guarded-import-error',
    ]);
  });

  it('for a real-shaped handler: third-party, shadowing, version gates', async () => {
    expect(await codesOf('report-handler')).toEqual([
      '29: hoist/third-party',
      '31: hoist/third-party',
      '59: hoist/shadows',
      '66: hoist/version-gated',
      '68: hoist/version-gated',
    ]);
  });
});

describe('hoist-imports and the target version', () => {
  const source = `
    def load_settings(path):
        import tomllib

        with open(path, "rb") as handle:
            return tomllib.load(handle)
  `;

  it('hoists tomllib when the target has it', async () => {
    await assertTransform(
      transform,
      source,
      `
      import tomllib


      def load_settings(path):
          with open(path, "rb") as handle:
              return tomllib.load(handle)
      `,
      { targetVersion: 'py311' },
    );
  });

  it('keeps it when no target version is known', async () => {
    await assertTransform(transform, source, source, {
      notes: ['`tomllib` exists from Python 3.11 only and no target version is known'],
    });
  });
});
