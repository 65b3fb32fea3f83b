/**
 * The claims of docs/decisions/structural-patterns.md, checked on @ast-grep/napi itself,
 * and the rewrite-pattern path end to end on a real project: `'HKD'` in a named file
 * becomes `getDefaultCurrencyCode()`, the import is added in the project's style, the
 * result is formatted, re-parses, and the guard finds no new error.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Lang, parse } from '@ast-grep/napi';
import { describe, expect, it } from 'vitest';
import { applyEdits, Edit } from '../../src/core/edit.js';
import { stripIndent } from '../../src/core/text.js';
import { formatChangedRegions } from '../../src/typescript/format.js';
import { TsWorkspace } from '../../src/typescript/guard.js';
import { planAddImport } from '../../src/typescript/imports.js';
import { checkTsSyntax, parseTs } from '../../src/typescript/parse.js';
import { sourceReader } from '../../src/typescript/source.js';
import { moduleSpecifierFor, surveyImports } from '../../src/typescript/specifier.js';
import { resolveCodeStyle } from '../../src/typescript/style.js';
import { makeTree } from '../helpers.js';

const HKD = { rule: { any: [{ pattern: "'HKD'" }, { pattern: '"HKD"' }] } };

describe('@ast-grep/napi as the structural matcher', () => {
  it('matches a string pattern only with its own quotes; the any-rule takes both', () => {
    const root = parse(Lang.TypeScript, 'f(\'HKD\'); g("HKD"); h(`HKD`);\n').root();
    expect(root.findAll("'HKD'").map((m) => m.text())).toEqual(["'HKD'"]);
    expect(root.findAll(HKD).map((m) => m.text())).toEqual(["'HKD'", '"HKD"']);
  });

  it('reports UTF-16 offsets, remedy’s unit', () => {
    const text = "const s = '🎉é'; const c = 'HKD';\n";
    const m = parse(Lang.TypeScript, text).root().find("'HKD'")!;
    expect(m.range().start.index).toBe(text.indexOf("'HKD'"));
    const edit = m.replace('x()');
    expect(applyEdits(text, [Edit.replace(edit.startPos, edit.endPos, edit.insertedText)])).toBe(
      "const s = '🎉é'; const c = x();\n",
    );
  });

  it('captures $A and $$$ARGS, and sees JSX attributes as strings', () => {
    const root = parse(
      Lang.Tsx,
      "formatMoney('HKD', 10, opts);\nconst a = <b title=\"HKD\">{'HKD'}</b>;\n",
    ).root();
    const call = root.find('formatMoney($CUR, $$$REST)')!;
    expect(call.getMatch('CUR')!.text()).toBe("'HKD'");
    expect(call.getMultipleMatches('REST').map((n) => n.text())).toEqual(['10', ',', 'opts']);
    expect(root.findAll(HKD).map((m) => m.parent()?.kind())).toEqual([
      'arguments',
      'jsx_attribute',
      'jsx_expression',
    ]);
  });
});

describe("rewrite-pattern's path for TS, on a real project", () => {
  it("replaces 'HKD' with getDefaultCurrencyCode(), imports it, and passes the guard", () => {
    const root = makeTree({
      'tsconfig.json': JSON.stringify({
        compilerOptions: {
          strict: true,
          module: 'esnext',
          moduleResolution: 'bundler',
          jsx: 'preserve',
          paths: { '@/*': ['./src/*'] },
        },
        include: ['src'],
      }),
      '.prettierrc': 'singleQuote: true\nsemi: false\n',
      'src/lib/config.ts':
        "export function getDefaultCurrencyCode(): string {\n  return 'HKD'\n}\n",
      'src/lib/money.ts': 'export const formatMoney = (c: string, n: number) => c + n\n',
      'src/app/checkout/page.tsx': stripIndent(`
        'use client'
        import { formatMoney } from '@/lib/money'

        export const total = formatMoney('HKD', 3)
        export const View = () => <p title="HKD">{formatMoney("HKD", 1)}</p>
      `),
    });
    const file = path.join(root, 'src/app/checkout/page.tsx');
    const before = fs.readFileSync(file, 'utf8');
    const edits = parse(Lang.Tsx, before)
      .root()
      .findAll(HKD)
      .filter((m) => m.parent()?.kind() !== 'jsx_attribute')
      .map((m) =>
        Edit.replace(m.range().start.index, m.range().end.index, 'getDefaultCurrencyCode()'),
      );
    let after = applyEdits(before, edits);
    const ws = new TsWorkspace(root);
    const choice = ws.configs.configFor(file);
    const module = moduleSpecifierFor(
      file,
      path.join(root, 'src/lib/config.ts'),
      surveyImports(choice, sourceReader()),
    );
    const style = resolveCodeStyle(root, file, before);
    const importEdit = planAddImport(
      parseTs(file, after),
      { module, name: 'getDefaultCurrencyCode' },
      style,
    )!;
    after = formatChangedRegions(file, before, applyEdits(after, [importEdit]), style);
    expect(after).toBe(
      stripIndent(`
        'use client'
        import { formatMoney } from '@/lib/money'
        import { getDefaultCurrencyCode } from '@/lib/config'

        export const total = formatMoney(getDefaultCurrencyCode(), 3)
        export const View = () => <p title="HKD">{formatMoney(getDefaultCurrencyCode(), 1)}</p>
      `),
    );
    expect(checkTsSyntax(file, after)).toEqual([]);
    expect(ws.guard([{ path: file, before, after }]).errors).toEqual([]);
    // Without the import, the guard sees what the rewrite would break.
    const unimported = applyEdits(before, edits);
    expect(ws.guard([{ path: file, before, after: unimported }]).errors.map((e) => e.code)).toEqual(
      [2304, 2304],
    );
  });
});
