/** parse: syntax checks with UTF-16 offsets and 1-based line/column; incremental re-parse. */
import { describe, expect, it } from 'vitest';
import { applyEdits, Edit } from '../../src/core/edit.js';
import { isTypeScriptPath, TYPESCRIPT_EXTENSIONS } from '../../src/typescript/extensions.js';
import { isJavaScriptPath } from '../../src/typescript/language.js';
import {
  checkTsSyntax,
  describeSyntaxProblems,
  parseTs,
  reparseTs,
  tsSyntaxProblems,
} from '../../src/typescript/parse.js';

describe('language', () => {
  it('owns the TypeScript and JavaScript extensions, and nothing else', () => {
    for (const ext of TYPESCRIPT_EXTENSIONS) expect(isTypeScriptPath(`src/a${ext}`)).toBe(true);
    expect(TYPESCRIPT_EXTENSIONS).toEqual(
      expect.arrayContaining(['.ts', '.tsx', '.js', '.jsx', '.mjs', '.cjs', '.mts', '.cts']),
    );
    expect(isTypeScriptPath('src/a.py')).toBe(false);
    expect(isTypeScriptPath('src/a.json')).toBe(false);
    expect(isTypeScriptPath('src.ts/README')).toBe(false);
    expect(isTypeScriptPath('src/types.d.ts')).toBe(true);
    expect(isJavaScriptPath('a.mjs')).toBe(true);
    expect(isJavaScriptPath('a.mts')).toBe(false);
  });
});

describe('syntax check', () => {
  it('accepts valid TS, TSX and JS', () => {
    expect(checkTsSyntax('a.ts', 'const x: number = 1;\nexport type T = { a: string };\n')).toEqual(
      [],
    );
    expect(
      checkTsSyntax('a.tsx', 'export const A = () => <div className="x">{1}</div>;\n'),
    ).toEqual([]);
    expect(checkTsSyntax('a.jsx', 'export const A = () => <b>hi</b>;\n')).toEqual([]);
    expect(checkTsSyntax('a.cjs', 'module.exports = { a: 1 };\n')).toEqual([]);
  });

  it('reports the first error with line and column, counting UTF-16 units', () => {
    const text = "const a = 1;\nconst s = '🎉é'; const = 3;\n";
    const problems = checkTsSyntax('a.ts', text);
    const first = problems[0]!;
    expect(first.offset).toBe(text.indexOf('= 3'));
    expect(first.line).toBe(2);
    // 🎉 is two UTF-16 units: `const s = '🎉é'; const ` is 23 units long.
    expect(first.column).toBe(24);
    expect(describeSyntaxProblems(problems)).toBe(
      'syntax error at line 2, column 24: Variable declaration expected. (and 1 more)',
    );
  });

  it('treats JSX in a .ts file and types in a .js file as errors', () => {
    expect(checkTsSyntax('a.ts', 'const a = <div>x</div>;\n').length).toBeGreaterThan(0);
    const js = checkTsSyntax('a.js', 'export function f(a: number) { return a; }\n');
    expect(js.map((p) => p.message)).toEqual([
      'Type annotations can only be used in TypeScript files.',
    ]);
    expect(js[0]!.column).toBe(22);
  });

  it('describes nothing when there is nothing wrong', () => {
    expect(describeSyntaxProblems([])).toBeUndefined();
  });
});

describe('incremental re-parse', () => {
  const text = [
    "import { a } from './a';",
    '// 注释 𝔘',
    'export function f(x: number): number {',
    '  return a(x) + 1;',
    '}',
    '',
  ].join('\n');

  /** Every node as `kind@pos-end`, in document order. */
  function shape(sf: import('ts-morph').ts.SourceFile): string[] {
    const out: string[] = [];
    const visit = (n: import('ts-morph').ts.Node) => {
      out.push(`${n.kind}@${n.pos}-${n.end}`);
      n.forEachChild(visit);
    };
    visit(sf);
    return out;
  }

  it('gives the tree a fresh parse gives', () => {
    const edits = [
      Edit.replace(text.indexOf('x: number'), text.indexOf('x: number') + 1, 'value'),
      Edit.replace(text.indexOf('a(x)') + 2, text.indexOf('a(x)') + 3, 'value'),
      Edit.insert(text.length, 'export const b = 2;\n'),
    ];
    const newText = applyEdits(text, edits);
    const re = reparseTs(parseTs('f.ts', text), edits, newText);
    expect(re.text).toBe(newText);
    expect(shape(re.sourceFile)).toEqual(shape(parseTs('f.ts', newText).sourceFile));
    expect(tsSyntaxProblems(re)).toEqual([]);
  });

  it('sees a syntax error an edit introduces', () => {
    const at = text.indexOf('+ 1;');
    const edits = [Edit.replace(at, at + 4, '+ ;')];
    const re = reparseTs(parseTs('f.ts', text), edits, applyEdits(text, edits));
    expect(describeSyntaxProblems(tsSyntaxProblems(re))).toMatch(
      /line 4, column \d+: Expression expected/,
    );
  });
});
