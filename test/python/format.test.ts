/** Formatting only the edited regions, and the semantic guard (real ruff, in process). */
import { beforeAll, describe, expect, it } from 'vitest';
import { splitLines } from '../../src/core/text.js';
import {
  editedLines,
  formatEditedRegions,
  formatEditedRegionsChecked,
} from '../../src/python/format.js';
import { guardRewrite } from '../../src/python/guard.js';
import { loadPython, parsePython } from '../../src/python/parser.js';
import { ruffFormat } from '../../src/python/ruff.js';
import { possibleImportRows, sortEditedImportBlocks } from '../../src/python/sort-imports.js';

beforeAll(() => loadPython());

describe('formatEditedRegionsChecked', () => {
  const handler = (i: number, type: string) =>
    `def handler_${i}(event: ${type}, context=None):\n    if event is None:\n        return None\n    return {  "n":${i} }\n`;
  const module = (type: string) => [0, 1, 2].map((i) => handler(i, type)).join('\n');

  it('says the text parses when every statement was edited (it is the formatter output)', () => {
    const before = module('Optional[dict]');
    const after = module('dict | None');
    const out = formatEditedRegionsChecked(before, after);
    expect(out.text).toBe(ruffFormat(after));
    expect(out.parses).toBe(true);
  });

  it('re-parses a mixed text from the tree of `after`, and gives what formatEditedRegions gives', () => {
    const before = module('Optional[dict]');
    const after = before.replace('handler_1(event: Optional[dict]', 'handler_1(event: dict | None');
    const out = formatEditedRegionsChecked(before, after);
    expect(out.parses).toBe(true);
    expect(out.text).toBe(formatEditedRegions(before, after));
    expect(out.text).toContain('return {  "n":0 }');
    expect(out.text).toContain('return {"n": 1}');
    const tree = parsePython(out.text);
    expect(tree.rootNode.hasError).toBe(false);
    tree.delete();
  });

  it("uses the caller's tree of `after` and leaves it to the caller", () => {
    const before = module('Optional[dict]');
    const after = before.replace('handler_2(event: Optional[dict]', 'handler_2(event: dict | None');
    const afterTree = parsePython(after);
    const out = formatEditedRegionsChecked(before, after, {}, { afterTree });
    expect(out).toEqual(formatEditedRegionsChecked(before, after));
    expect(out.text).toContain('return {"n": 2}');
    expect(() => afterTree.rootNode.type).not.toThrow();
    afterTree.delete();
  });

  it('does not claim the text parses when it never parsed it (the formatter agreed)', () => {
    expect(formatEditedRegionsChecked('x = 2\n', 'x = 1\n')).toEqual({
      text: 'x = 1\n',
      parses: false,
    });
  });
});

describe('formatEditedRegions', () => {
  const before = [
    'import os',
    'x = {  "a":1 }',
    '',
    'def f(a,b):',
    '    return a',
    '',
    'y = [1,2,3]',
    '',
  ].join('\n');

  it('keeps only the formatter hunks that touch edited lines', () => {
    const after = before.replace('return a', 'return   a+b');
    const out = formatEditedRegions(before, after);
    expect(out).toContain('    return a + b\n');
    // Unedited statements keep their (unformatted) style; the edited one is formatted whole.
    expect(out).toContain('x = {  "a":1 }');
    expect(out).toContain('y = [1,2,3]');
    expect(out).toContain('def f(a,b):');
    expect(out).toBe(before.replace('return a', 'return a + b'));
  });

  it('fixes only the blank lines after a deleted statement, not its neighbours', () => {
    const src = 'import os\nx = {  "a":1 }\n\n\n\ndef f(a,b):\n    return a\n';
    const edited = 'x = {  "a":1 }\n\n\n\ndef f(a,b):\n    return a\n';
    expect(formatEditedRegions(src, edited)).toBe(edited);
    const middle = 'x = {  "a":1 }\ny = 2\n\n\n\n\ndef f(a,b):\n    return a\n';
    const removed = 'x = {  "a":1 }\n\n\n\n\ndef f(a,b):\n    return a\n';
    expect(formatEditedRegions(middle, removed)).toBe(
      'x = {  "a":1 }\n\n\ndef f(a,b):\n    return a\n',
    );
  });

  it('returns the text untouched when the formatter agrees', () => {
    const clean = 'x = 1\n';
    expect(formatEditedRegions('x = 2\n', clean)).toBe(clean);
  });

  it('honours ruff options such as quote style', () => {
    const src = "a = 'x'\n";
    expect(formatEditedRegions('a = 1\n', src, { format: { 'quote-style': 'single' } })).toBe(
      "a = 'x'\n",
    );
    expect(formatEditedRegions('a = 1\n', src)).toBe('a = "x"\n');
  });

  it('preserves CRLF line endings', () => {
    const crlfBefore = 'x = 1\r\ny = 2\r\n';
    const crlfAfter = 'x = 1\r\ny = (2)\r\n';
    expect(formatEditedRegions(crlfBefore, crlfAfter)).toBe('x = 1\r\ny = 2\r\n');
  });

  it('formats a whole edited statement, re-indented to its block', () => {
    const src = 'class C:\n  def keep(self):\n    return  1\n  def edit(self):\n    return  2\n';
    const edited = src.replace('return  2', 'return  {"k":2}');
    const out = formatEditedRegions(src, edited);
    expect(out).toContain('    return  1\n');
    expect(out).toContain('    return {"k": 2}\n');
    expect(out.startsWith('class C:\n  def keep(self):\n')).toBe(true);
  });

  it('takes the formatter blank lines around an inserted statement', () => {
    const src = 'import os\nx = 1\n';
    const edited = 'import os\nimport sys\nx = 1\n';
    expect(formatEditedRegions(src, edited)).toBe('import os\nimport sys\n\nx = 1\n');
  });

  it('tells rewritten lines from deletion points', () => {
    expect(editedLines('a\nb\nc\n', 'a\nc\n')).toEqual({
      lines: new Set(),
      deletions: new Set([1]),
    });
    expect(editedLines('a\nb\nc\n', 'a\nB\nc\n')).toEqual({
      lines: new Set([1]),
      deletions: new Set(),
    });
    expect(splitLines('a\r\nb')).toEqual(['a\r\n', 'b']);
  });
});

