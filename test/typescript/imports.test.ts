/** TS import edits: add (merge, type-only, placement) and remove-if-unused; every output re-parses. */
import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../src/core/edit.js';
import {
  type ImportStyle,
  planAddImport,
  planRemoveImportIfUnused,
  type TsImportRequest,
} from '../../src/typescript/imports.js';
import { checkTsSyntax, parseTs } from '../../src/typescript/parse.js';

const SINGLE: ImportStyle = { quote: 'single', semicolons: true };

function add(text: string, req: TsImportRequest, style = SINGLE, path = 'a.tsx'): string {
  const edit = planAddImport(parseTs(path, text), req, style);
  if (!edit) return text;
  const out = applyEdits(text, [edit]);
  expect(checkTsSyntax(path, out)).toEqual([]);
  return out;
}

function remove(text: string, module: string, name: string): string {
  const edit = planRemoveImportIfUnused(parseTs('a.tsx', text), { module, name });
  const out = edit ? applyEdits(text, [edit]) : text;
  expect(checkTsSyntax('a.tsx', out)).toEqual([]);
  return out;
}

describe('planAddImport', () => {
  it('merges into an import of the module, in sorted position', () => {
    const text = "import { a, c } from 'm';\n\nuse(a, c);\n";
    expect(add(text, { module: 'm', name: 'b' })).toBe(
      "import { a, b, c } from 'm';\n\nuse(a, c);\n",
    );
    expect(add("import { z, a } from 'm';\n", { module: 'm', name: 'b' })).toBe(
      "import { z, a, b } from 'm';\n",
    );
  });

  it('merges into a multi-line list on its own line', () => {
    const text = "import {\n  alpha,\n  gamma,\n} from 'm';\n";
    expect(add(text, { module: 'm', name: 'beta' })).toBe(
      "import {\n  alpha,\n  beta,\n  gamma,\n} from 'm';\n",
    );
    expect(add(text, { module: 'm', name: 'omega' })).toBe(
      "import {\n  alpha,\n  gamma,\n  omega,\n} from 'm';\n",
    );
  });

  it('does nothing when the binding exists; a value import serves a type', () => {
    const text = "import { Money as M } from 'm';\n";
    expect(
      planAddImport(parseTs('a.ts', text), { module: 'm', name: 'Money', alias: 'M' }, SINGLE),
    ).toBeUndefined();
    expect(
      planAddImport(
        parseTs('a.ts', text),
        { module: 'm', name: 'Money', alias: 'M', typeOnly: true },
        SINGLE,
      ),
    ).toBeUndefined();
    expect(add(text, { module: 'm', name: 'Money' })).toBe(
      "import { Money, Money as M } from 'm';\n",
    );
  });

  it('respects import type: merges types into it; a value turns it into inline type specifiers', () => {
    const text = "import type { A } from './t';\nimport { v } from './t';\n";
    expect(add(text, { module: './t', name: 'B', typeOnly: true })).toBe(
      "import type { A, B } from './t';\nimport { v } from './t';\n",
    );
    expect(add("import { v } from './t';\n", { module: './t', name: 'B', typeOnly: true })).toBe(
      "import { type B, v } from './t';\n",
    );
    expect(add("import type { A } from './t';\n", { module: './t', name: 'w' })).toBe(
      "import { type A, w } from './t';\n",
    );
    expect(add('import type { Z, Y } from "./t"\n', { module: './t', name: 'w' })).toBe(
      'import { type Z, type Y, w } from "./t"\n',
    );
    // Several lines: not reflowed; a second declaration instead.
    expect(add("import type {\n  A,\n} from './t';\n", { module: './t', name: 'w' })).toBe(
      "import type {\n  A,\n} from './t';\nimport { w } from './t';\n",
    );
  });

  it('adds to a default import', () => {
    expect(add("import React from 'react';\n", { module: 'react', name: 'useState' })).toBe(
      "import React, { useState } from 'react';\n",
    );
  });

  it('places a new declaration after the last import, in the file style', () => {
    const text = 'import x from "x"\nimport { y } from "./y"\n\nconst z = x + y\n';
    expect(
      add(
        text,
        { module: '@/lib/config', name: 'getDefaultCurrencyCode' },
        { quote: 'double', semicolons: false },
      ),
    ).toBe(
      'import x from "x"\nimport { y } from "./y"\nimport { getDefaultCurrencyCode } from "@/lib/config"\n\nconst z = x + y\n',
    );
  });

  it("places it after directives such as 'use client', and after a header comment", () => {
    const client = "'use client';\n\nexport const A = () => <div />;\n";
    expect(add(client, { module: 'react', name: 'useState' })).toBe(
      "'use client';\n\nimport { useState } from 'react';\n\nexport const A = () => <div />;\n",
    );
    const header = '// Copyright Acme\n// All rights reserved.\n\nexport const a = 1;\n';
    expect(add(header, { module: './b', name: 'b', typeOnly: true }, SINGLE, 'a.ts')).toBe(
      "// Copyright Acme\n// All rights reserved.\n\nimport type { b } from './b';\n\nexport const a = 1;\n",
    );
    expect(add('', { module: './b', name: 'b' })).toBe("import { b } from './b';\n");
  });
});

describe('planRemoveImportIfUnused', () => {
  it('keeps an import the file still uses, as a value, a type, in JSX or shorthand', () => {
    for (const use of [
      'f(x);',
      'let v: x;',
      'const el = <x />;',
      'const o = { x };',
      'export { x };',
    ]) {
      const text = `import { x } from 'm';\n${use}\n`;
      expect(remove(text, 'm', 'x')).toBe(text);
    }
  });

  it('removes the declaration when it held only that name', () => {
    const text = "import { a } from 'a';\nimport { x } from 'm';\nconst o = { x: 1 };\no.x;\n";
    expect(remove(text, 'm', 'x')).toBe("import { a } from 'a';\nconst o = { x: 1 };\no.x;\n");
  });

  it('removes one specifier of several, single-line or multi-line', () => {
    expect(remove("import { a, x, b } from 'm';\na; b;\n", 'm', 'x')).toBe(
      "import { a, b } from 'm';\na; b;\n",
    );
    expect(remove("import { a, x } from 'm';\na;\n", 'm', 'x')).toBe(
      "import { a } from 'm';\na;\n",
    );
    expect(remove("import {\n  a,\n  x,\n} from 'm';\na;\n", 'm', 'x')).toBe(
      "import {\n  a,\n} from 'm';\na;\n",
    );
    expect(remove("import D, { x } from 'm';\nD;\n", 'm', 'x')).toBe("import D from 'm';\nD;\n");
  });
});
