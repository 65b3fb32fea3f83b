/**
 * Text edits: replace a range of a source string with new text.
 * Offsets are JS string indices (UTF-16 code units), the one offset unit of remedy.
 */

export interface Edit {
  /** Start offset (inclusive). */
  readonly start: number;
  /** End offset (exclusive); equal to `start` for an insertion. */
  readonly end: number;
  /** Replacement text; empty for a deletion. */
  readonly text: string;
}

function make(start: number, end: number, text: string): Edit {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start) {
    throw new RangeError(`invalid edit range [${start}, ${end})`);
  }
  return Object.freeze({ start, end, text });
}

export const Edit = {
  replace: (start: number, end: number, text: string): Edit => make(start, end, text),
  insert: (at: number, text: string): Edit => make(at, at, text),
  delete: (start: number, end: number): Edit => make(start, end, ''),
  /** Replace the range of anything with `startIndex`/`endIndex` (a tree-sitter node). */
  replaceNode: (node: { startIndex: number; endIndex: number }, text: string): Edit =>
    make(node.startIndex, node.endIndex, text),
  deleteNode: (node: { startIndex: number; endIndex: number }): Edit =>
    make(node.startIndex, node.endIndex, ''),
} as const;

export function isInsertion(edit: Edit): boolean {
  return edit.start === edit.end;
}

export function sameEdit(a: Edit, b: Edit): boolean {
  return a.start === b.start && a.end === b.end && a.text === b.text;
}

/** Order by start, then end, then text, so that sorting is deterministic. */
export function compareEdits(a: Edit, b: Edit): number {
  return a.start - b.start || a.end - b.end || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0);
}

/**
 * Whether two edits cannot both be applied. Touching ranges are fine, and so is an
 * insertion at the boundary of a replacement. Two different insertions at the same
 * offset conflict (their order would be arbitrary).
 */
export function editsConflict(a: Edit, b: Edit): boolean {
  if (sameEdit(a, b)) return false;
  if (isInsertion(a) && isInsertion(b)) return a.start === b.start;
  if (isInsertion(a)) return a.start > b.start && a.start < b.end;
  if (isInsertion(b)) return b.start > a.start && b.start < a.end;
  return a.start < b.end && b.start < a.end;
}

/** Apply non-conflicting edits to `source` (they are sorted here; duplicates applied once). */
export function applyEdits(source: string, edits: readonly Edit[]): string {
  const sorted = dedupeEdits([...edits].sort(compareEdits));
  let out = '';
  let cursor = 0;
  for (let i = 0; i < sorted.length; i++) {
    const edit = sorted[i]!;
    const prev = sorted[i - 1];
    if (prev && editsConflict(prev, edit)) {
      throw new Error(
        `conflicting edits at [${prev.start}, ${prev.end}) and [${edit.start}, ${edit.end})`,
      );
    }
    if (edit.end > source.length) {
      throw new RangeError(
        `edit [${edit.start}, ${edit.end}) is past the end of the text (${source.length})`,
      );
    }
    out += source.slice(cursor, edit.start) + edit.text;
    cursor = edit.end;
  }
  return out + source.slice(cursor);
}

/** Drop exact duplicates from a sorted list. */
export function dedupeEdits(sorted: readonly Edit[]): Edit[] {
  const out: Edit[] = [];
  for (const edit of sorted) {
    const last = out[out.length - 1];
    if (!last || !sameEdit(last, edit)) out.push(edit);
  }
  return out;
}
