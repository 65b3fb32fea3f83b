/**
 * Keep sorted import blocks sorted: where a rewrite touched an import block that ruff's
 * isort rule (I001) accepted before, apply ruff's fix to it. Blocks that were unsorted
 * before are left as they are — remedy does not tidy code it was not asked to touch.
 */
import { applyEdits, Edit } from '../core/edit.js';
import { diffLines } from '../core/line-diff.js';
import { LineIndex, splitLines } from '../core/text.js';
import { editedLines } from './format.js';
import { type RuffDiagnostic, ruffCheck } from './ruff.js';

interface Block {
  /** 0-based first and last rows. */
  readonly first: number;
  readonly last: number;
}

function blockOf(d: RuffDiagnostic): Block {
  return { first: d.start_location.row - 1, last: d.end_location.row - 1 };
}

/** 0-based rows of `after` that are unchanged, mapped to their rows in `before`. */
function unchangedRows(before: string, after: string): Map<number, number> {
  const map = new Map<number, number>();
  let b = 0;
  let a = 0;
  for (const change of diffLines(splitLines(before), splitLines(after))) {
    const n = change.value.length;
    if (change.added) a += n;
    else if (change.removed) b += n;
    else {
      for (let i = 0; i < n; i++) map.set(a + i, b + i);
      a += n;
      b += n;
    }
  }
  return map;
}

export function sortEditedImportBlocks(
  before: string,
  after: string,
  ruffOptions: Record<string, unknown> = {},
): string {
  const unsortedAfter = ruffCheck(after, ['I001'], ruffOptions).filter((d) => d.fix);
  if (unsortedAfter.length === 0) return after;
  const edited = editedLines(before, after);
  const wasUnsorted = ruffCheck(before, ['I001'], ruffOptions).map(blockOf);
  const rows = unchangedRows(before, after);
  const lines = new LineIndex(after);
  const edits: Edit[] = [];
  for (const d of unsortedAfter) {
    const block = blockOf(d);
    let touched = false;
    let alreadyUnsorted = false;
    for (let row = block.first; row <= block.last; row++) {
      if (edited.lines.has(row) || edited.deletions.has(row)) touched = true;
      const old = rows.get(row);
      if (old !== undefined && wasUnsorted.some((u) => old >= u.first && old <= u.last))
        alreadyUnsorted = true;
    }
    if (!touched || alreadyUnsorted) continue;
    for (const e of d.fix!.edits) {
      const start = lines.offsetAt(e.location.row, e.location.column - 1);
      const end = lines.offsetAt(e.end_location.row, e.end_location.column - 1);
      edits.push(Edit.replace(start, end, e.content ?? ''));
    }
  }
  return edits.length ? applyEdits(after, edits) : after;
}