describe('guardRewrite', () => {
  it('fails a rewrite that leaves a call to a removed helper', () => {
    const before = 'def _helper():\n    return 1\n\n\ndef f():\n    return _helper()\n';
    const after = 'def f():\n    return _helper()\n';
    const result = guardRewrite(before, after);
    expect(result.errors.map((e) => e.code)).toEqual(['F821']);
    expect(result.errors[0]!.message).toContain('_helper');
  });

  it('ignores problems that were already there', () => {
    const before = 'def f():\n    return undefined_name\n';
    const after = 'def f():\n    return undefined_name  # same\n';
    expect(guardRewrite(before, after).errors).toEqual([]);
  });

  it('fails a redefinition and warns about a new unused import', () => {
    expect(
      guardRewrite('import os\nos.getcwd()\n', 'import os\nimport os\nos.getcwd()\n').errors.map(
        (e) => e.code,
      ),
    ).toEqual(['F811']);
    expect(guardRewrite('x = 1\n', 'import json\nx = 1\n').warnings.map((e) => e.code)).toEqual([
      'F401',
    ]);
  });
});

describe('sortEditedImportBlocks', () => {
  it('sorts an import block the rewrite touched when it was sorted before', () => {
    const before = 'import os\nimport sys\n\nx = 1\n';
    const after = 'import os\nimport sys\nimport json\n\nx = 1\n';
    expect(sortEditedImportBlocks(before, after)).toBe(
      'import json\nimport os\nimport sys\n\nx = 1\n',
    );
  });

  it('leaves a block that was unsorted before, and blocks the rewrite did not touch', () => {
    const before = 'import sys\nimport os\n\nx = 1\n';
    const after = 'import sys\nimport os\nimport json\n\nx = 1\n';
    expect(sortEditedImportBlocks(before, after)).toBe(after);
    const elsewhere = 'import sys\nimport os\n\nx = 2\n';
    expect(sortEditedImportBlocks(before, elsewhere)).toBe(elsewhere);
  });

  it('sorts a block whose edit is on a continuation line of a bracketed import', () => {
    const before = 'import os\n\nfrom app import (\n    alpha,\n    beta,\n)\n\nx = 1\n';
    const after = 'import os\n\nfrom app import (\n    alpha,\n    zeta,\n    beta,\n)\n\nx = 1\n';
    expect(sortEditedImportBlocks(before, after)).toBe(
      'import os\n\nfrom app import (\n    alpha,\n    beta,\n    zeta,\n)\n\nx = 1\n',
    );
  });

  it('finds every row an import may span, brackets and backslashes included', () => {
    const text = [
      'x = 1',
      'from a import (  # a comment (with a bracket',
      '    b,',
      '    c)',
      'y = 2',
      'import d, \\',
      '    e',
      'z = "no imports here"',
      'if True: import f',
    ].join('\n');
    expect([...possibleImportRows(text)]).toEqual([1, 2, 3, 5, 6, 8]);
  });

  it('honours isort settings from the repository', () => {
    const before = 'import os\n\nfrom app import a\n';
    const after = 'import os\n\nfrom app import a\nfrom app import b\n';
    expect(
      sortEditedImportBlocks(before, after, {
        lint: { isort: { 'combine-as-imports': true, 'force-single-line': false } },
      }),
    ).toBe('import os\n\nfrom app import a, b\n');
  });
});
