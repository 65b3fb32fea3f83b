/** Edits, fixes and the conflict policy (src/core). */
import { describe, expect, it } from 'vitest';
import {
  applyEdits,
  applyFixes,
  ConvergenceError,
  Edit,
  editsConflict,
  Fix,
  fixUntilStable,
} from '../../src/core/index.js';

describe('Edit', () => {
  it('has named constructors with validated ranges', () => {
    expect(Edit.replace(1, 3, 'x')).toEqual({ start: 1, end: 3, text: 'x' });
    expect(Edit.insert(2, 'y')).toEqual({ start: 2, end: 2, text: 'y' });
    expect(Edit.delete(0, 4)).toEqual({ start: 0, end: 4, text: '' });
    expect(() => Edit.replace(3, 1, '')).toThrow(RangeError);
    expect(() => Edit.insert(-1, '')).toThrow(RangeError);
    expect(() => Edit.insert(1.5, '')).toThrow(RangeError);
  });

  it('decides conflicts: overlap conflicts, touching does not, same-point insertions do', () => {
    expect(editsConflict(Edit.replace(0, 3, 'a'), Edit.replace(2, 5, 'b'))).toBe(true);
    expect(editsConflict(Edit.replace(0, 3, 'a'), Edit.replace(3, 5, 'b'))).toBe(false);
    expect(editsConflict(Edit.insert(3, 'a'), Edit.replace(3, 5, 'b'))).toBe(false);
    expect(editsConflict(Edit.insert(5, 'a'), Edit.replace(3, 5, 'b'))).toBe(false);
    expect(editsConflict(Edit.insert(4, 'a'), Edit.replace(3, 5, 'b'))).toBe(true);
    expect(editsConflict(Edit.insert(4, 'a'), Edit.insert(4, 'b'))).toBe(true);
    expect(editsConflict(Edit.insert(4, 'a'), Edit.insert(4, 'a'))).toBe(false);
  });

  it('applies edits in offset order whatever order they come in, duplicates once', () => {
    const text = 'hello world';
    const edits = [Edit.replace(6, 11, 'there'), Edit.insert(0, '>> '), Edit.insert(0, '>> ')];
    expect(applyEdits(text, edits)).toBe('>> hello there');
  });

  it('refuses conflicting edits and edits past the end', () => {
    expect(() => applyEdits('abcdef', [Edit.replace(0, 3, 'x'), Edit.replace(2, 4, 'y')])).toThrow(
      /conflicting/,
    );
    expect(() => applyEdits('abc', [Edit.replace(2, 9, 'x')])).toThrow(RangeError);
  });
});

describe('Fix', () => {
  it('sorts its edits and rejects overlapping ones and empty fixes', () => {
    const fix = Fix.safe('t', [Edit.insert(5, 'b'), Edit.insert(1, 'a')]);
    expect(fix.edits.map((e) => e.start)).toEqual([1, 5]);
    expect(fix.applicability).toBe('safe');
    expect(Fix.unsafe('u', [Edit.insert(0, 'x')]).applicability).toBe('unsafe');
    expect(() => Fix.safe('bad', [Edit.replace(0, 4, 'a'), Edit.replace(2, 6, 'b')])).toThrow(
      /overlapping/,
    );
    expect(() => Fix.safe('empty', [])).toThrow(/no edits/);
  });
});

