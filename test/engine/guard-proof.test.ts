/**
 * The semantic guard is skipped only where facts prove it has nothing to find: every
 * fix only removes references to names that are then gone from the file. A fix without
 * that fact, or one whose names are still in the file, is guarded as before.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Edit } from '../../src/core/edit.js';
import { Fix } from '../../src/core/fix.js';
import type { FileResult } from '../../src/core/result.js';
import { noImports } from '../../src/engine/context.js';
import { defineTransform } from '../../src/engine/contract.js';
import { containsWord, guardProvenNeedless } from '../../src/engine/guard-proof.js';
import type { PythonFileContext } from '../../src/python/adapter.js';
import pep604 from '../../transforms/pep604-optional/index.js';
import { runIn } from '../harness.js';
import { makeTree } from '../helpers.js';

const none = z.strictObject({});

/** Deletes the line `import os` (claiming, when `claims`, that it only drops references to `os`). */
function dropImportOs(claims: boolean) {
  return defineTransform({
    id: claims ? 'drop-import-os-claiming' : 'drop-import-os',
    languages: ['python'],
    reads: 'file',
    summary: 'drop import os',
    options: none,
    run(ctx: PythonFileContext<z.infer<typeof none>>) {
      const at = ctx.text.indexOf('import os\n');
      if (at === -1) return [];
      const edit = Edit.delete(at, at + 'import os\n'.length);
      const facts = claims ? { onlyRemovesReferencesTo: ['os'] } : {};
      return [Fix.safe('drop import os', [edit], facts)];
    },
  });
}

function byPath(results: readonly FileResult[]): Record<string, FileResult> {
  return Object.fromEntries(results.map((r) => [r.path, r]));
}

describe('guardProvenNeedless', () => {
  const removing = Fix.safe('x', [Edit.replace(0, 11, 'int | None')], {
    onlyRemovesReferencesTo: ['Optional'],
  });
  const plain = Fix.safe('x', [Edit.replace(0, 11, 'int | None')]);
  const base = {
    applied: [removing],
    imports: noImports(),
    after: 'x: int | None\n',
    created: false,
  };

  it('holds when every fix only removes references to names that are gone', () => {
    expect(guardProvenNeedless(base)).toBe(true);
  });

  it('fails for a fix without the fact, a name left anywhere, an added import or a new file', () => {
    expect(guardProvenNeedless({ ...base, applied: [removing, plain] })).toBe(false);
    expect(guardProvenNeedless({ ...base, after: 'x: int | None  # was Optional\n' })).toBe(false);
    const add = { add: [{ module: 'typing', name: 'Any' }], removeIfUnused: [] };
    expect(guardProvenNeedless({ ...base, imports: add })).toBe(false);
    expect(guardProvenNeedless({ ...base, created: true })).toBe(false);
    expect(guardProvenNeedless({ ...base, applied: [] })).toBe(false);
  });

  it('finds names as whole words only', () => {
    expect(containsWord('Optionality = 1', 'Optional')).toBe(false);
    expect(containsWord('t.Optional', 't')).toBe(true);
    expect(containsWord('text = 1', 't')).toBe(false);
    expect(containsWord('é_t = 1; $t', 't')).toBe(false);
  });
});

describe('the guard in a run', () => {
  it('still fails a fix that removes a binding still used, with or without a claim', async () => {
    const root = makeTree({ 'a.py': 'import os\nprint(os.sep)\n' });
    for (const claims of [false, true]) {
      const { results } = await runIn(root, dropImportOs(claims));
      const a = byPath(results)['a.py']!;
      expect(a.kind).toBe('failed');
      expect(a.kind === 'failed' && a.error).toMatch(/F821 Undefined name `os`/);
    }
  });

  it('is skipped for pep604-optional once the typing names are gone', async () => {
    const root = makeTree({
      'gone.py': 'from typing import Optional\n\n\ndef f(x: Optional[int]) -> None:\n    pass\n',
      'left.py':
        'from typing import Optional\n\n\ndef f(x: Optional[int], y: "Optional[str]") -> None:\n    pass\n',
    });
    const { results } = await runIn(root, pep604, { targetVersion: { major: 3, minor: 11 } });
    const { 'gone.py': gone, 'left.py': left } = byPath(results);
    expect(gone).toMatchObject({ kind: 'changed', guardNeedless: true });
    expect(gone?.kind === 'changed' && gone.after).not.toContain('typing');
    expect(left).toMatchObject({ kind: 'changed' });
    expect(left?.kind === 'changed' && left.guardNeedless).toBeFalsy();
  });

  it('is skipped where a typing name is still read and bound only by its import', async () => {
    const root = makeTree({
      'module_style.py':
        'import typing as t\n\nNAME = "totals"\n\n\ndef f(x: t.Optional[int]) -> t.List[int]:\n    return [x or 0]\n',
      'string_operand.py':
        'from typing import Optional\n\nx: Optional[int] = None\nowner: Optional["User"] = None\n',
      'docstring.py':
        '"""Optional values are None."""\nfrom typing import Optional\n\nx: Optional[int] = None\n',
      'in_string.py':
        'from typing import Optional\n\nx: Optional[int] = None\nT = "Optional[str]"\n',
      'shadowed.py':
        'import typing as t\n\nx: t.Optional[int] = None\ny: t.List[int] = []\nfor t in range(3):\n    pass\n',
    });
    const { results } = await runIn(root, pep604, { targetVersion: { major: 3, minor: 11 } });
    const needless = Object.fromEntries(
      results.map((r) => [r.path, r.kind === 'changed' ? !!r.guardNeedless : r.kind]),
    );
    // `for t in ...` binds `t` a second time, and a string other than a docstring may be
    // an annotation: not proven, so the guard runs (and warns of the unused import).
    expect(needless).toEqual({
      'module_style.py': true,
      'string_operand.py': true,
      'docstring.py': true,
      'shadowed.py': false,
      'in_string.py': false,
    });
    const inString = results.find((r) => r.path === 'in_string.py')!;
    expect(inString.diagnostics.map((d) => d.code)).toContain('guard/f401');
  });

  it('guards pep604-optional where the rewrite leaves a redefinition of the unused import', async () => {
    // The import stays (the def reads as a use of the name), so the guard runs and sees
    // that `def Optional` now redefines an unused import (F811).
    const root = makeTree({
      'a.py':
        'from typing import Optional\n\nx: Optional[int] = None\n\n\ndef Optional():\n    return 1\n',
    });
    const { results } = await runIn(root, pep604, { targetVersion: { major: 3, minor: 11 } });
    const a = byPath(results)['a.py']!;
    expect(a.kind).toBe('failed');
    expect(a.kind === 'failed' && a.error).toMatch(/F811/);
  });
});
