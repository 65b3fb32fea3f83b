/** reparse: an incremental re-parse gives the tree a fresh parse gives, whatever the edits. */
import { beforeAll, describe, expect, it } from 'vitest';
import { applyEdits, Edit } from '../../src/core/edit.js';
import { editsFromTexts } from '../../src/core/text-edits.js';
import { walk } from '../../src/python/nodes.js';
import { loadPython, parsePython, type Tree } from '../../src/python/parser.js';
import { reparse } from '../../src/python/reparse.js';
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

  it('re-parses a whole new text turned into edits (editsFromTexts) like a fresh parse', () => {
    const rand = seededRandom(7);
    const base = SOURCE.repeat(40);
    for (let round = 0; round < 60; round++) {
      const after = applyEdits(base, randomEdits(base, rand));
      const edits = editsFromTexts(base, after);
      expect(applyEdits(base, edits)).toBe(after);
      const old = parsePython(base);
      const tree = reparse(old, base, edits, after);
      const fresh = parsePython(after);
      try {
        expect(tree.rootNode.toString()).toBe(fresh.rootNode.toString());
      } finally {
        for (const t of [old, tree, fresh]) t.delete();
      }
    }
    expect(editsFromTexts('a🎉b\n', 'a🎊b\n')).toEqual([Edit.replace(1, 3, '🎊')]);
  });
});
