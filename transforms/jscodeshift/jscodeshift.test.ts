/**
 * The jscodeshift transform through the real engine on a temporary TS project: a
 * published-style module's output becomes fixes that pass the TypeScript guard and
 * are formatted in the file's style; a file the module throws on is left undone while
 * the others change; a reprint that loses a comment is held back as unsafe; a guard
 * failure fails the file; a module that cannot be loaded is bad input.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import type { ChangedFile } from '../../src/core/result.js';
import { stripIndent } from '../../src/core/text.js';
import { runIn } from '../../test/harness.js';
import { makeTree } from '../../test/helpers.js';
import { SMALL_TSCONFIG } from '../../test/typescript/plan-helpers.js';
import jscodeshift from './index.js';

const CODEMODS = path.resolve(import.meta.dirname, '../../test/typescript/codemods');

let root: string;

beforeAll(() => {
  root = makeTree({
    'tsconfig.json': SMALL_TSCONFIG,
    'src/money.ts': stripIndent(`
      export function formatMoney(first: string | number, second: string | number): string {
        return String(first) + String(second)
      }
    `),
    'src/cart.ts': stripIndent(`
      import { formatMoney } from './money'

      // the total, in the shop's currency
      export const total = formatMoney('HKD', 3)
      export const other = formatMoney('USD', 4)
    `),
    'src/bad.ts':
      "import { formatMoney } from './money'\nexport const x = formatMoney('EUR', 1, 2)\n",
    'codemods/throws.cjs':
      "module.exports = (file) => { if (file.path.includes('bad')) throw new Error('cannot handle this file'); return file.source.replace(/'HKD'/g, \"'CNY'\"); };\n",
    'codemods/breaks-types.cjs':
      "module.exports = (file) => file.source.replace(/formatMoney\\(/g, 'formatCash(');\n",
    'codemods/drops-comments.cjs':
      "module.exports = (file) => file.source.replace(/\\/\\/ the total[^\\n]*\\n/, '');\n",
  });
  fs.copyFileSync(path.join(CODEMODS, 'reorder-args.mjs'), path.join(root, 'codemods/reorder.mjs'));
});

const run = (options: object, extra: object = {}) =>
  runIn(root, jscodeshift, { options, format: true, ...extra });
const changed = (r: Awaited<ReturnType<typeof run>>) =>
  r.results.filter((f): f is ChangedFile => f.kind === 'changed');

describe('jscodeshift transform', () => {
  it('turns a module’s output into fixes the guard checks and the file’s style formats', async () => {
    const outcome = await run({
      module: 'codemods/reorder.mjs',
      parser: 'tsx',
      options: { callee: 'formatMoney' },
      paths: ['src/cart.ts'],
    });
    expect(changed(outcome).map((f) => [f.path, f.after])).toEqual([
      [
        'src/cart.ts',
        stripIndent(`
          import { formatMoney } from './money'

          // the total, in the shop's currency
          export const total = formatMoney(3, 'HKD')
          export const other = formatMoney(4, 'USD')
        `),
      ],
    ]);
    expect(outcome.results.find((f) => f.kind === 'failed')).toBeUndefined();
  });

  it('fails a file whose output the TypeScript guard rejects, naming the error', async () => {
    const outcome = await run({
      module: 'codemods/breaks-types.cjs',
      parser: 'ts',
      paths: ['src/cart.ts'],
    });
    const failed = outcome.results.filter((f) => f.kind === 'failed');
    expect(failed.map((f) => f.path)).toEqual(['src/cart.ts']);
    expect(failed[0]!.kind === 'failed' && failed[0]!.error).toMatch(/TS2552|TS2304/);
  });

  it('leaves the file the module throws on undone and changes the others', async () => {
    const outcome = await run({ module: 'codemods/throws.cjs', parser: 'tsx', paths: ['src'] });
    expect(changed(outcome).map((f) => f.path)).toEqual(['src/cart.ts']);
    expect(outcome.diagnostics).toContainEqual(
      expect.objectContaining({
        severity: 'error',
        code: 'jscodeshift/failed',
        file: 'src/bad.ts',
        message: 'the jscodeshift module threw: cannot handle this file',
        undone: true,
      }),
    );
  });

  it('holds back a reprint that loses a comment (unsafe), and applies it with --unsafe', async () => {
    const held = await run({ module: 'codemods/drops-comments.cjs', parser: 'ts', paths: ['src'] });
    expect(changed(held)).toEqual([]);
    expect(held.heldBack).toBe(1);
    const allowed = await run(
      { module: 'codemods/drops-comments.cjs', parser: 'ts', paths: ['src'] },
      { allowUnsafe: true },
    );
    expect(changed(allowed).map((f) => f.path)).toEqual(['src/cart.ts']);
  });

  it('refuses a module it cannot load as bad input, naming it', async () => {
    await expect(run({ module: 'codemods/missing.ts' })).rejects.toBeInstanceOf(InputError);
    await expect(run({ module: 'codemods/missing.ts' })).rejects.toThrow(
      'cannot load the jscodeshift module codemods/missing.ts: no such module',
    );
    await expect(run({ module: '../outside.js' })).rejects.toThrow(/outside the repository/);
  });
});
