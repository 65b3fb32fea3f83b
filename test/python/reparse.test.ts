/** reparse: an incremental re-parse gives the tree a fresh parse gives, whatever the edits. */
import { beforeAll, describe, expect, it } from 'vitest';
import { applyEdits, Edit } from '../../src/core/edit.js';
import { walk } from '../../src/python/nodes.js';
import { loadPython, parsePython, type Tree } from '../../src/python/parser.js';
import { reparse, spanEdit } from '../../src/python/reparse.js';
import { seededRandom } from '../oracle/generate-sites.js';

const SOURCE = [
  '"""Grüße 🎉 — a module."""',
  'from typing import Optional, Union',
  '',
  'def f(a: Optional[int], b: Union[str, bytes] = "x") -> Optional[str]:',
  '    # 注释 𝔘',
  '    return None if a else "ü"',
  '',
  'class C:',
  '    x: Optional["C"] = None',
  '',
].join('\n');

/** Every node as `type@start-end:row,column`, in document order. */
function shape(tree: Tree): string[] {
  const out: string[] = [];
  walk(tree.rootNode, (n) => {
    out.push(
      `${n.type}@${n.startIndex}-${n.endIndex}:${n.startPosition.row},${n.startPosition.column}`,
    );
    return true;
  });
  return out;
}

function fresh(text: string): { shape: string[]; text: string } {
  const tree = parsePython(text);
  try {
    return { shape: shape(tree), text: tree.rootNode.text };
  } finally {
    tree.delete();
  }
}

function randomEdits(text: string, rand: () => number): Edit[] {
  const inserts = ['int | None', '', ' ', '\n', 'ü🎉', 'x\r\ny', '(', 'Optional[str]'];
  const edits: Edit[] = [];
  let cursor = 0;
  while (cursor < text.length && edits.length < 6) {
    const start = cursor + Math.floor(rand() * 40);
    const end = Math.min(text.length, start + Math.floor(rand() * 12));
    if (start >= text.length) break;
    // Never split a surrogate pair.
    if (/[\uDC00-\uDFFF]/.test(text[start] ?? '') || /[\uDC00-\uDFFF]/.test(text[end] ?? '')) break;
    edits.push(Edit.replace(start, end, inserts[Math.floor(rand() * inserts.length)]!));
    cursor = end + 1;
  }
  return edits;
}

describe('reparse', () => {
  beforeAll(loadPython);

  it('matches a fresh parse after random edits (LF, CRLF, BOM, non-ASCII)', () => {
    const rand = seededRandom(42);
    for (const base of [SOURCE, SOURCE.replace(/\n/g, '\r\n'), `\uFEFF${SOURCE}`]) {
      for (let round = 0; round < 40; round++) {
        const edits = randomEdits(base, rand);
        const next = applyEdits(base, edits);
        const tree = parsePython(base);
        const updated = reparse(tree, base, edits, next);
        try {
          const expected = fresh(next);
          expect(shape(updated)).toEqual(expected.shape);
          expect(updated.rootNode.text).toBe(expected.text);
        } finally {
          tree.delete();
          updated.delete();
        }
      }
    }
  });

  it('spanEdit covers exactly what differs between two texts', () => {
    const rand = seededRandom(7);
    const base = SOURCE.repeat(40);
    for (let round = 0; round < 60; round++) {
      const after = applyEdits(base, randomEdits(base, rand));
      const edit = spanEdit(base, after);
      expect(applyEdits(base, [edit])).toBe(after);
      expect(base.slice(0, edit.start)).toBe(after.slice(0, edit.start));
      expect(base.slice(edit.end)).toBe(after.slice(after.length - (base.length - edit.end)));
    }
    expect(spanEdit('abc', 'abc')).toEqual(Edit.replace(3, 3, ''));
    expect(spanEdit('a🎉b', 'a🎊b')).toEqual(Edit.replace(1, 3, '🎊'));
  });
});
