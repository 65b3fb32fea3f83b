/**
 * Keep sorted import blocks sorted: where a rewrite touched an import block that ruff's
 * isort rule (I001) accepted before, apply ruff's fix to it. Blocks that were unsorted
 * before are left as they are — remedy does not tidy code it was not asked to touch.
 * When no edited line is on or next to a line that may belong to an import, ruff is
 * not run at all (a whole-file lint: 0.2 s for a 1 MB module).
 */
import { applyEdits, Edit } from '../core/edit.js';
import { diffLines } from '../core/line-diff.js';
import { LineIndex, splitLines } from '../core/text.js';
import { type EditedLines, editedLines } from './format.js';
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

/**
 * 0-based rows of `text` that may belong to an import statement: every line that says
 * `import`, and the lines that continue one (an open bracket, a trailing backslash).
 * An over-approximation (strings and comments count), never an under-approximation.
 */
export function possibleImportRows(text: string): Set<number> {
  const rows = new Set<number>();
  let depth = 0;
  let continued = false;
  let row = 0;
  for (let start = 0; start < text.length; row++) {
    const breakAt = text.indexOf('\n', start);
    const end = breakAt === -1 ? text.length : breakAt;
    const line = text.slice(start, end);
    start = end + 1;
    if (depth > 0 || continued || /\bimport\b/.test(line)) {
      rows.add(row);
      const code = line.replace(/#.*/, '');
      depth = Math.max(0, depth + count(code, '(') - count(code, ')'));
      continued = /\\\s*$/.test(code);
    }
  }
  return rows;
}

function count(text: string, char: string): number {
  let n = 0;
  for (let i = text.indexOf(char); i !== -1; i = text.indexOf(char, i + 1)) n++;
  return n;
}

/** Whether an edited row (or the row after a deletion) is on or next to a possible import row. */
function nearImports(after: string, edited: EditedLines): boolean {
  if (edited.lines.size + edited.deletions.size === 0) return false;
  const rows = possibleImportRows(after);
  if (rows.size === 0) return false;
  const near = (row: number) => rows.has(row - 1) || rows.has(row) || rows.has(row + 1);
  for (const row of edited.lines) if (near(row)) return true;
  for (const row of edited.deletions) if (near(row)) return true;
  return false;
}

/** `edited` may be given when the caller has it (`editedLines(before, after)`). */
export function sortEditedImportBlocks(
  before: string,
  after: string,
  ruffOptions: Record<string, unknown> = {},
  edited: EditedLines = editedLines(before, after),
): string {
  if (!nearImports(after, edited)) return after;
  const unsortedAfter = ruffCheck(after, ['I001'], ruffOptions).filter((d) => d.fix);
  if (unsortedAfter.length === 0) return after;
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