describe('applyFixes', () => {
  it('applies non-overlapping fixes and leaves out a fix overlapping an earlier one', () => {
    const text = 'a = Optional[Optional[int]]';
    const outer = Fix.safe('outer', [Edit.replace(4, 27, 'X')]);
    const inner = Fix.safe('inner', [Edit.replace(13, 26, 'Y')]);
    const far = Fix.safe('far', [Edit.replace(0, 1, 'b')]);
    const result = applyFixes(text, [inner, far, outer]);
    expect(result.output).toBe('b = X');
    expect(result.applied.map((f) => f.title)).toEqual(['far', 'outer']);
    expect(result.conflicting.map((f) => f.title)).toEqual(['inner']);
  });

  it('applies an edit shared by two fixes once (e.g. the same import added twice)', () => {
    const text = 'x = 1\n';
    const addImport = Edit.insert(0, 'import os\n');
    const a = Fix.safe('a', [addImport, Edit.replace(4, 5, '2')]);
    const b = Fix.safe('b', [addImport]);
    const result = applyFixes(text, [a, b]);
    expect(result.output).toBe('import os\nx = 2\n');
    expect(result.applied).toHaveLength(2);
  });

  it('is all-or-nothing per fix', () => {
    const text = '0123456789';
    const first = Fix.safe('first', [Edit.replace(4, 6, 'X')]);
    const second = Fix.safe('second', [Edit.replace(0, 1, 'A'), Edit.replace(5, 7, 'B')]);
    const result = applyFixes(text, [first, second]);
    // `second` starts first, so it is taken whole; `first` overlaps its second edit.
    expect(result.output).toBe('A1234B789');
    expect(result.conflicting.map((f) => f.title)).toEqual(['first']);
  });
});

describe('fixUntilStable', () => {
  it('re-runs the producer until no fix is left out', () => {
    // Unwrap every bracket pair: an outer pair's fix overlaps the inner ones, so one
    // pair comes off per pass and the loop must run until nothing is left.
    const produce = (text: string) => {
      const fixes = [];
      const open: number[] = [];
      for (let i = 0; i < text.length; i++) {
        if (text[i] === '[') open.push(i);
        if (text[i] === ']') {
          const start = open.pop()!;
          fixes.push(
            Fix.safe(`pair ${start}`, [Edit.replace(start, i + 1, text.slice(start + 1, i))]),
          );
        }
      }
      return fixes;
    };
    const result = fixUntilStable('a[[[b]]]c', produce);
    expect(result.output).toBe('abc');
    expect(result.iterations).toBe(3);
  });

  it('throws ConvergenceError when fixes keep coming and conflicting', () => {
    let n = 0;
    const produce = (text: string) => [
      Fix.safe(`a${n++}`, [Edit.replace(0, text.length, `${text}x`)]),
      Fix.safe(`b${n++}`, [Edit.replace(0, 1, 'y')]),
    ];
    expect(() => fixUntilStable('start', produce, { maxIterations: 5 })).toThrow(ConvergenceError);
  });

  it('returns the text unchanged when there is nothing to fix', () => {
    expect(fixUntilStable('same', () => [])).toEqual({
      output: 'same',
      applied: [],
      iterations: 1,
    });
  });
});

describe('offsets, line endings and BOM', () => {
  it('edits after astral-plane characters land on the right characters', () => {
    const text = 's = "😀é"\nx: Optional[int]\n';
    const start = text.indexOf('Optional[int]');
    const out = applyEdits(text, [
      Edit.replace(start, start + 'Optional[int]'.length, 'int | None'),
    ]);
    expect(out).toBe('s = "😀é"\nx: int | None\n');
  });

  it('keeps CRLF line endings and a BOM byte for byte outside the edited range', () => {
    const text = '\uFEFFimport os\r\nx: Optional[int] = 1\r\n# ü\r\n';
    const start = text.indexOf('Optional[int]');
    const out = applyEdits(text, [Edit.replace(start, start + 13, 'int | None')]);
    const before = Buffer.from(text, 'utf8');
    const after = Buffer.from(out, 'utf8');
    const prefix = Buffer.from(text.slice(0, start), 'utf8').length;
    const suffix = Buffer.from(text.slice(start + 13), 'utf8').length;
    expect(after.subarray(0, prefix).equals(before.subarray(0, prefix))).toBe(true);
    expect(
      after.subarray(after.length - suffix).equals(before.subarray(before.length - suffix)),
    ).toBe(true);
    expect(after.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(out.match(/\r\n/g)).toHaveLength(3);
  });
});
