/**
 * Incremental re-parsing: tell the old tree which ranges an edit replaced, then let
 * tree-sitter re-parse the new text reusing every subtree the edits did not touch
 * (much cheaper than parsing the rewritten file from scratch).
 */

import { Edit as InputEdit } from 'web-tree-sitter';
import type { Edit } from '../core/edit.js';
import { LineIndex } from '../core/text.js';
import { parsePython, type Tree } from './parser.js';

interface Point {
  row: number;
  column: number;
}

/** The tree-sitter point (0-based row, column in JS string units) of `offset`. */
function pointAt(lines: LineIndex, offset: number): Point {
  const line = lines.lineOf(offset);
  return { row: line - 1, column: offset - lines.lineStart(line) };
}

/** The point reached from `start` by writing `inserted`. */
function advance(start: Point, inserted: string): Point {
  const lastBreak = inserted.lastIndexOf('\n');
  if (lastBreak === -1) return { row: start.row, column: start.column + inserted.length };
  let rows = 0;
  for (let i = inserted.indexOf('\n'); i !== -1; i = inserted.indexOf('\n', i + 1)) rows++;
  return { row: start.row + rows, column: inserted.length - lastBreak - 1 };
}

/**
 * Tell `tree` (the tree of `oldText`, edited in place) which ranges `edits`
 * (non-overlapping, in `oldText` offsets) replaced, without parsing: its nodes move to
 * the new offsets, and those the edits touched say `hasChanges` until a re-parse.
 */
export function editTree(tree: Tree, oldText: string, edits: readonly Edit[]): void {
  // From the last edit to the first: each edit's offsets are still valid in the text
  // the tree describes at that moment.
  const ordered = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  const lines = new LineIndex(oldText);
  for (const edit of ordered) {
    const startPosition = pointAt(lines, edit.start);
    tree.edit(
      new InputEdit({
        startIndex: edit.start,
        oldEndIndex: edit.end,
        newEndIndex: edit.start + edit.text.length,
        startPosition,
        oldEndPosition: pointAt(lines, edit.end),
        newEndPosition: advance(startPosition, edit.text),
      }),
    );
  }
}

/**
 * Parse `newText`, which is `oldText` with `edits` (non-overlapping, in `oldText`
 * offsets) applied, reusing `tree` (the tree of `oldText`). `tree` is edited in place
 * and must still be deleted by the caller; the returned tree is new.
 */
export function reparse(
  tree: Tree,
  oldText: string,
  edits: readonly Edit[],
  newText: string,
): Tree {
  if (edits.length > 0) editTree(tree, oldText, edits);
  return parsePython(newText, tree);
}
