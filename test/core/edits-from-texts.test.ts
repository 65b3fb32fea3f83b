/** editsFromTexts: minimal edits whose application gives the new text, whatever it is. */
import { describe, expect, it } from 'vitest';
import { applyEdits, editsConflict } from '../../src/core/edit.js';
import { editsFromTexts } from '../../src/core/text-edits.js';
import { seededRandom } from '../oracle/generate-sites.js';

describe('editsFromTexts', () => {
  it('gives no edit for identical texts', () => {
    expect(editsFromTexts('a\nb\n', 'a\nb\n')).toEqual([]);
  });

  it('narrows changed lines to the words that differ', () => {
    const before = "import { fetchUser } from './api';\nfetchUser(1);\n";
    const after = "import { loadUser } from './api';\nloadUser(1);\n";
    const edits = editsFromTexts(before, after);
    expect(edits.map((e) => [before.slice(e.start, e.end), e.text])).toEqual([
      ['fetchUser', 'loadUser'],
      ['fetchUser', 'loadUser'],
    ]);
    expect(applyEdits(before, edits)).toBe(after);
  });

  it('keeps untouched regions out of the edits and handles insertions and deletions', () => {
    const before = 'a\nb\nc\nd\ne\n';
    const after = 'a\nB\nc\ne\nf\n';
    const edits = editsFromTexts(before, after);
    expect(edits.map((e) => [e.start, e.end, e.text])).toEqual([
      [2, 3, 'B'],
      [6, 8, ''],
      [10, 10, 'f\n'],
    ]);
  });

  it('keeps CRLF, a missing final newline, and surrogate pairs whole', () => {
    const before = 'const a = "🎉";\r\nconst b = 1';
    const after = 'const a = "🎊";\r\nconst b = 2';
    const edits = editsFromTexts(before, after);
    expect(applyEdits(before, edits)).toBe(after);
    expect(edits[0]!.text).toBe('🎊');
    expect(edits[0]!.end - edits[0]!.start).toBe(2);
  });

  it('round-trips random rewrites with sorted, non-overlapping edits', () => {
    const rand = seededRandom(14);
    const words = ['x', 'foo', '  ', '🎉', 'é', ';', '\n', '\r\n', '{', '}', 'bar'];
    const text = (n: number) =>
      Array.from({ length: n }, () => words[Math.floor(rand() * words.length)]).join('');
    for (let i = 0; i < 300; i++) {
      const before = text(40);
      const chars = [...before];
      for (let k = 0; k < 4; k++) {
        const at = Math.floor(rand() * (chars.length + 1));
        chars.splice(at, Math.floor(rand() * 3), ...[...text(2)]);
      }
      const after = chars.join('');
      const edits = editsFromTexts(before, after);
      expect(applyEdits(before, edits)).toBe(after);
      for (let k = 1; k < edits.length; k++) {
        expect(edits[k - 1]!.start).toBeLessThanOrEqual(edits[k]!.start);
        expect(editsConflict(edits[k - 1]!, edits[k]!)).toBe(false);
      }
    }
  });
});
