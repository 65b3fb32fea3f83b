/** Structural comparison (shapes), copyable module values, and clean removal of definitions. */
import { beforeAll, describe, expect, it } from 'vitest';
import { applyEdits, Edit } from '../../src/core/edit.js';
import { stripIndent } from '../../src/core/text.js';
import { uncopyableValue } from '../../src/python/module-values.js';
import { loadPython, parsePython } from '../../src/python/parser.js';
import { analyzeModule, type ModuleAnalysis } from '../../src/python/project/index.js';
import {
  definitionDeletionRange,
  importsLeftUnused,
  mergeLineDeletions,
  removeImportBindings,
} from '../../src/python/removal.js';
import { guardedBlocks, shapeOf } from '../../src/python/structure.js';

beforeAll(() => loadPython());

function analyze(source: string): { text: string; analysis: ModuleAnalysis } {
  const text = stripIndent(source);
  return { text, analysis: analyzeModule(parsePython(text)) };
}

function topLevel(analysis: ModuleAnalysis, name: string) {
  const b = analysis.globalBindings(name)[0]!;
  return b.statement.parent?.type === 'decorated_definition' ? b.statement.parent : b.statement;
}

function shape(source: string, name: string): string {
  const { analysis } = analyze(source);
  return shapeOf(analysis, topLevel(analysis, name)).key;
}

describe('shapeOf', () => {
  const base = `
    def f(items, scale=2):
        """Doc."""
        total = 0
        for item in items:  # each
            total += item * scale
        return round(total, ndigits=2)
  `;

  it('ignores layout, comments, docstrings, quotes, trailing commas and grouping parentheses', () => {
    const other = `
      def g(items, scale=2):
          total = 0
          for item in items:
              total += (item *
                        scale)
          return round(total, ndigits=2,)
    `;
    expect(shape(other, 'g')).toBe(shape(base, 'f'));
    expect(shape(`def f():\n    return 'x'\n`, 'f')).toBe(shape(`def f():\n    return "x"\n`, 'f'));
  });

  it('alpha-renames locals but not parameters, keyword names or globals', () => {
    const renamed = `
      def f(items, scale=2):
          acc = 0
          for entry in items:
              acc += entry * scale
          return round(acc, ndigits=2)
    `;
    expect(shape(renamed, 'f')).toBe(shape(base, 'f'));
    expect(shape(base.replace(/scale/g, 'factor'), 'f')).not.toBe(shape(base, 'f'));
    expect(shape(base.replace('round(', 'int('), 'f')).not.toBe(shape(base, 'f'));
  });

  it('lists the free names and prints them through the callback', () => {
    const { analysis } = analyze(`
      import json
      PREFIX = "p"
      def f(x):
          return json.dumps(PREFIX + x, default=str)
    `);
    const result = shapeOf(analysis, topLevel(analysis, 'f'), { freeName: (r) => `<${r.name}>` });
    expect(result.free.map((r) => r.name)).toEqual(['json', 'PREFIX', 'str']);
    expect(result.key).toContain('(attribute <json> . dumps )');
  });

  it('leaves out an omitted node: a copy without one if block has the same shape', () => {
    const { analysis } = analyze(`
      def f(arn):
          resource = arn
          if arn.count("/") >= 2:
              resource = arn + "/*"
          return resource
    `);
    const node = topLevel(analysis, 'f');
    const [block] = guardedBlocks(node);
    const without = shape(`def f(arn):\n    resource = arn\n    return resource\n`, 'f');
    expect(shapeOf(analysis, node, { omit: new Set([block!.id]) }).key).toBe(without);
  });
});

describe('uncopyableValue', () => {
  function check(source: string, name: string): string | undefined {
    const { analysis } = analyze(source);
    const b = analysis.globalBindings(name)[0]!;
    return uncopyableValue(b.statement.childForFieldName('right')!, b);
  }

  it('copies literals, loggers, compiled patterns and containers nothing mutates', () => {
    expect(check('X = ("a", 1, -2.5)\n', 'X')).toBeUndefined();
    expect(check('import logging\nlog = logging.getLogger(__name__)\n', 'log')).toBeUndefined();
    expect(check('import re\nR = re.compile(r"\\s+")\n', 'R')).toBeUndefined();
    expect(check('M = {"a": 1}\ndef f(k):\n    return M[k]\n', 'M')).toBeUndefined();
  });

  it('refuses clients, sentinels and mutated containers', () => {
    expect(check('import boto3\nS3 = boto3.client("s3")\n', 'S3')).toContain('boto3.client');
    expect(check('MISSING = object()\n', 'MISSING')).toContain('object');
    expect(check('C = {}\ndef f(k):\n    C[k] = 1\n', 'C')).toContain('items set at line 3');
    expect(check('C = []\ndef f(k):\n    C.append(k)\n', 'C')).toContain('.append()');
  });
});

describe('removal', () => {
  const source = `
    """Doc."""

    import json
    import os
    from typing import Any, Optional

    LIMIT = 3


    def keep(x: Any) -> str:
        return json.dumps(x)


    # Old routing.
    def gone(p: Optional[str]) -> str:
        return os.sep.join((p or "").split("/")[:LIMIT])


    def tail() -> None:
        pass
  `;

  it('deletes a definition with its comment block, and the imports only it used', () => {
    const { text, analysis } = analyze(source);
    const range = definitionDeletionRange(text, topLevel(analysis, 'gone'));
    const unused = importsLeftUnused(analysis, [range]);
    expect(unused.map((b) => b.name).sort()).toEqual(['Optional', 'os']);
    const edits = mergeLineDeletions(text, [
      Edit.delete(range.start, range.end),
      ...removeImportBindings(text, unused),
    ]);
    expect(applyEdits(text, edits)).toBe(
      stripIndent(`
        """Doc."""

        import json
        from typing import Any

        LIMIT = 3


        def keep(x: Any) -> str:
            return json.dumps(x)


        def tail() -> None:
            pass
      `),
    );
  });

  it('merges adjacent deletions so a run of statements leaves one gap', () => {
    const { text, analysis } = analyze(source);
    const edits = ['gone', 'tail'].map((n) => {
      const r = definitionDeletionRange(text, topLevel(analysis, n));
      return Edit.delete(r.start, r.end);
    });
    const out = applyEdits(text, mergeLineDeletions(text, edits));
    expect(out.endsWith('return json.dumps(x)\n')).toBe(true);
  });
});
