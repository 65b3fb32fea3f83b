/** From two texts to the fixes between them, and the fix loop over several files. */
import { describe, expect, it } from 'vitest';
import {
  applyEdits,
  ConvergenceError,
  Edit,
  editsFromTexts,
  Fix,
  fixFilesUntilStable,
  fixFromNewText,
} from '../../src/core/index.js';

describe('editsFromTexts / fixFromNewText', () => {
  const cases: [string, string][] = [
    ['a\nb\nc\n', 'a\nB\nc\n'],
    ['a\nb\nc\n', 'a\nc\n'],
    ['a\nc\n', 'a\nb\nc\n'],
    ['a\nb\nc\nd\ne\n', 'x\nb\nc\nd\ny\nz\n'],
    ['no newline', 'no newline at all'],
    ['crlf\r\nline\r\n', 'crlf\r\nLINE\r\n'],
    ['😀 é\nx\n', '😀 é\ny\n'],
    ['', 'new\n'],
    ['gone\n', ''],
  ];

  it.each(cases)('turns %j into %j', (before, after) => {
    expect(applyEdits(before, editsFromTexts(before, after))).toBe(after);
  });

  it('keeps what did not change out of the edits, and gives no fix for equal texts', () => {
    expect(editsFromTexts('a\nb\nc\nd\ne\n', 'x\nb\nc\nd\ny\n')).toEqual([
      Edit.replace(0, 1, 'x'),
      Edit.replace(8, 9, 'y'),
    ]);
    expect(fixFromNewText('same', 'a\n', 'a\n')).toBeUndefined();
    expect(fixFromNewText('t', 'a\n', 'b\n', 'unsafe')).toMatchObject({
      title: 't',
      applicability: 'unsafe',
    });
  });
});

describe('fixFilesUntilStable', () => {
  it('re-runs the producer on the changed texts until no fix is left out, file by file', () => {
    const sources = new Map([
      ['a', '[[x]]'],
      ['b', 'y'],
    ]);
    const seen: string[] = [];
    const result = fixFilesUntilStable(
      (path) => sources.get(path)!,
      (changed, iteration) => {
        const text = changed.get('a') ?? sources.get('a')!;
        seen.push(`${iteration}:${text}`);
        const open = text.lastIndexOf('[');
        const fixes = [];
        if (text.startsWith('['))
          fixes.push(Fix.safe('outer', [Edit.replace(0, text.length, text.slice(1, -1))]));
        if (open > 0)
          fixes.push(
            Fix.safe('inner', [Edit.replace(open, open + 3, text.slice(open + 1, open + 2))]),
          );
        return new Map([
          ['a', fixes],
          ['b', iteration === 1 ? [Fix.safe('b', [Edit.replace(0, 1, 'z')])] : []],
        ]);
      },
    );
    expect(Object.fromEntries(result.texts)).toEqual({ a: 'x', b: 'z' });
    expect(seen).toEqual(['1:[[x]]', '2:[x]']);
    expect(result.iterations).toBe(2);
    expect(result.applied.get('a')!.map((f) => f.title)).toEqual(['outer', 'outer']);
  });

  it('throws ConvergenceError past the cap', () => {
    const grow = (changed: ReadonlyMap<string, string>) => {
      const text = changed.get('a') ?? 'a';
      return new Map([
        [
          'a',
          [
            Fix.safe('all', [Edit.replace(0, text.length, `${text}+`)]),
            Fix.safe('first', [Edit.replace(0, 1, 'b')]),
          ],
        ],
      ]);
    };
    expect(() => fixFilesUntilStable(() => 'a', grow, { maxIterations: 3 })).toThrow(
      ConvergenceError,
    );
  });
});
