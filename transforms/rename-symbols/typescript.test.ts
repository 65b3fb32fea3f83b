/**
 * rename-symbols on TypeScript through the real engine: the language comes from the
 * defining file (one id for both languages), the plan becomes one safe fix per file
 * that passes the TypeScript guard, a partial rename reports what it left undone, a
 * refusal names file and line, and bad options are a usage error.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { RefusalError, UsageError } from '../../src/core/errors.js';
import type { ChangedFile } from '../../src/core/result.js';
import { stripIndent } from '../../src/core/text.js';
import { runIn } from '../../test/harness.js';
import { makeTree } from '../../test/helpers.js';
import { SMALL_TSCONFIG } from '../../test/typescript/plan-helpers.js';
import renameSymbols from './index.js';

let root: string;

beforeAll(() => {
  root = makeTree({
    'tsconfig.json': SMALL_TSCONFIG,
    'src/lib/money.ts': stripIndent(`
      export function formatMoney(amount: number): string {
        return amount.toFixed(2)
      }
      export const currency = 'HKD'
      export const code = 'HK'
    `),
    'src/lib/index.ts': "export * from './money'\n",
    'src/app/cart.ts': stripIndent(`
      import { formatMoney } from '../lib'
      const formatPrice = (n: number) => String(n)
      export const total = [formatMoney(3), formatPrice(4)]
    `),
    'src/app/legacy.py': 'def helper():\n    return 1\n',
  });
});

const run = (options: object) => runIn(root, renameSymbols, { options });
const changed = (r: Awaited<ReturnType<typeof run>>) =>
  r.results.filter((f): f is ChangedFile => f.kind === 'changed');

describe('rename-symbols (TypeScript) through the engine', () => {
  it('renames across the barrel, aliasing where the importer already has the name', async () => {
    const outcome = await run({
      renames: [{ file: 'src/lib/money.ts', from: 'formatMoney', to: 'formatPrice' }],
    });
    expect(changed(outcome).map((f) => [f.path, f.fixes.map((x) => x.applicability)])).toEqual([
      ['src/app/cart.ts', ['safe']],
      ['src/lib/money.ts', ['safe']],
    ]);
    const cart = changed(outcome).find((f) => f.path === 'src/app/cart.ts')!;
    expect(cart.after).toBe(
      stripIndent(`
        import { formatPrice as libFormatPrice } from '../lib'
        const formatPrice = (n: number) => String(n)
        export const total = [libFormatPrice(3), formatPrice(4)]
      `),
    );
    expect(outcome.diagnostics).toContainEqual(
      expect.objectContaining({
        severity: 'warning',
        code: 'rename/resolved-alias',
        file: 'src/app/cart.ts',
      }),
    );
  });

  it('applies what it can and says what it left undone (partial)', async () => {
    const outcome = await run({
      renames: [
        { file: 'src/lib/money.ts', from: 'currency', to: 'code' },
        { file: 'src/lib/money.ts', from: 'formatMoney', to: 'formatAmount' },
      ],
    });
    expect(changed(outcome).map((f) => f.path)).toEqual(['src/app/cart.ts', 'src/lib/money.ts']);
    expect(outcome.diagnostics.filter((d) => d.undone)).toEqual([
      expect.objectContaining({
        code: 'rename/collision-module',
        file: 'src/lib/money.ts',
        line: 5,
      }),
    ]);
  });

  it('refuses, naming file and line, when nothing can be renamed', async () => {
    const error = await run({
      renames: [{ file: 'src/lib/money.ts', from: 'currency', to: 'code' }],
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RefusalError);
    expect((error as RefusalError).problems).toEqual([
      expect.objectContaining({
        code: 'rename/collision-module',
        file: 'src/lib/money.ts',
        line: 5,
      }),
    ]);
  });

  it('keeps Python requests Python, and says which option is wrong', async () => {
    const py = await run({
      renames: [{ file: 'src/app/legacy.py', from: 'helper', to: 'assist' }],
    });
    expect(changed(py).map((f) => f.path)).toEqual(['src/app/legacy.py']);
    await expect(
      run({ renames: [{ file: 'src/lib/money.ts', from: '1x', to: 'y' }] }),
    ).rejects.toBeInstanceOf(UsageError);
  });
});
