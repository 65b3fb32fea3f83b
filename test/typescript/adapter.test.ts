/**
 * The TypeScript adapter through the engine's interface and registry, on a real
 * temporary project: found by extension, loaded lazily, then parse, imports, guard,
 * formatting and the project view.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyEdits, Edit } from '../../src/core/edit.js';
import { languageOf } from '../../src/engine/language.js';
import { registerBuiltinLanguages } from '../../src/languages.js';
import ts from '../../src/typescript/adapter.js';
import { makeTree } from '../helpers.js';

let root: string;
const read = (rel: string) => fs.readFileSync(path.join(root, rel), 'utf8');

beforeAll(async () => {
  await registerBuiltinLanguages();
  await ts.load();
  root = makeTree({
    'tsconfig.json': JSON.stringify({
      compilerOptions: { strict: true, module: 'esnext', moduleResolution: 'bundler' },
    }),
    'src/money.ts':
      'export function formatMoney(amount: number): string {\n    return String(amount)\n}\n',
    'src/cart.ts': 'import { formatMoney } from "./money"\n\nexport const total = formatMoney(3)\n',
  });
});

describe('the TypeScript adapter', () => {
  it('is registered for every TS/JS extension', () => {
    for (const file of ['a.ts', 'b.tsx', 'c.mts', 'd.cts', 'e.js', 'f.jsx', 'g.mjs', 'h.cjs'])
      expect(languageOf(`src/${file}`)?.id).toBe('typescript');
    expect(languageOf('src/a.py')?.id).toBe('python');
  });

  it('owns the TS/JS extensions and parses, re-parses and checks syntax', () => {
    expect(ts.extensions).toContain('.tsx');
    const text = 'export const a = <b>{1}</b>;\n';
    const tree = ts.parse('src/a.tsx', text);
    expect(ts.syntaxError(tree)).toBeUndefined();
    const edit = Edit.replace(text.indexOf('{1}'), text.indexOf('{1}') + 3, '{');
    const broken = ts.reparse(tree, text, [edit], applyEdits(text, [edit]));
    expect(ts.syntaxError(broken)).toMatch(/^syntax error at line 1, column \d+: /);
  });

  it("adds an import in the file's own style, and removes it once unused", () => {
    const cart = read('src/cart.ts');
    const file = (text: string) => ({
      path: 'src/cart.ts',
      text,
      tree: ts.parse('src/cart.ts', text),
    });
    const add = ts.importEdit(file(cart), { module: './config', name: 'code' }, 'add', { root });
    const added = applyEdits(cart, [add!]);
    expect(added).toBe(
      'import { formatMoney } from "./money"\nimport { code } from "./config"\n\nexport const total = formatMoney(3)\n',
    );
    const remove = ts.importEdit(
      file(added),
      { module: './config', name: 'code' },
      'remove-if-unused',
      { root },
    );
    expect(applyEdits(added, [remove!])).toBe(cart);
  });

  it('charges a broken importer to the changed file, and formats only inserted text', () => {
    const money = read('src/money.ts');
    const after = money.replace('amount: number', 'amount: number, currency: string');
    const verdicts = ts.guard([{ path: 'src/money.ts', before: money, after }], { root });
    expect(verdicts.get('src/money.ts')).toEqual({
      errors: [
        {
          code: 'TS2554',
          message: 'in src/cart.ts:3:22 TS2554 Expected 2 arguments, but got 1.',
          line: 1,
        },
      ],
      warnings: [],
    });
    const created = ts.guard(
      [{ path: 'src/new.ts', before: '', after: 'export const n: number = 1;\n' }],
      { root },
    );
    expect(created.get('src/new.ts')?.errors).toEqual([]);
    const inserted = `${money}export function twice(n: number) {\n  return n * 2;\n}\n`;
    expect(
      ts.formatRegions({ path: 'src/money.ts', before: money, after: inserted }, { root }),
    ).toBe(`${money}export function twice(n: number) {\n    return n * 2\n}\n`);
  });

  it('opens the project view transforms read, over the host the engine gives', () => {
    const files = ['src/money.ts', 'src/cart.ts'];
    const view = ts.openProject!(
      { files, readText: read, tree: () => undefined },
      {
        root,
        targetVersion: undefined,
        pythonRoots: undefined,
      },
    );
    expect(view.files).toEqual(files);
    expect(view.sourceFile('src/cart.ts')?.text).toBe(read('src/cart.ts'));
  });
});
