/**
 * The jscodeshift runner with real transform modules (test/typescript/codemods/, written
 * as people publish them) on real files: a TypeScript module compiled on load, an ESM
 * one, per-file outcomes, and clear errors for modules that cannot be loaded.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyEdits } from '../../src/core/edit.js';
import { InputError } from '../../src/core/errors.js';
import type { ChangedFile, FileResult } from '../../src/core/result.js';
import { stripIndent } from '../../src/core/text.js';
import { type Codemod, loadCodemod, runCodemod } from '../../src/typescript/codemod.js';
import { tempDir } from '../harness.js';

const CODEMODS = path.join(import.meta.dirname, 'codemods');

function changed(result: FileResult | undefined): ChangedFile {
  if (result?.kind !== 'changed')
    throw new Error(`expected a change, got ${JSON.stringify(result)}`);
  expect(
    applyEdits(
      result.before,
      result.fixes.flatMap((f) => f.edits),
    ),
  ).toBe(result.after);
  return result;
}

describe('jscodeshift runner: rename an imported API (TypeScript module)', () => {
  let rename: Codemod;
  beforeAll(async () => {
    rename = await loadCodemod(path.join(CODEMODS, 'rename-imported-api.ts'));
  });

  it('renames the import and its uses across files, in minimal edits', async () => {
    const files = [
      {
        path: 'src/user.tsx',
        source: stripIndent(`
          import { fetchUser, other } from 'legacy-api';
          import type { User } from './types';
          export const load = async (id: string): Promise<User> => fetchUser(id);
          export const api = { fetchUser, timeout: 3 };
          export const View = () => <button onClick={() => fetchUser('1')}>go</button>;
          cache.fetchUser = other;
        `),
      },
      {
        path: 'src/aliased.ts',
        source: "import { fetchUser as get } from 'legacy-api';\nexport const u = get('2');\n",
      },
      {
        path: 'src/unrelated.ts',
        source: "export function fetchUser(id: string) { return id; }\nfetchUser('3');\n",
      },
    ];
    const run = await runCodemod(rename, files, {
      options: { module: 'legacy-api', from: 'fetchUser', to: 'loadUser' },
    });
    const user = changed(run.files[0]);
    expect(user.after).toBe(
      stripIndent(`
        import { loadUser, other } from 'legacy-api';
        import type { User } from './types';
        export const load = async (id: string): Promise<User> => loadUser(id);
        export const api = { fetchUser: loadUser, timeout: 3 };
        export const View = () => <button onClick={() => loadUser('1')}>go</button>;
        cache.fetchUser = other;
      `),
    );
    expect(user.fixes[0]!.edits.length).toBe(4);
    expect(user.diagnostics.map((n) => n.message)).toEqual(['fetchUser -> loadUser (legacy-api)']);
    expect(changed(run.files[1]).after).toBe(
      "import { loadUser as get } from 'legacy-api';\nexport const u = get('2');\n",
    );
    expect(run.files[2]).toEqual({ kind: 'unchanged', path: 'src/unrelated.ts', diagnostics: [] });
    expect(run.stats.get('imports renamed')).toBe(2);
  });
});

describe('jscodeshift runner: reorder call arguments (ESM module)', () => {
  let reorder: Codemod;
  const source = stripIndent(`
    interface Money { amount: number }
    const price = formatMoney('HKD', 10);
    const spread = formatMoney(...args);
    const total = <T,>(x: T) => formatMoney(currency(), sum(x));
  `);
  beforeAll(async () => {
    reorder = await loadCodemod(path.join(CODEMODS, 'reorder-args.mjs'));
  });

  it('reorders with the parser the run names, and reports what it left', async () => {
    const run = await runCodemod(reorder, [{ path: 'src/price.tsx', source }], {
      parser: 'tsx',
      options: { callee: 'formatMoney', order: [1, 0] },
    });
    const file = changed(run.files[0]);
    expect(file.after).toBe(
      source
        .replace("formatMoney('HKD', 10)", "formatMoney(10, 'HKD')")
        .replace('formatMoney(currency(), sum(x))', 'formatMoney(sum(x), currency())'),
    );
    expect(file.diagnostics.map((n) => n.message)).toEqual([
      'left alone: formatMoney call with 1 arguments',
    ]);
    expect(run.stats.get('calls reordered')).toBe(2);
  });

  it('fails a file its parser cannot read, and skips files of other languages', async () => {
    const run = await runCodemod(
      reorder,
      [
        { path: 'src/price.tsx', source },
        { path: 'src/app.py', source: 'formatMoney(a, b)\n' },
        { path: 'src/plain.js', source: 'formatMoney(a, b);\n' },
      ],
      { parser: 'babel', options: { callee: 'formatMoney' } },
    );
    expect(run.files.map((f) => f.kind)).toEqual(['failed', 'skipped', 'changed']);
    expect(changed(run.files[2]).after).toBe('formatMoney(b, a);\n');
  });
});

describe('jscodeshift runner: modules that throw or cannot be loaded', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir('remedy-codemods-');
    const write = (name: string, text: string) => fs.writeFileSync(path.join(dir, name), text);
    write(
      'throws.cjs',
      "module.exports = (file) => { if (file.source.includes('BOOM')) throw new Error('cannot handle BOOM'); return file.source + '// seen\\n'; };\n",
    );
    write('broken.mjs', 'export default function (file { return 1 }\n');
    write('no-function.cjs', 'module.exports = { name: "nothing" };\n');
    write('returns-number.ts', 'export default function (): number { return 42; }\n');
    write('breaks-syntax.cjs', "module.exports = (file) => file.source.replace(';', ' +;');\n");
  });

  it('fails only the file whose transform throws, or whose output does not parse', async () => {
    const throws = await loadCodemod(path.join(dir, 'throws.cjs'));
    const run = await runCodemod(throws, [
      { path: 'a.js', source: 'const a = 1;\n' },
      { path: 'b.js', source: 'const BOOM = 1;\n' },
    ]);
    expect(run.files.map((f) => f.kind)).toEqual(['changed', 'failed']);
    expect(run.files[1]).toMatchObject({
      error: 'the jscodeshift module threw: cannot handle BOOM',
    });
    const breaks = await loadCodemod(path.join(dir, 'breaks-syntax.cjs'));
    const bad = (await runCodemod(breaks, [{ path: 'a.ts', source: 'const a = 1;\n' }])).files[0];
    expect(bad).toMatchObject({ kind: 'failed', after: 'const a = 1 +;\n' });
    expect(bad?.kind === 'failed' && bad.error).toMatch(
      /^the rewritten file does not parse: syntax error at line 1/,
    );
    const number = await loadCodemod(path.join(dir, 'returns-number.ts'));
    expect((await runCodemod(number, [{ path: 'a.ts', source: 'x;\n' }])).files[0]).toMatchObject({
      kind: 'failed',
      error: 'the jscodeshift module returned a number, not a string',
    });
  });

  it('names the module it cannot load, and why', async () => {
    await expect(loadCodemod(path.join(dir, 'missing.ts'))).rejects.toThrow(
      /cannot load the jscodeshift module .*missing\.ts: no such module/,
    );
    await expect(loadCodemod(path.join(dir, 'broken.mjs'))).rejects.toBeInstanceOf(InputError);
    await expect(loadCodemod(path.join(dir, 'broken.mjs'))).rejects.toThrow(/broken\.mjs/);
    await expect(loadCodemod(path.join(dir, 'no-function.cjs'))).rejects.toThrow(
      /no-function\.cjs exports no transform function/,
    );
  });
});
