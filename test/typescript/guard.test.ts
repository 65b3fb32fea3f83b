/**
 * The TypeScript guard on real temporary projects: new errors only (in the changed
 * files and in their importers), each file under its own tsconfig, robust to moved lines.
 * One workspace serves every test, as it serves a run: it must forget what a call changed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { stripIndent } from '../../src/core/text.js';
import { formatTsDiagnostic } from '../../src/typescript/diagnostics.js';
import { TsWorkspace } from '../../src/typescript/guard.js';
import { makeTree } from '../helpers.js';

const APP_TSCONFIG = JSON.stringify({
  extends: '../../tsconfig.base.json',
  compilerOptions: { baseUrl: '.', paths: { '@/*': ['./src/*'] } },
  include: ['src'],
});

const FILES: Record<string, string> = {
  'tsconfig.base.json': JSON.stringify({
    compilerOptions: {
      target: 'es2022',
      module: 'esnext',
      moduleResolution: 'bundler',
      strict: true,
      jsx: 'preserve',
    },
  }),
  'apps/web/tsconfig.json': APP_TSCONFIG,
  'apps/web/src/lib/money.ts': stripIndent(`
    export function formatMoney(amount: number, currency: string): string {
      return currency + amount.toFixed(2);
    }
  `),
  'apps/web/src/lib/index.ts': "export * from './money';\n",
  'apps/web/src/lib/dates.ts': 'export const today = (): string => new Date().toISOString();\n',
  'apps/web/src/app/page.tsx': stripIndent(`
    import { z } from 'zod';
    import { formatMoney } from '@/lib/money';
    const broken: number = 'pre-existing';
    export const price = formatMoney(3, 'HKD');
  `),
  'apps/web/src/app/cart.ts': stripIndent(`
    import { formatMoney } from '@/lib';
    export const total = formatMoney(10, 'HKD');
  `),
  'apps/admin/tsconfig.json': JSON.stringify({
    files: [],
    references: [{ path: './tsconfig.app.json' }],
  }),
  'apps/admin/tsconfig.app.json': JSON.stringify({
    compilerOptions: {
      strict: true,
      module: 'esnext',
      moduleResolution: 'bundler',
    },
    include: ['src'],
  }),
  'apps/admin/src/report.ts': 'export function total(xs: string[]) { return xs.length; }\n',
  'scripts/build.js':
    "const fs = require('node:fs');\nmodule.exports = () => fs.existsSync('x');\n",
};

let root: string;
let ws: TsWorkspace;

beforeAll(() => {
  root = makeTree(FILES, 'remedy-tsguard-');
  ws = new TsWorkspace(root);
});

const text = (rel: string) => fs.readFileSync(path.join(root, rel), 'utf8');
const change = (rel: string, after: string | null) => ({ path: rel, before: text(rel), after });

describe('TypeScript guard', () => {
  it('reports a new error in the changed file, with code, message and place', () => {
    const rel = 'apps/web/src/lib/dates.ts';
    const result = ws.guard([
      change(rel, 'export const today = (): number => new Date().toISOString();\n'),
    ]);
    expect(result.errors.map(formatTsDiagnostic)).toEqual([
      "apps/web/src/lib/dates.ts:1:36 TS2322 Type 'string' is not assignable to type 'number'.",
    ]);
    expect(result.configs).toEqual(['apps/web/tsconfig.json']);
  });

  it('ignores errors that were there before, even when their lines move', () => {
    const rel = 'apps/web/src/app/page.tsx';
    const after = `// a comment\n\n${text(rel).replace("'HKD'", "'USD'")}`;
    const result = ws.guard([change(rel, after)]);
    expect(result.errors).toEqual([]);
    expect(result.checked).toContain(rel);
  });

  it('sees an export rename break importers, through the @/ alias and a barrel', () => {
    const rel = 'apps/web/src/lib/money.ts';
    const result = ws.guard([change(rel, text(rel).replace('formatMoney', 'formatPrice'))]);
    expect(result.checked).toEqual([
      'apps/web/src/app/cart.ts',
      'apps/web/src/app/page.tsx',
      'apps/web/src/lib/index.ts',
      'apps/web/src/lib/money.ts',
    ]);
    expect(result.errors.map((e) => `${e.file}:${e.line} TS${e.code}`)).toEqual([
      'apps/web/src/app/cart.ts:1 TS2305',
      'apps/web/src/app/page.tsx:2 TS2305',
    ]);
    expect(result.errors[1]!.message).toBe(
      `Module '"@/lib/money"' has no exported member 'formatMoney'.`,
    );
  });

  it('finds no new error when the rename covers every use', () => {
    const money = 'apps/web/src/lib/money.ts';
    const page = 'apps/web/src/app/page.tsx';
    const cart = 'apps/web/src/app/cart.ts';
    const rename = (rel: string) => change(rel, text(rel).replaceAll('formatMoney', 'formatPrice'));
    const result = ws.guard([rename(money), rename(page), rename(cart)]);
    expect(result.errors).toEqual([]);
  });

  it('forgets the after-texts of an earlier call (nothing was written)', () => {
    const rel = 'apps/web/src/app/cart.ts';
    const result = ws.guard([
      change(rel, `${text(rel)}export const more = formatMoney(1, 'EUR');\n`),
    ]);
    expect(result.errors).toEqual([]);
  });

  it('checks against texts of an overlay (earlier findings of a dry run)', () => {
    const money = 'apps/web/src/lib/money.ts';
    const overlay = new Map([
      [path.join(root, money), text(money).replace('currency: string', 'currency: number')],
    ]);
    const rel = 'apps/web/src/app/cart.ts';
    const more = change(rel, `${text(rel)}export const more = formatMoney(1, 'EUR');\n`);
    expect(ws.guard([more], { overlay }).errors.map((e) => `${e.line} TS${e.code}`)).toEqual([
      '3 TS2345',
    ]);
    expect(ws.guard([more]).errors).toEqual([]);
  });

  it('reports importers of a deleted file, and checks a created one', () => {
    const deleted = ws.guard([change('apps/web/src/lib/dates.ts', null)]);
    expect(deleted.errors).toEqual([]);
    const money = ws.guard([change('apps/web/src/lib/money.ts', null)]);
    expect(money.errors.map((e) => `${e.file} TS${e.code}`)).toEqual([
      'apps/web/src/app/cart.ts TS2305',
      'apps/web/src/app/page.tsx TS2307',
      'apps/web/src/lib/index.ts TS2307',
    ]);
    const created = ws.guard([
      { path: 'apps/web/src/lib/new.ts', before: null, after: 'export const n: number = "x";\n' },
    ]);
    expect(created.errors.map((e) => e.code)).toEqual([2322]);
  });

  it('uses the config a solution-style tsconfig references, with its own options', () => {
    const rel = 'apps/admin/src/report.ts';
    // Only under tsconfig.app.json's `strict` is `null` not a number.
    const result = ws.guard([change(rel, `${text(rel)}export const n: number = null;\n`)]);
    expect(result.configs).toEqual(['apps/admin/tsconfig.app.json']);
    expect(result.errors.map((e) => e.code)).toEqual([2322]);
  });

  it('checks a file outside every tsconfig with the defaults', () => {
    const rel = 'scripts/build.js';
    const result = ws.guard([change(rel, `${text(rel)}const a = ;\n`)]);
    expect(result.configs).toEqual(['(defaults)']);
    expect(result.errors.map((e) => `${e.line} TS${e.code}`)).toEqual(['3 TS1109']);
  });
});
