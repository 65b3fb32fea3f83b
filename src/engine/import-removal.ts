/**
 * Removing several unused imports with one tree: the same edits as removing them one
 * at a time and re-parsing after each, computed on the text alone. Removing an import
 * clause never adds or removes a use of another name, so every decision can be taken
 * on the tree from before the first removal; only the offsets of the clauses left
 * move, by the deletions made before them.
 */
import { applyEdits, type Edit } from '../core/edit.js';
import { findUnusedImport, type ImportRequest, removeClause } from '../python/import-edits.js';
import type { ImportStatement } from '../python/imports.js';
import type { Node, Tree } from '../python/parser.js';

/** An offset of the original text after `deletions` (in the order they were made). */
function shifted(offset: number, deletions: readonly Edit[]): number {
  let at = offset;
  for (const d of deletions) {
    if (at >= d.end) at -= d.end - d.start;
    else if (at > d.start) at = d.start;
  }
  return at;
}

/** The statement as it reads after `deletions`, without the clauses already removed. */
function currentView(
  stmt: ImportStatement,
  removed: ReadonlySet<number>,
  deletions: readonly Edit[],
): ImportStatement {
  const start = shifted(stmt.start, deletions);
  const end = shifted(stmt.end, deletions);
  const names = stmt.names
    .filter((_, i) => !removed.has(i))
    .map((n) => ({ ...n, start: shifted(n.start, deletions), end: shifted(n.end, deletions) }));
  // removeClause reads only the range of the node (to delete a whole statement).
  const node = { startIndex: start, endIndex: end } as Node;
  return { ...stmt, names, start, end, node };
}

/**
 * The text after removing every import `requests` name that nothing uses, one after
 * the other; undefined when an edit is not a plain deletion (then the caller re-parses
 * between removals, as for any other import edit).
 */
export function removeUnusedImports(
  text: string,
  tree: Tree,
  requests: readonly ImportRequest[],
): string | undefined {
  const hits = requests
    .map((req) => findUnusedImport(text, tree, req))
    .filter((h): h is NonNullable<typeof h> => h !== undefined);
  let current = text;
  const deletions: Edit[] = [];
  const removed = new Map<number, Set<number>>();
  for (const { stmt, index } of hits) {
    const done = removed.get(stmt.start) ?? new Set<number>();
    if (done.has(index)) continue;
    const view = currentView(stmt, done, deletions);
    const position = stmt.names.filter((_, i) => i < index && !done.has(i)).length;
    const edit = removeClause(current, view, position);
    if (edit.text !== '') return undefined;
    current = applyEdits(current, [edit]);
    deletions.push(edit);
    removed.set(stmt.start, done.add(index));
  }
  return current;
}
